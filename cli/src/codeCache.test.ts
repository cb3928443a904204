import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { codeCacheFolder } from "./codeCache";

const dir = mkdtempSync(join(tmpdir(), "ai-readiness-code-cache-test-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const POSIX = process.platform !== "win32";

/**
 * A bundle that reports the names Node's loader gives a module, and, when told, changes a V8
 * flag while running (as the CLI does for small scans) and exports how to put it back.
 */
const BUNDLE = `
const { setFlagsFromString } = require("node:v8");
if (process.env.CHANGE_FLAGS) setFlagsFromString("--liftoff-only");
exports.restore = () => setFlagsFromString("--no-liftoff-only --wasm-tier-up --wasm-dynamic-tiering");
exports.ran = process.env.RAN ?? "whole";
const double = (n) => n * 2;
process.stdout.write(JSON.stringify({ names: [typeof exports, typeof require, module.exports === exports, __filename, __dirname], sep: require("node:path").sep, value: double(21) }) + "\\n");
`;

/**
 * Runs the bundle in a process of its own (the cache is made at exit) and returns what it
 * printed, and how the cache served. `RAN=partial` in `env`: the run says it ran part of the bundle.
 */
function runBundle(bundle: string, folder: string, options: { key?: string; restore?: boolean; env?: Record<string, string> } = {}) {
  const runner = `
const { runWithCodeCache } = require(${JSON.stringify(join(__dirname, "codeCache.js"))});
const use = runWithCodeCache(${JSON.stringify(bundle)}, {
  folder: ${JSON.stringify(folder)},
  key: ${JSON.stringify(options.key ?? "check")},
  prepare: (exports) => { ${options.restore === false ? "" : "exports.restore(); "}return exports.ran; },
});
process.stdout.write(JSON.stringify({ use }) + "\\n");
`;
  const child = spawnSync(process.execPath, ["-e", runner], { encoding: "utf8", env: { ...process.env, ...options.env } });
  assert.equal(child.status, 0, child.stderr);
  const [output, use] = child.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  return { output, use: use!.use };
}

function freshCase(name: string) {
  const folder = join(dir, name);
  mkdirSync(folder, { mode: 0o700 });
  const bundle = join(dir, `${name}.js`);
  writeFileSync(bundle, BUNDLE);
  const files = () => readdirSync(folder).sort();
  return { folder, bundle, files };
}

describe("code cache", () => {
  it("runs the bundle as Node's loader would: the same names, the same result", () => {
    const { folder, bundle } = freshCase("names");
    const { output } = runBundle(bundle, folder);
    assert.deepEqual(output, { names: ["object", "function", true, bundle, dir], sep: require("node:path").sep, value: 42 });
  });

  it("marks the bundle on the first run, makes the cache on the second, reads it from the third", () => {
    const { folder, bundle, files } = freshCase("sequence");
    const first = runBundle(bundle, folder);
    assert.equal(first.use, "marked");
    assert.equal(files().filter((f) => f.endsWith(".cache")).length, 0, "a single run leaves no cache");
    assert.equal(runBundle(bundle, folder).use, "writing");
    const cache = files().find((f) => f.endsWith(".cache"));
    assert.ok(cache, `a cache after the second run: ${files().join(", ")}`);
    const third = runBundle(bundle, folder);
    assert.equal(third.use, "hit");
    assert.deepEqual(third.output, first.output);
    assert.equal(runBundle(bundle, folder).use, "hit", "and keeps reading it");
    if (POSIX) assert.equal(statSync(join(folder, cache)).mode & 0o777, 0o600, "only this user reads it");
  });

  it("keeps one cache per key: a run of another command does not read or replace this one", () => {
    const { folder, bundle, files } = freshCase("keys");
    runBundle(bundle, folder);
    runBundle(bundle, folder);
    assert.equal(runBundle(bundle, folder, { key: "other" }).use, "marked");
    assert.equal(runBundle(bundle, folder).use, "hit");
    assert.equal(files().filter((f) => f.endsWith(".cache")).length, 1);
  });

  it("keeps the cache of a partial run only until a whole run replaces it", () => {
    const { folder, bundle, files } = freshCase("partial");
    const partly = { env: { RAN: "partial" } };
    runBundle(bundle, folder, partly);
    assert.equal(runBundle(bundle, folder, partly).use, "writing");
    assert.deepEqual(files().filter((f) => f.includes("cache")).map((f) => f.split(".")[1]), ["partial-cache"]);
    assert.equal(runBundle(bundle, folder, partly).use, "partial");
    const partialCache = join(folder, files().find((f) => f.endsWith(".partial-cache"))!);
    const made = statSync(partialCache).mtimeMs;
    assert.equal(runBundle(bundle, folder, partly).use, "partial");
    assert.equal(statSync(partialCache).mtimeMs, made, "another partial run leaves it as it is");
    assert.equal(runBundle(bundle, folder).use, "partial", "a whole run reads it, and replaces it at exit");
    assert.deepEqual(files().filter((f) => f.includes("cache")).map((f) => f.split(".")[1]), ["cache"]);
    assert.equal(runBundle(bundle, folder, partly).use, "hit");
    assert.equal(runBundle(bundle, folder).use, "hit");
  });

  it("ignores a cache whose bytes changed, runs the bundle all the same, and starts over", () => {
    const { folder, bundle, files } = freshCase("corrupt");
    const first = runBundle(bundle, folder);
    runBundle(bundle, folder);
    const cache = join(folder, files().find((f) => f.endsWith(".cache"))!);
    const bytes = readFileSync(cache);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(cache, bytes);
    const damaged = runBundle(bundle, folder);
    assert.equal(damaged.use, "rejected");
    assert.deepEqual(damaged.output, first.output);
    assert.deepEqual(files(), [], "the bad cache and the mark are gone");
    assert.equal(runBundle(bundle, folder).use, "marked");
  });

  it("ignores a cache cut short or of something else", () => {
    const { folder, bundle, files } = freshCase("truncated");
    const first = runBundle(bundle, folder);
    runBundle(bundle, folder);
    const cache = join(folder, files().find((f) => f.endsWith(".cache"))!);
    for (const content of [readFileSync(cache).subarray(0, 100), Buffer.from("not a cache"), Buffer.alloc(0)]) {
      writeFileSync(cache, content);
      const run = runBundle(bundle, folder);
      assert.equal(run.use, "rejected", `${content.length} bytes`);
      assert.deepEqual(run.output, first.output);
    }
  });

  it("a bundle written again gets a cache of its own (its size and time are part of the name; the CLI adds its build's hash)", () => {
    const { folder, bundle, files } = freshCase("changed");
    runBundle(bundle, folder);
    runBundle(bundle, folder);
    writeFileSync(bundle, BUNDLE.replace("n * 2", "n * 3"));
    const changed = runBundle(bundle, folder);
    assert.equal(changed.use, "marked");
    assert.equal((changed.output as { value: number }).value, 63);
    assert.equal(files().filter((f) => f.endsWith(".mark")).length, 2);
  });

  it("is only read when made under the V8 flags of a fresh process: flags changed while running must be put back", () => {
    const changing = { env: { CHANGE_FLAGS: "1" } };
    const restored = freshCase("flags-restored");
    runBundle(restored.bundle, restored.folder, changing);
    runBundle(restored.bundle, restored.folder, changing);
    assert.equal(runBundle(restored.bundle, restored.folder, changing).use, "hit");
    const left = freshCase("flags-left");
    runBundle(left.bundle, left.folder, { ...changing, restore: false });
    runBundle(left.bundle, left.folder, { ...changing, restore: false });
    assert.equal(runBundle(left.bundle, left.folder, { ...changing, restore: false }).use, "rejected");
  });

  it("runs without a cache when there is no folder", () => {
    const bundle = join(dir, "no-folder.js");
    writeFileSync(bundle, BUNDLE);
    const runner = `const { runWithCodeCache } = require(${JSON.stringify(join(__dirname, "codeCache.js"))}); process.stdout.write(runWithCodeCache(${JSON.stringify(bundle)}, { folder: null, key: "k" }) + "\\n");`;
    const child = spawnSync(process.execPath, ["-e", runner], { encoding: "utf8" });
    assert.equal(child.status, 0, child.stderr);
    assert.match(child.stdout, /"value":42\}\noff\n$/);
  });
});

describe("codeCacheFolder", () => {
  it("is off with AI_READINESS_CODE_CACHE=0", () => {
    const temp = mkdtempSync(join(dir, "off-"));
    assert.equal(codeCacheFolder({ AI_READINESS_CODE_CACHE: "0" }, temp), null);
    assert.deepEqual(readdirSync(temp), [], "nothing is created");
  });

  it("is a folder of the temp folder that only this user can open", { skip: !POSIX && "POSIX permissions" }, () => {
    const temp = mkdtempSync(join(dir, "own-"));
    const folder = codeCacheFolder({}, temp);
    assert.ok(folder?.startsWith(temp), String(folder));
    assert.equal(statSync(folder!).mode & 0o777, 0o700);
    assert.equal(codeCacheFolder({}, temp), folder, "the same folder next time");
  });

  it("is refused when others can write to it, when it is a link or not a folder", { skip: !POSIX && "POSIX permissions" }, () => {
    const open = mkdtempSync(join(dir, "open-"));
    const folder = codeCacheFolder({}, open)!;
    chmodSync(folder, 0o777);
    assert.equal(codeCacheFolder({}, open), null, "writable by others");

    const linked = mkdtempSync(join(dir, "linked-"));
    const target = join(dir, "link-target");
    mkdirSync(target, { mode: 0o700 });
    symlinkSync(target, join(linked, `ai-readiness-code-cache-${process.getuid!()}`));
    assert.equal(codeCacheFolder({}, linked), null, "a link");

    const file = mkdtempSync(join(dir, "file-"));
    writeFileSync(join(file, `ai-readiness-code-cache-${process.getuid!()}`), "");
    assert.equal(codeCacheFolder({}, file), null, "a file");
  });

  it("is refused when another user owns it", { skip: (!POSIX || process.getuid?.() !== 0) && "only root can give a folder to another user" }, () => {
    const temp = mkdtempSync(join(dir, "owned-"));
    const folder = codeCacheFolder({}, temp)!;
    chownSync(folder, 12345, 12345);
    assert.equal(codeCacheFolder({}, temp), null);
    assert.ok(existsSync(folder));
  });
});
