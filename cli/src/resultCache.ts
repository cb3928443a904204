/**
 * `check --cache`: each file's facts, kept on disk between runs and found again by a hash of
 * the file's text, its language and the engine that made them (engineStamp.ts). A file whose
 * text passes the model-code prefilter and whose entry is there is not parsed again. Only the
 * analysis is kept: the project's facts, the lint and the report are made every run, from
 * the same facts, so the report is the one a run without the cache writes.
 *
 * The store is a folder of entries, one file per hash (`facts/<sha256>.json`), so a scan lane
 * reads only the entries of its own files and nothing is loaded whole. Entries are read and
 * written synchronously: for files of a few kB, Node's promise API cost 4 to 10 times the CPU
 * (about 0.8 s more to write 5,000 entries, 0.4 s to read them), and a lane has nothing else to do
 * meanwhile (the reads of the sources ahead go on in the thread pool). An entry is written to
 * a temporary name and renamed: a run reading it at the same moment sees all of it or none,
 * and two runs writing the same entry write the same bytes. An entry begins with a header
 * line (format, engine stamp, key, a checksum of the rest); anything that does not match, or
 * facts of the wrong shape, is a miss, and the miss writes the entry again.
 *
 * Not stored: the text (put back from the file just read); a file whose facts hold a key the
 * engine found (`stringLiterals`) or any string shaped like a provider key (in a header, a
 * template): such files are analysed every run and no key reaches the disk; a skip for time
 * (it says how busy the machine was, not what the file is); an analysis that failed.
 *
 * Bounded: an entry used by a run is marked (its time set) when its mark is an hour old; at
 * the end of a run, at most once an hour, entries that no run used for a day are deleted.
 * So a store holds what the last day's runs used: the whole workspace's for the full check,
 * and a pre-commit hook's run over two files leaves the others in place.
 */
import { createHash, randomBytes } from "node:crypto";
import { closeSync, fstatSync, futimesSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type BigIntStats } from "node:fs";
import { join } from "node:path";
import type { FileFacts, WasmLocator } from "../../rules/src/index";
import { KEY_PATTERNS } from "../../rules/src/model/secrets";
import { ENTRY_FORMAT, engineFiles, engineStamp } from "./engineStamp";
import { NotEncodable, decodeFacts, encodeFacts } from "./factsCodec";
import type { ScannedFile } from "./scanFile";

/** Where the cache is and which engine reads it: plain data, handed to each scan lane. */
export interface CacheSettings {
  /** The folder holding the entries (`<location>/facts`). */
  entries: string;
  stamp: string;
  /**
   * With `--cache-strategy metadata`: a file whose modification and change times are both
   * before this (ms since the epoch) may be known again by its `stat` (metadataIndex.ts).
   */
  trustBefore?: number;
}

/** How a run knows a file is unchanged: by `stat` first (`metadata`), or only by its text's hash (`content`). */
export type CacheStrategy = "metadata" | "content";

/** What a lane found for a file that passed the prefilter: its answer, or the key to store one under. */
export type Lookup = { hit: ScannedFile } | { key: string };

const HOUR = 60 * 60 * 1000;
/** An entry's mark is renewed when it is older than this: a run on an unchanged workspace writes nothing. */
const MARK_AFTER = HOUR;
/** Entries no run has used for this long are deleted. */
const KEEP = 24 * HOUR;
/** The folder is gone through for stale entries at most this often. */
const PRUNE_EVERY = HOUR;
/** Entries, and the temporary files of entries, of the metadata index and of the engine's stamp (those two are kept). */
const ENTRY_NAME = /^(?:[0-9a-f]{64}\.json(\.\d+\.[0-9a-f]+\.tmp)?|(?:index\.json|engine-stamp)\.\d+\.[0-9a-f]+\.tmp)$/;
/** The engine's stamp, remembered by the `stat` of the files it is made of. */
const ENGINE_STAMP_NAME = "engine-stamp";
const PRUNED_MARK = "pruned";
/** A provider key anywhere in what would be written: the key patterns, at the start of a word rather than of the string. */
const KEY_SHAPED = new RegExp(`(?<![\\w-])(?:${KEY_PATTERNS.map((k) => k.pattern.source.replace(/^\^/, "").replace(/\$$/, "")).join("|")})`);
/** The budget's skip for time: the machine's load, not the file's nature. */
const TIME_SKIP = /^took longer than /;

/**
 * The cache at `location` for this run, its folder made if missing; or a warning, and the
 * run goes on without it, when it cannot be written or its engine cannot be named.
 */
