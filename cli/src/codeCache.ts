/**
 * Runs a CommonJS bundle through a V8 code cache. A `check` of a few files spends a good part
 * of its CPU compiling JavaScript: V8 pre-parses the whole bundle, then compiles each function
 * the first time it runs. The bytecode left by a finished run, handed to V8 at the next start,
 * skips both (bench/README.md, "Start-up"). Node 22 has this built in
 * (`module.enableCompileCache`); Node 20, which the CLI supports, does not.
 *
 * A cache is code, so:
 * - it lives in a folder of the OS temp folder that belongs to this user and that nobody else
 *   can write (never in the project); when that cannot be had, there is no cache;
 * - its name hashes the caller's key (the build's hash of the bundle, and the command), the
 *   bundle's size and time, the Node and V8 versions, platform and architecture, the flags given
 *   to Node. V8 itself rejects a cache of another V8 version, other V8 flags or a source of
 *   another length, and, with `--verify-snapshot-checksum` (set here), one whose bytes changed;
 * - anything wrong (unreadable, corrupt, rejected by V8) runs the bundle without the cache,
 *   and a cache that cannot be written is not written.
 * Hashing the bundle or the cache at run time would need `node:crypto`, whose loading costs
 * more than half of what the cache saves.
 *
 * The cache is made at exit of the second run of a bundle and key, not the first, which only
 * leaves a mark: a CI job that runs the CLI once on a fresh machine would pay for serialising
 * a cache (about as much CPU as the cache saves) that nothing reads.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";

/**
 * How the cache served this run. `partial`: read a cache that a run through part of the bundle
 * made (see `prepare`); the next run through all of it replaces it.
 */
export type CacheUse = "off" | "marked" | "writing" | "hit" | "partial" | "rejected";

export interface CodeCacheOptions {
  /** The cache's folder (`codeCacheFolder()`), or null to run without a cache. */
  folder: string | null;
  /**
   * What tells this bundle's caches apart: a hash of its text made when it was built (the
   * bundle's size and time alone do not: npm gives every installed file the same time), and
   * what else changes the functions a run compiles, such as the command.
   */
  key: string;
  /**
   * Called at exit before a cache is made, with the bundle's exports. Puts back the V8 flags
   * the bundle changed while running (V8 only takes a cache made under the flags it reads it
   * under, and the next process starts with the defaults), and says whether this run went
   * through the bundle's main work or only part of it: the cache of a partial run (for the
   * CLI: a check of files without model code, a usage error) holds little of what the next
   * runs need, so it is kept only until a whole run replaces it. Without it: whole.
   */
  prepare?: (exports: unknown) => "whole" | "partial";
}

/** Caches and marks left untouched this long are deleted when a new cache is written. */
const STALE_MS = 7 * 24 * 60 * 60 * 1000;
/** The function wrapper of Node's CommonJS loader, so the bundle sees the same five names. */
const WRAPPER = ["(function (exports, require, module, __filename, __dirname) { ", "\n});"] as const;

/** FNV-1a, 2 x 32 bits, of a short string: the cache's file name. */
function nameHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 16777619);
    b = Math.imul(b ^ text.charCodeAt(i), 2246822519);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/**
 * This user's folder for code caches in the OS temp folder, or null when it is not safely
 * ours (another owner, writable by others, a link) or `AI_READINESS_CODE_CACHE=0` turns it off.
 */
export function codeCacheFolder(env: NodeJS.ProcessEnv = process.env, temp: string = tmpdir()): string | null {
  if (env.AI_READINESS_CODE_CACHE === "0") return null;
  // Windows has no uid; its temp folder is already the user's own.
  const uid = process.getuid?.();
  const folder = join(temp, uid === undefined ? "ai-readiness-code-cache" : `ai-readiness-code-cache-${uid}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = lstatSync(folder);
    if (!stat.isDirectory()) return null;
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return null;
    return folder;
  } catch {
    return null;
  }
}

/** Runs the CommonJS bundle `file` as Node's loader would, with a code cache when `options.folder` allows; returns how the cache served. */
export function runWithCodeCache(file: string, options: CodeCacheOptions): CacheUse {
  const source = `${WRAPPER[0]}${readFileSync(file, "utf8")}${WRAPPER[1]}`;
  const paths = options.folder === null ? null : cachePaths(options.folder, file, options.key);
  const whole = paths && readCache(paths.cache);
  const stored = whole ?? (paths && readCache(paths.partial));
  const script = checksummed(() => new Script(source, { filename: file, cachedData: stored ?? undefined }));
  let use: CacheUse = paths === null ? "off" : stored === null ? "writing" : script.cachedDataRejected ? "rejected" : whole ? "hit" : "partial";
  if (paths && use === "rejected") {
    // Start over: mark again, and the next run writes a cache made under today's conditions.
    remove(whole ? paths.cache : paths.partial);
    remove(paths.mark);
  } else if (paths && use === "writing" && !existsSync(paths.mark)) {
    use = "marked";
    write(paths.mark, Buffer.alloc(0));
  }
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  if (paths && (use === "writing" || use === "partial")) {
    process.once("exit", () => {
      try {
        const ran = options.prepare?.(module.exports) ?? "whole";
        if (ran === "partial" && use === "partial") return;
        const data = checksummed(() => script.createCachedData());
        removeStale(paths.folder);
        write(ran === "whole" ? paths.cache : paths.partial, data);
        if (ran === "whole") remove(paths.partial);
      } catch {
        // No cache this time: the run itself went as it would have without one.
      }
    });
  }
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return use;
}

/**
 * V8 writes and checks a code cache's checksum only under `--verify-snapshot-checksum`, which
 * also makes every built-in module Node loads later check its own: on only while a cache is
 * read or made. A flag is part of what V8 compares, so both happen under the same flags.
 */
function checksummed<T>(work: () => T): T {
  setFlagsFromString("--verify-snapshot-checksum");
  try {
    return work();
  } finally {
    setFlagsFromString("--no-verify-snapshot-checksum");
  }
}

function cachePaths(folder: string, file: string, key: string) {
  const { size, mtimeMs } = statSync(file);
  const name = nameHash([key, file, size, mtimeMs, process.version, process.versions.v8, process.platform, process.arch, process.execArgv.join(" "), process.env.NODE_OPTIONS ?? ""].join("\0"));
  return { folder, cache: join(folder, `${name}.cache`), partial: join(folder, `${name}.partial-cache`), mark: join(folder, `${name}.mark`) };
}

function readCache(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/** Written whole or not at all: another run reading at the same time never sees half a file. */
function write(path: string, data: Buffer): void {
  const partial = `${path}.${process.pid}.partial`;
  try {
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, path);
  } catch {
    remove(partial);
  }
}

function remove(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Gone already, or not ours to delete: the next run sees it again and decides again.
  }
}

/** Caches of older builds and Node versions would otherwise pile up, one per build. */
function removeStale(folder: string): void {
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) remove(path);
    } catch {
      // Deleted by another run meanwhile.
    }
  }
}
