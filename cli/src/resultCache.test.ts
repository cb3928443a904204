import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { generateSource } from "../../bench/generate";
import { analyzeText, type FileFacts } from "../../rules/src/index";
import { checkBudget, FileSkipped, textOverBudget, withBudget } from "../../rules/src/parse/budget";
import { initTestEngine } from "../../rules/src/testing";
import { GRAMMAR_FILES, RUNTIME_WASM } from "../../rules/src/index";
import { engineStamp } from "./engineStamp";
import { openResultCache, pruneResultCache, rememberedEngineStamp, ResultCache, type CacheSettings } from "./resultCache";

const temp = mkdtempSync(join(tmpdir(), "ai-readiness-result-cache-"));
after(() => rmSync(temp, { recursive: true, force: true }));
before(initTestEngine);

let folders = 0;
function freshCache(): { cache: ResultCache; settings: CacheSettings } {
  const opened = openResultCache(join(temp, `cache-${folders++}`), undefined);
  assert.ok("settings" in opened, "the cache opens");
  return { cache: new ResultCache(opened.settings), settings: opened.settings };
}

const entries = (settings: CacheSettings) => readdirSync(settings.entries).filter((name) => name.endsWith(".json"));

/** The reason the budget gives for running out of time, from the budget itself. */
function timeSkip(): string {
  try {
    withBudget(() => {
      for (;;) checkBudget();
    }, -1);
  } catch (error) {
    if (error instanceof FileSkipped) return error.reason;
  }
  throw new Error("the budget did not run out");
}

