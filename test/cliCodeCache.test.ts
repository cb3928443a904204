/**
 * The built CLI through its code cache (cli/src/codeCache.ts): every run prints the same
 * report, whether it leaves a mark, makes the cache or reads it, and V8 takes the cache that
 * a small scan made (the scan changes V8 flags while running, and puts them back for it).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { Report } from "../rules/src/index";
import { CLI, EXAMPLES } from "./helpers";

const temp = mkdtempSync(join(tmpdir(), "ai-readiness-cli-cache-"));
after(() => rmSync(temp, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", TMPDIR: temp, TMP: temp, TEMP: temp, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cacheFolder = (within = temp) => join(within, readdirSync(within).find((f) => f.startsWith("ai-readiness-code-cache"))!);
const caches = (within = temp, ending = ".cache") => readdirSync(cacheFolder(within)).filter((f) => f.endsWith(ending));
/** The report without its timing. */
const reportOf = (stdout: string) => ({ ...(JSON.parse(stdout) as Report), stats: { ...(JSON.parse(stdout) as Report).stats, ms: 0 } });

describe("the CLI's code cache", () => {
  it("gives the same report on every run, and V8 takes the cache a small scan made", () => {
    const check = ["check", EXAMPLES, "--format", "json"];
    const first = run(check);
    assert.equal(first.code, 1, first.stderr);
    assert.deepEqual(caches(), [], "the first run only leaves a mark");
    const second = run(check);
    assert.deepEqual(reportOf(second.stdout), reportOf(first.stdout));
    const [cache] = caches();
    assert.ok(cache, "the second run makes the cache");
    const made = statSync(join(cacheFolder(), cache)).mtimeMs;
    for (let i = 0; i < 2; i++) {
      const next = run(check);
      assert.equal(next.code, 1, next.stderr);
      assert.deepEqual(reportOf(next.stdout), reportOf(first.stdout));
    }
    // A cache V8 refuses is deleted: still there and untouched, it was read.
    assert.deepEqual(caches(), [cache]);
    assert.equal(statSync(join(cacheFolder(), cache)).mtimeMs, made);
  });

  it("keeps the other commands' cache apart from check's", () => {
    const before = caches().length;
    for (let i = 0; i < 3; i++) assert.match(run(["--version"]).stdout, /^\d+\.\d+\.\d+\n$/);
    assert.equal(caches().length, before + 1);
    const text = run(["explain", "missing-timeout"]).stdout;
    assert.equal(text, readFileSync(join(CLI, "..", "docs", "missing-timeout.md"), "utf8"));
  });

  it("keeps the cache of a check that parsed nothing only until a check of model code replaces it", () => {
    const own = mkdtempSync(join(temp, "partial-"));
    const env = { TMPDIR: own, TMP: own, TEMP: own };
    const plain = join(own, "plain");
    mkdirSync(plain);
    writeFileSync(join(plain, "util.py"), "def add(a, b):\n    return a + b\n");
    for (let i = 0; i < 3; i++) assert.equal(run(["check", plain, "--format", "json"], env).code, 0);
    assert.deepEqual([caches(own).length, caches(own, ".partial-cache").length], [0, 1], "a partial cache only");
    assert.equal(run(["check", EXAMPLES, "--format", "json"], env).code, 1);
    assert.deepEqual([caches(own).length, caches(own, ".partial-cache").length], [1, 0], "replaced by a whole one");
  });

  it("writes nothing with AI_READINESS_CODE_CACHE=0", () => {
    const off = mkdtempSync(join(temp, "off-"));
    const result = run(["check", EXAMPLES, "--format", "json"], { TMPDIR: off, TMP: off, TEMP: off, AI_READINESS_CODE_CACHE: "0" });
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(readdirSync(off), []);
  });
});