export function openResultCache(location: string, locate: WasmLocator | undefined, strategy: CacheStrategy = "content"): { settings: CacheSettings } | { warning: string } {
  const entries = join(location, "facts");
  let now: number;
  try {
    const created = mkdirSync(location, { recursive: true });
    // Only in a folder of our own making: `--cache-location .` must not hide the project from git.
    if (created !== undefined) {
      writeWhole(join(location, ".gitignore"), "# The result cache of ai-readiness: not source.\n*\n");
      writeWhole(join(location, "CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n# The result cache of ai-readiness (https://bford.info/cachedir/).\n");
    }
    mkdirSync(entries, { recursive: true });
    // Writable is what matters (a read-only checkout, a full disk): tried once here, not per file.
    const probe = temporaryName(join(entries, "0".repeat(64) + ".json"));
    writeFileSync(probe, "");
    // The file system's clock, where it stamps files: the racy rule's "now" (metadataIndex.ts).
    now = Math.min(statSync(probe).mtimeMs, Date.now());
    rmSync(probe);
  } catch (error) {
    return { warning: `warning: the cache at \`${location}\` cannot be written (${describe(error)}): checking without it` };
  }
  try {
    const trustBefore = now - RACY_MARGIN_MS;
    const settings: CacheSettings = { entries, stamp: strategy === "metadata" ? rememberedEngineStamp(entries, locate, trustBefore) : engineStamp(locate) };
    if (strategy === "metadata") settings.trustBefore = trustBefore;
    return { settings };
  } catch (error) {
    return { warning: `warning: the cache cannot be used, the engine's files are unreadable (${describe(error)}): checking without it` };
  }
}

/**
 * `engineStamp`, remembered beside the entries by the `stat` of the files it hashes, as the
 * metadata index remembers sources: hashing the 4 MB of bundles and grammars cost about 15 ms
 * of every run. The same rule of trust: a file changed shortly before the run is hashed again.
 */
export function rememberedEngineStamp(entries: string, locate: WasmLocator | undefined, trustBefore: number, moduleFile?: string): string {
  const path = join(entries, ENGINE_STAMP_NAME);
  const before = BigInt(Math.floor(trustBefore)) * 1_000_000n;
  let files: string | null = "";
  for (const file of engineFiles(locate, moduleFile)) {
    const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
    if (!stat || stat.mtimeNs >= before || stat.ctimeNs >= before) {
      files = null;
      break;
    }
    files += `${file}\0${stampOf(stat)}\n`;
  }
  const key = files === null ? null : createHash("sha256").update(files).digest("hex");
  if (key) {
    try {
      const [remembered, stamp] = readFileSync(path, "utf8").split("\n");
      if (remembered === key && stamp && /^[0-9a-f]{32}$/.test(stamp)) return stamp;
    } catch {
      // Not there yet, or unreadable: hashed below.
    }
  }
  const stamp = engineStamp(locate, moduleFile);
  if (key) {
    try {
      writeWhole(path, `${key}\n${stamp}\n`);
    } catch {
      // Hashed again next run.
    }
  }
  return stamp;
}

/** One lane's use of the cache: looks entries up, and writes the entries of what it analysed. */
export class ResultCache {
  constructor(private readonly settings: CacheSettings) {}

  /**
   * Looks up a text that passed the prefilter. SHA-256: as fast as SHA-1 here (both run on the
   * CPU's SHA instructions, about 1.5 GB/s) and twice as fast as MD5, and no one can make two
   * texts share an entry.
   */
  lookup(text: string, language: FileFacts["language"]): Lookup {
    return this.lookupKey(this.keyOf(text, language), text, language);
  }

  keyOf(text: string, language: FileFacts["language"]): string {
    return createHash("sha256").update(`${this.settings.stamp}\0${language}\0`).update(text).digest("hex");
  }

  /** Looks up the entry of a key known already (from the metadata index): no hashing. */
  lookupKey(key: string, text: string, language: FileFacts["language"]): Lookup {
    const hit = this.read(key, text, language);
    return hit ? { hit } : { key };
  }

  /**
   * The file's stamp for the metadata index, or null when the index is off or when the stamp
   * cannot be trusted: changed too recently for a later change to be sure to change it.
   */
  trustedStamp(stat: BigIntStats): string | null {
    if (this.settings.trustBefore === undefined) return null;
    const before = BigInt(Math.floor(this.settings.trustBefore)) * 1_000_000n;
    return stat.mtimeNs < before && stat.ctimeNs < before ? stampOf(stat) : null;
  }

  /** Whether the metadata index is used (`--cache-strategy metadata`). */
  get usesMetadata(): boolean {
    return this.settings.trustBefore !== undefined;
  }

  /** Keeps `scanned` under `key` when it may be kept. */
  store(key: string, language: FileFacts["language"], scanned: ScannedFile): void {
    const body = bodyOf(scanned);
    if (body === null) return;
    const header = JSON.stringify({ format: ENTRY_FORMAT, stamp: this.settings.stamp, key, language, kind: body.kind, sum: checksum(body.text) });
    try {
      writeWhole(this.path(key), `${header}\n${body.text}`);
    } catch {
      // A full disk or a folder deleted meanwhile: the file is analysed again next run.
    }
  }

  private path(key: string): string {
    return join(this.settings.entries, `${key}.json`);
  }

  private read(key: string, text: string, language: FileFacts["language"]): ScannedFile | null {
    let fd: number | undefined;
    try {
      fd = openSync(this.path(key), "r");
      const { mtimeMs } = fstatSync(fd);
      const scanned = parseEntry(readFileSync(fd, "utf8"), key, this.settings.stamp, text, language);
      if (scanned && mtimeMs < Date.now() - MARK_AFTER) {
        const now = new Date();
        futimesSync(fd, now, now);
      }
      return scanned;
    } catch {
      // Not there, unreadable, damaged, or gone meanwhile: a miss.
      return null;
    } finally {
      if (fd !== undefined) closeQuietly(fd);
    }
  }
}

/** What an entry holds, as text; null for what must not be kept. */
function bodyOf(scanned: ScannedFile): { kind: "facts" | "skipped"; text: string } | null {
  if ("skipped" in scanned) return scanned.skipped.startsWith("could not be analysed") || TIME_SKIP.test(scanned.skipped) ? null : { kind: "skipped", text: JSON.stringify(scanned.skipped) };
  // A found key is never written to disk; nor is anything shaped like one the engine did not count as a key.
  if (scanned.facts.stringLiterals.length > 0) return null;
  try {
    return { kind: "facts", text: encodeFacts(scanned.facts, (value) => KEY_SHAPED.test(value)) };
  } catch (error) {
    if (error instanceof NotEncodable) return null;
    throw error;
  }
}

/** The entry's answer for this text, or null when it is not an entry this engine wrote for it, whole. */
function parseEntry(content: string, key: string, stamp: string, text: string, language: FileFacts["language"]): ScannedFile | null {
  const newline = content.indexOf("\n");
  if (newline < 0) return null;
  const header = JSON.parse(content.slice(0, newline)) as Record<string, unknown>;
  const body = content.slice(newline + 1);
  if (header.format !== ENTRY_FORMAT || header.stamp !== stamp || header.key !== key || header.language !== language || header.sum !== checksum(body)) return null;
  if (header.kind === "skipped") {
    const reason = JSON.parse(body) as unknown;
    return typeof reason === "string" ? { skipped: reason } : null;
  }
  return header.kind === "facts" ? { facts: decodeFacts(body, text, language) } : null;
}

/** The checksum in a header line of the cache's files (entries, the metadata index). */
export function checksum(body: string): string {
  return createHash("sha256").update(body).digest("hex").slice(0, 32);
}

/**
 * At the end of a run: deletes the entries no run used for a day (and temporary files a
 * stopped run left), at most once an hour. Never fails the run: what cannot be deleted now is
 * tried again next time.
 */
export function pruneResultCache(settings: CacheSettings, now = Date.now()): number {
  const mark = join(settings.entries, PRUNED_MARK);
  try {
    if (statSync(mark).mtimeMs > now - PRUNE_EVERY) return 0;
  } catch {
    // Never pruned: go through it now.
  }
  let deleted = 0;
  try {
    writeWhole(mark, "");
    for (const name of readdirSync(settings.entries)) {
      // Only what this cache writes: the folder may sit beside anything the user keeps.
      if (!ENTRY_NAME.test(name)) continue;
      const path = join(settings.entries, name);
      try {
        if (statSync(path).mtimeMs < now - KEEP) {
          rmSync(path, { force: true });
          deleted++;
        }
      } catch {
        // Deleted by another run meanwhile.
      }
    }
  } catch {
    // The folder went away or turned read-only meanwhile.
  }
  return deleted;
}

/**
 * What `stat` says of a file that changes when its text does, for the metadata index: size,
 * modification and change times in nanoseconds, and inode (a file replaced by a rename, as
 * editors save, is another inode). Git's index compares the same. The change time cannot be
 * set back: a text edited and its modification time put back (`touch -d`, `utimes`) still
 * differs.
 */
export function stampOf(stat: BigIntStats): string {
  return `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
}

/**
 * How far before the file system's "now" at the run's start a file's times must be for its
 * stamp to be kept. Within the same tick of the file system's clock (1 s on HFS+, 2 s for
 * FAT's modification time, a few ms elsewhere), a file changed again right after it was read
 * could keep its stamp: Git calls such an entry "racily clean" and checks its content. Here it
 * is simply not recorded, and is read next run. The margin also covers a cache folder on
 * another file system than the sources (a clock a little apart).
 */
export const RACY_MARGIN_MS = 2000;

/** Unique to this write: scan threads share the process id, and two files with the same text share a key. */
export function temporaryName(path: string): string {
  return `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
}

/** Written whole under a temporary name, then renamed over `path`: a reader sees the old file or the new, never part of one. */
export function writeWhole(path: string, text: string): void {
  const temporary = temporaryName(path);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing to do about it, and nothing was lost.
  }
}

export function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