describe("result cache", () => {
  const text = generateSource("python", 300, 5);
  const facts = () => analyzeText(text, "python");

  it("finds what it stored, for that text, language and engine only", () => {
    const { cache, settings } = freshCache();
    const first = cache.lookup(text, "python");
    assert.ok("key" in first, "an empty cache misses");
    cache.store(first.key, "python", { facts: facts() });
    assert.equal(entries(settings).length, 1);
    const hit = cache.lookup(text, "python");
    assert.ok("hit" in hit && "facts" in hit.hit);
    assert.deepStrictEqual(hit.hit.facts, facts());
    assert.ok("key" in cache.lookup(`${text}\n`, "python"), "another text misses");
    assert.ok("key" in cache.lookup(text, "typescript"), "another language misses");
    assert.ok("key" in new ResultCache({ ...settings, stamp: "another engine" }).lookup(text, "python"), "another engine misses");
  });

  it("keeps skips that the text decides, not those of time or failure, nor facts holding keys", () => {
    const { cache, settings } = freshCache();
    const deep = textOverBudget(`x = ${"[".repeat(300)}${"]".repeat(300)}`, true);
    assert.ok(deep, "the nesting is over the budget");
    const key = "shaped like a key, not the engine's idea of one";
    const withKeyLiteral = analyzeText('from openai import OpenAI\nclient = OpenAI(api_key="sk-proj-Abc123Def456Ghi789Jkl012Mno345")\n', "python");
    assert.ok(withKeyLiteral.stringLiterals.length > 0, "the engine found the key");
    const withKeyInHeader = analyzeText('from openai import OpenAI\nclient = OpenAI(default_headers={"Authorization": "Bearer sk-proj-Abc123Def456Ghi789Jkl012Mno345"})\nclient.chat.completions.create(model="gpt-4o", messages=[])\n', "python");
    assert.equal(withKeyInHeader.stringLiterals.length, 0, `${key}: not a string literal the engine lists`);
    const cases: [string, { facts: FileFacts } | { skipped: string }, boolean][] = [
      ["nested too deeply", { skipped: deep }, true],
      ["out of time", { skipped: timeSkip() }, false],
      ["failed", { skipped: "could not be analysed (RangeError: boom)" }, false],
      ["a key literal", { facts: withKeyLiteral }, false],
      [key, { facts: withKeyInHeader }, false],
    ];
    for (const [what, scanned, kept] of cases) {
      const found = cache.lookup(what, "python");
      assert.ok("key" in found);
      cache.store(found.key, "python", scanned);
      assert.equal("key" in cache.lookup(what, "python"), !kept, what);
    }
    assert.equal(entries(settings).length, 1);
    const written = readdirSync(settings.entries).map((name) => readFileSync(join(settings.entries, name), "utf8")).join("");
    assert.ok(!written.includes("Abc123Def456"), "no key on disk");
  });

  it("deletes, at most once an hour, the entries no run used for a day, and nothing else", () => {
    const { cache, settings } = freshCache();
    const keys: string[] = [];
    for (const variant of ["a", "b"]) {
      const found = cache.lookup(`${text}\n# ${variant}\n`, "python");
      assert.ok("key" in found);
      cache.store(found.key, "python", { facts: analyzeText(`${text}\n# ${variant}\n`, "python") });
      keys.push(found.key);
    }
    const days = (n: number) => new Date(Date.now() - n * 24 * 60 * 60 * 1000);
    const foreign = join(settings.entries, "notes.txt");
    writeFileSync(foreign, "kept by the user");
    for (const name of readdirSync(settings.entries)) utimesSync(join(settings.entries, name), days(2), days(2));
    // Used by this run: its mark is renewed.
    assert.ok("hit" in cache.lookup(`${text}\n# a\n`, "python"));
    assert.equal(pruneResultCache(settings), 1);
    assert.deepEqual(entries(settings), [`${keys[0]}.json`]);
    assert.equal(readFileSync(foreign, "utf8"), "kept by the user");
    // Pruned within the hour: nothing is looked at again.
    utimesSync(join(settings.entries, `${keys[0]}.json`), days(2), days(2));
    assert.equal(pruneResultCache(settings), 0);
    assert.equal(pruneResultCache(settings, Date.now() + 2 * 60 * 60 * 1000), 1);
    assert.deepEqual(entries(settings), []);
  });

  it("warns, and gives no cache, where it cannot write", () => {
    const file = join(temp, "a-file");
    writeFileSync(file, "");
    for (const location of [file, join(file, "cache")]) {
      const opened = openResultCache(location, undefined);
      assert.ok("warning" in opened);
      assert.match(opened.warning, /cannot be written \((EEXIST|ENOTDIR)\): checking without it/);
    }
  });

  it("remembers the engine's stamp by its files' stat, and hashes them again when one changed or is too recent to trust", () => {
    const install = join(temp, "install");
    const entriesFolder = join(temp, "stamp-entries");
    mkdirSync(install);
    mkdirSync(entriesFolder);
    const bundle = join(install, "cliMain.js");
    const names = ["cliMain.js", "scanWorker.js", RUNTIME_WASM, ...Object.values(GRAMMAR_FILES)];
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
    for (const name of names) {
      writeFileSync(join(install, name), `${name} 1`);
      utimesSync(join(install, name), anHourAgo, anHourAgo);
    }
    const locate = (file: string) => join(install, file);
    // The files' change times are now: trusted only by a run that started well after.
    const later = Date.now() + 60_000;
    const stamp = rememberedEngineStamp(entriesFolder, locate, later, bundle);
    assert.equal(stamp, engineStamp(locate, bundle));
    const memo = join(entriesFolder, "engine-stamp");
    // A remembered stamp is taken as it is: made another one, it is the one returned.
    writeFileSync(memo, readFileSync(memo, "utf8").replace(stamp, "0".repeat(32)));
    assert.equal(rememberedEngineStamp(entriesFolder, locate, later, bundle), "0".repeat(32));
    assert.equal(rememberedEngineStamp(entriesFolder, locate, Date.now() - 60_000, bundle), stamp, "files too recent: hashed");
    // The same size, the modification time put back: the change time differs.
    writeFileSync(join(install, "scanWorker.js"), "scanWorker.js 2");
    utimesSync(join(install, "scanWorker.js"), anHourAgo, anHourAgo);
    const changed = rememberedEngineStamp(entriesFolder, locate, later, bundle);
    assert.equal(changed, engineStamp(locate, bundle));
    assert.notEqual(changed, stamp);
    writeFileSync(memo, "damaged");
    assert.equal(rememberedEngineStamp(entriesFolder, locate, later, bundle), changed);
  });
});
