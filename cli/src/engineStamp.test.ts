import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { GRAMMAR_FILES, RUNTIME_WASM } from "../../rules/src/index";
import { engineStamp } from "./engineStamp";

const temp = mkdtempSync(join(tmpdir(), "ai-readiness-engine-stamp-"));
after(() => rmSync(temp, { recursive: true, force: true }));

describe("engine stamp", () => {
  it("of an install: changes with either bundle or any grammar, and with nothing else", () => {
    const bundle = join(temp, "cliMain.js");
    const files = { "cliMain.js": "engine 1", "scanWorker.js": "worker 1", ...Object.fromEntries([RUNTIME_WASM, ...Object.values(GRAMMAR_FILES)].map((f) => [f, `grammar ${f}`])) };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(temp, name), text);
    const locate = (file: string) => join(temp, file);
    const stamp = engineStamp(locate, bundle);
    assert.match(stamp, /^[0-9a-f]{32}$/);
    assert.equal(engineStamp(locate, bundle), stamp, "the same files, the same stamp");
    const changed = (name: string) => {
      writeFileSync(join(temp, name), `${files[name as keyof typeof files]} changed`);
      const after = engineStamp(locate, bundle);
      writeFileSync(join(temp, name), files[name as keyof typeof files]);
      return after;
    };
    for (const name of Object.keys(files)) assert.notEqual(changed(name), stamp, name);
    writeFileSync(join(temp, "unrelated.js"), "not the engine");
    assert.equal(engineStamp(locate, bundle), stamp);
  });

  it("of a development build: every compiled file of the engine and the CLI, not the tests", () => {
    const out = join(temp, "out");
    const files: Record<string, string> = {
      "rules/src/analyze.js": "extract",
      "rules/src/model/python.js": "python",
      "cli/src/engineStamp.js": "stamp",
      "cli/src/scanFile.js": "scan",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(out, dirname(path)), { recursive: true });
      writeFileSync(join(out, path), text);
    }
    const self = join(out, "cli/src/engineStamp.js");
    const stamp = engineStamp(undefined, self);
    for (const path of Object.keys(files)) {
      writeFileSync(join(out, path), `${files[path]} changed`);
      assert.notEqual(engineStamp(undefined, self), stamp, path);
      writeFileSync(join(out, path), files[path]!);
    }
    assert.equal(engineStamp(undefined, self), stamp);
    writeFileSync(join(out, "rules/src/analyze.test.js"), "a test");
    writeFileSync(join(out, "rules/src/analyze.js.map"), "a source map");
    assert.equal(engineStamp(undefined, self), stamp, "tests and maps are not the engine");
    // This very build's stamp: found and steady.
    assert.equal(engineStamp(undefined), engineStamp(undefined));
  });
});
