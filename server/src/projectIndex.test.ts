import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { initTestEngine } from "../../rules/src/testing";
import { ProjectIndex } from "./projectIndex";

const CALL = `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="m", messages=[])\n`;

describe("project index", () => {
  const root = mkdtempSync(join(tmpdir(), "ai-readiness-index-"));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  before(async () => {
    await initTestEngine();
    for (let i = 0; i < 5; i++) write(`app/m${i}.py`, CALL);
    write("app/plain.py", "x = 1\n");
    write("app/traced.py", "from traceloop.sdk import Traceloop\nTraceloop.init()\n");
    write("skip/me.py", CALL);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("reads each file once: facts for model code, none for the rest, and instrumentation for the project", async () => {
    const index = new ProjectIndex();
    let notices = 0;
    index.onDidChange(() => notices++);
    const progress: [number, number][] = [];
    await index.scan({ folders: [root], isExcluded: (p) => p.includes(`${join(root, "skip")}`) }, { onProgress: (done, total) => progress.push([done, total]) });
    const files = [...index.files()];
    assert.equal(files.length, 7, "skip/ left out");
    assert.equal(files.filter((f) => f.facts?.callSites.length === 1).length, 5);
    assert.equal(index.file(join(root, "app/plain.py"))?.facts, null);
    assert.equal(index.facts().instrumentation?.path, join(root, "app/traced.py"));
    assert.deepEqual(progress.at(-1), [7, 7]);
    assert.equal(progress.length, 8, "a first report, then one per file");
    assert.equal(notices, 1, "one notice for the whole scan");
  });

  it("stops when cancelled, keeping what it read; a complete scan forgets files that are gone", async () => {
    const index = new ProjectIndex();
    const scope = { folders: [root], isExcluded: () => false };
    let read = 0;
    await index.scan(scope, { isCancelled: () => read >= 3, onProgress: (done) => (read = done) });
    assert.equal([...index.files()].length, 3);
    await index.scan(scope);
    assert.equal([...index.files()].length, 8);

    rmSync(join(root, "skip"), { recursive: true });
    let cancelled = false;
    await index.scan(scope, { isCancelled: () => cancelled, onProgress: (done) => (cancelled = done >= 1) });
    assert.ok(index.file(join(root, "skip/me.py")), "a cancelled scan forgets nothing");
    await index.scan(scope);
    assert.equal(index.file(join(root, "skip/me.py")), undefined);
  });

  it("follows one file at a time: changed, deleted, a folder deleted or created, an open document and its close", async () => {
    const index = new ProjectIndex();
    await index.scan({ folders: [root], isExcluded: () => false });
    const uri = (path: string) => pathToFileURL(join(root, path)).toString();
    write("app/m0.py", "x = 2\n");
    await index.fileChanged(uri("app/m0.py"), "python");
    assert.equal(index.file(join(root, "app/m0.py"))?.facts, null);

    write("lib/a/b.py", CALL);
    assert.equal(index.file(join(root, "lib/a/b.py")), undefined);
    await index.folderCreated(uri("lib"));
    assert.equal(index.file(join(root, "lib/a/b.py"))?.facts?.callSites.length, 1);
    index.fileDeleted(uri("lib"));
    assert.equal(index.file(join(root, "lib/a/b.py")), undefined, "everything under a deleted folder goes");

    const m1 = index.file(join(root, "app/m1.py"))!;
    index.documentAnalyzed(uri("app/m1.py"), { ...m1.facts!, callSites: [] });
    assert.equal(index.file(join(root, "app/m1.py"))?.fromEditor, true);
    assert.equal(index.file(join(root, "app/m1.py"))?.facts?.callSites.length, 0, "the editor's text wins");
    await index.documentClosed(uri("app/m1.py"), "python");
    assert.equal(index.file(join(root, "app/m1.py"))?.fromEditor, false);
    assert.equal(index.file(join(root, "app/m1.py"))?.facts?.callSites.length, 1, "the disk again");

    assert.equal(index.fileDeleted(uri("app/traced.py")), true, "losing the instrumentation changes the project's facts");
    assert.equal(index.facts().instrumentation, null);
  });
});
