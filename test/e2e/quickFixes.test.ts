/** The quick fixes on a finding: the fix, ignore on this line, and show documentation. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "mocha";
import * as vscode from "vscode";
import { OPENAI_CALL_RULES, activateExtension, codeActions, fixture, open, revert, ruleOf, titled, waitForEditor, waitForRules } from "./helpers";

const QUICK_FIX = vscode.CodeActionKind.QuickFix.value;

describe("quick fixes", () => {
  const python = () => fixture("python", "app/summarize.py");
  const typescript = () => fixture("typescript", "src/extract.ts");
  before(activateExtension);
  after(async () => {
    await revert(python());
    await revert(typescript());
  });

  it("offers the fix, ignore and documentation; applying the fix edits the call's client and the finding goes", async () => {
    const uri = python();
    const editor = await open(uri);
    const timeout = (await waitForRules(uri, OPENAI_CALL_RULES)).find((d) => ruleOf(d) === "missing-timeout")!;

    const actions = await codeActions(uri, timeout.range, QUICK_FIX);
    const fix = titled(actions, (t) => t.startsWith("Add timeout=30 to the `client`") && t.endsWith("(unsafe)"), "adding timeout=30 to the client");
    assert.equal(fix.isPreferred, false, "an unsafe fix is never the preferred one");
    assert.equal(fix.kind?.value, QUICK_FIX);
    titled(actions, (t) => t === "Ignore `missing-timeout` on this line", "ignoring missing-timeout");
    const docs = titled(actions, (t) => t === "Show documentation for `missing-timeout`", "showing the docs of missing-timeout");
    assert.equal(docs.command?.command, "aiReadiness.showDocs");

    assert.ok(fix.edit, "the fix carries its edit");
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.getText(), /^client = OpenAI\(timeout=30\)$/m);
    await waitForRules(uri, OPENAI_CALL_RULES.filter((r) => r !== "missing-timeout"));
  });

  it("shows a rule's documentation in an editor", async () => {
    const uri = python();
    const diagnostic = (await waitForRules(uri, OPENAI_CALL_RULES.filter((r) => r !== "missing-timeout"))).find((d) => ruleOf(d) === "usage-not-recorded")!;
    const docs = titled(await codeActions(uri, diagnostic.range, QUICK_FIX), (t) => t === "Show documentation for `usage-not-recorded`", "showing the docs");
    const shown = waitForEditor("usage-not-recorded.md", (e) => e.document.uri.path.endsWith("/usage-not-recorded.md"));
    await vscode.commands.executeCommand(docs.command!.command, ...(docs.command!.arguments ?? []));
    const editor = await shown;
    assert.match(editor.document.getText(), /^# usage-not-recorded/);
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
  });

  it("ignores a finding on its line in TypeScript, and prefers the safe fix", async () => {
    const uri = typescript();
    const editor = await open(uri);
    const diagnostics = await waitForRules(uri, OPENAI_CALL_RULES);

    const parse = diagnostics.find((d) => ruleOf(d) === "unvalidated-model-json")!;
    const parseActions = await codeActions(uri, parse.range, QUICK_FIX);
    const preferred = parseActions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, `one preferred fix among: ${parseActions.map((a) => `${a.title}${a.isPreferred ? " (preferred)" : ""}`).join(" | ")}`);
    assert.doesNotMatch(preferred[0].title, /unsafe/);

    const usage = diagnostics.find((d) => ruleOf(d) === "usage-not-recorded")!;
    const ignore = titled(await codeActions(uri, usage.range, QUICK_FIX), (t) => t === "Ignore `usage-not-recorded` on this line", "ignoring usage-not-recorded");
    assert.ok(await vscode.workspace.applyEdit(ignore.edit!));
    assert.match(editor.document.getText(), /\n {2}\/\/ ai-readiness: ignore\[usage-not-recorded\]\n {2}const response = await client\.chat/);
    await waitForRules(uri, OPENAI_CALL_RULES.filter((r) => r !== "usage-not-recorded"));
  });
});
