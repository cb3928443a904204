/**
 * The language server in process, driven the way an editor drives it: initialize, open a
 * file, read diagnostics, ask for code actions, apply them, and see the findings go.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { CodeAction, Diagnostic, TextEdit } from "vscode-languageserver";
import { syntaxErrors } from "../rules/src/testing";
import { TestClient } from "./lspClient";

const PYTHON = `import json
from openai import OpenAI

client = OpenAI(api_key="sk-proj-4fT9kQ2mZx7LwP1rV8nB3cY6hJ0dS5gA")


def summarize(text):
    response = client.chat.completions.create(
        model="gpt-5.5-2026-04-23",
        messages=[{"role": "user", "content": text}],
    )
    return json.loads(response.choices[0].message.content)
`;

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();
const editsOf = (action: CodeAction, uri: string): TextEdit[] => action.edit?.changes?.[uri] ?? [];

describe("language server", () => {
  const client = new TestClient();
  before(() => client.initialize());
  after(() => client.dispose());

  it("publishes diagnostics with code, docs link, source and the fix in data", async () => {
    const diagnostics = await client.open("file:///w/app/summarize.py", "python", PYTHON);
    assert.deepEqual(codes(diagnostics), ["hardcoded-api-key", "missing-output-limit", "missing-timeout", "unvalidated-model-json", "untraced-model-call", "usage-not-recorded"].sort());
    const timeout = diagnostics.find((d) => d.code === "missing-timeout")!;
    assert.equal(timeout.source, "ai-readiness");
    assert.match(timeout.codeDescription!.href, /missing-timeout\/docs\.md$/);
    assert.deepEqual(timeout.range.start, { line: 7, character: 15 });
    assert.equal((timeout.data as { fix: { safety: string } }).fix.safety, "unsafe");
    assert.ok(!JSON.stringify(diagnostics).includes("4fT9kQ2mZx7L"), "the key never appears in diagnostics");
  });

  it("offers the fix, ignore and docs; applying the fix removes the finding and the file parses", async () => {
    const uri = "file:///w/app/summarize.py";
    const current = await reopen(client, uri);
    const timeout = current.filter((d) => d.code === "missing-timeout");
    const actions = await client.codeActions(uri, timeout);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes("Add timeout=30 to the `client` created on line 4 (fixes 1 call) (unsafe)"), titles.join("\n"));
    assert.ok(titles.includes("Ignore `missing-timeout` on this line"));
    assert.ok(titles.includes("Show documentation for `missing-timeout`"));
    const fix = actions.find((a) => a.title.startsWith("Add timeout=30"))!;
    assert.equal(fix.isPreferred, false, "an unsafe fix is never preferred");
    const after = await client.applyEdits(uri, editsOf(fix, uri));
    assert.ok(!codes(after).includes("missing-timeout"));
    assert.match(client.text(uri), /client = OpenAI\(api_key="sk-proj-[^"]+", timeout=30\)/);
    assert.equal(syntaxErrors(client.text(uri), "python"), 0);
  });

  it("ignores a finding on its line", async () => {
    const uri = "file:///w/app/summarize.py";
    const current = await reopen(client, uri);
    const usage = current.filter((d) => d.code === "usage-not-recorded");
    const ignore = (await client.codeActions(uri, usage)).find((a) => a.title.startsWith("Ignore"))!;
    const after = await client.applyEdits(uri, editsOf(ignore, uri));
    assert.ok(!codes(after).includes("usage-not-recorded"));
    assert.match(client.text(uri), /\n {4}# ai-readiness: ignore\[usage-not-recorded\]\n {4}response = /);
  });

  it("fix-all applies safe fixes only, through the shared loop", async () => {
    const uri = "file:///w/app/summarize.py";
    const current = await reopen(client, uri);
    const [action] = await client.codeActions(uri, current, ["source.fixAll.aiReadiness"]);
    assert.equal(action.kind, "source.fixAll.aiReadiness");
    const after = await client.applyEdits(uri, editsOf(action, uri));
    assert.ok(!codes(after).includes("unvalidated-model-json"), "the safe fix was applied");
    assert.ok(codes(after).includes("hardcoded-api-key"), "the unsafe fix was not");
    assert.equal(syntaxErrors(client.text(uri), "python"), 0);
    const [again] = await client.codeActions(uri, after, ["source.fixAll.aiReadiness"]);
    assert.deepEqual(editsOf(again, uri), [], "a second fix-all changes nothing");
  });

  it("turns a rule off through settings", async () => {
    const uri = "file:///w/app/other.py";
    await client.open(uri, "python", PYTHON);
    client.settings = { rules: { "untraced-model-call": "off", "missing-timeout": "error" } };
    const updated = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    const diagnostics = await updated;
    assert.ok(!codes(diagnostics).includes("untraced-model-call"));
    assert.equal(diagnostics.find((d) => d.code === "missing-timeout")?.severity, 1);
    client.settings = {};
  });

  it("keeps up with keystrokes: incremental edits give the same findings as a fresh open", async () => {
    const uri = "file:///w/app/typed.ts";
    const typed = `import OpenAI from "openai";\nconst c = new OpenAI();\nexport async function f() {\n  const r = await c.chat.completions.create({ model: "m", messages: [] });\n  return r;\n}\n`;
    await client.open(uri, "typescript", "");
    let last: Diagnostic[] = [];
    for (let i = 0; i < typed.length; i += 7) {
      const chunk = typed.slice(i, i + 7);
      const end = positionAt(client.text(uri), client.text(uri).length);
      last = await client.applyEdits(uri, [{ range: { start: end, end }, newText: chunk }]);
    }
    assert.equal(client.text(uri), typed);
    const fresh = await client.open("file:///w/app/fresh.ts", "typescript", typed);
    assert.deepEqual(codes(last), codes(fresh));
    assert.ok(codes(fresh).includes("missing-timeout"));
  });

  it("a typo that breaks one Python function keeps the other functions' diagnostics", async () => {
    const uri = "file:///w/app/handlers.py";
    const handler = (name: string) => `def ${name}(items):\n    for item in items:\n        print(item)\n    return client.chat.completions.create(model="gpt-4o", messages=[])\n\n\n`;
    const text = `from openai import OpenAI\n\nclient = OpenAI()\n\n\n${handler("first")}${handler("second")}`;
    const opened = await client.open(uri, "python", text);
    const inSecond = (diagnostics: Diagnostic[]) => codes(diagnostics.filter((d) => d.range.start.line >= 12));
    assert.ok(inSecond(opened).includes("missing-timeout"));
    // `    mfor item in items:` in the first function: parsed as typed, the grammar makes the whole module one error.
    const at = text.indexOf("for item");
    const typo = await client.changeAt(uri, at, at, "m")();
    assert.deepEqual(inSecond(typo), inSecond(opened));
    const mended = await client.changeAt(uri, at, at + 1, "")();
    assert.deepEqual(codes(mended), codes(opened));
  });

  it("shows a rule's documentation from the shipped docs", async () => {
    await client.connection.sendRequest("workspace/executeCommand", { command: "aiReadiness.showDocs", arguments: ["missing-timeout"] });
    assert.match(client.shownDocuments.at(-1) ?? "", /^file:\/\/.*missing-timeout\/docs\.md$/);
  });
});

/** The document's current diagnostics, by opening it again with its current text. */
async function reopen(client: TestClient, uri: string): Promise<Diagnostic[]> {
  return client.open(uri, uri.endsWith(".py") ? "python" : "typescript", client.text(uri));
}

function positionAt(text: string, offset: number) {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}
