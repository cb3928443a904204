/**
 * Fix on save: the fixture folders set
 * `"editor.codeActionsOnSave": { "source.fixAll.aiReadiness": "explicit" }`, so saving applies
 * the safe fixes and leaves the unsafe ones (aiReadiness.unsafeFixes is off).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, it } from "mocha";
import * as vscode from "vscode";
import { OPENAI_CALL_RULES, activateExtension, fixture, open, waitForRules } from "./helpers";

/** Types a line at the end, as a person would before saving: the save then has a change to write. */
async function touch(editor: vscode.TextEditor, line: string): Promise<void> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  assert.ok(await editor.edit((b) => b.insert(end, `${end.character === 0 ? "" : "\n"}${line}\n`)));
  assert.ok(editor.document.isDirty);
}

describe("fix on save", () => {
  before(activateExtension);

  it("applies the safe fixes of a Python file and leaves the unsafe ones", async () => {
    const uri = fixture("python", "app/fix_on_save.py");
    const editor = await open(uri);
    await waitForRules(uri, OPENAI_CALL_RULES);
    await touch(editor, "# reviewed");
    assert.ok(await editor.document.save(), "saved");

    await waitForRules(uri, ["missing-output-limit", "missing-timeout", "untraced-model-call"]);
    const text = editor.document.getText();
    assert.match(text, /^import logging$/m, "usage-not-recorded fixed: usage is logged");
    assert.match(text, /^ {4}logging\.getLogger\(__name__\)\.info\("model usage: .*response\.usage\)$/m);
    assert.match(text, /^ {4}try:\n {8}return json\.loads\(.*\)\n {4}except json\.JSONDecodeError as exc:$/m, "unvalidated-model-json fixed");
    assert.match(text, /^client = OpenAI\(\)$/m, "unsafe: no timeout added");
    assert.doesNotMatch(text, /max_completion_tokens|opentelemetry/, "unsafe: no limit, no span");
    assert.equal(editor.document.isDirty, false);
    assert.equal(readFileSync(uri.fsPath, "utf8"), text, "the fixed text is what was written");
  });

  it("applies the safe fixes of an AI SDK call in TypeScript and leaves the unsafe ones", async () => {
    const uri = fixture("typescript", "src/chat.ts");
    const editor = await open(uri);
    await waitForRules(uri, ["missing-output-limit", "missing-timeout", "untraced-model-call", "usage-not-recorded"]);
    await touch(editor, "// reviewed");
    assert.ok(await editor.document.save(), "saved");

    // Turning on the AI SDK's telemetry traces the call and records its usage.
    await waitForRules(uri, ["missing-output-limit", "missing-timeout"]);
    const text = editor.document.getText();
    assert.match(text, /^ {4}experimental_telemetry: \{ isEnabled: true \},$/m);
    assert.doesNotMatch(text, /abortSignal|maxOutputTokens/, "unsafe fixes are left");
    assert.equal(readFileSync(uri.fsPath, "utf8"), text);
  });
});
