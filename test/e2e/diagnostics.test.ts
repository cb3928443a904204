/** Opening a file with defects shows AI Readiness's findings, one diagnostic per rule broken. */
import assert from "node:assert/strict";
import { before, describe, it } from "mocha";
import * as vscode from "vscode";
import { OPENAI_CALL_RULES, SOURCE, activateExtension, docsTargetOf, fixture, open, ruleOf, waitForRules } from "./helpers";

describe("diagnostics", () => {
  before(activateExtension);

  it("flags a prototype OpenAI call in Python, with source, rule id and docs link", async () => {
    const uri = fixture("python", "app/summarize.py");
    const editor = await open(uri);
    assert.equal(editor.document.languageId, "python");
    const diagnostics = await waitForRules(uri, OPENAI_CALL_RULES);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, SOURCE);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(docsTargetOf(diagnostic)?.toString() ?? "", new RegExp(`${ruleOf(diagnostic)}/docs\\.md$`));
    }
    const at = (rule: string) => {
      const start = diagnostics.find((d) => ruleOf(d) === rule)!.range.start;
      return `${start.line + 1}:${start.character + 1}`;
    };
    assert.equal(at("missing-timeout"), "10:16", "on the call");
    assert.equal(at("unvalidated-model-json"), "14:12", "on json.loads");
  });

  it("flags an OpenAI SDK call in TypeScript", async () => {
    const uri = fixture("typescript", "src/extract.ts");
    const editor = await open(uri);
    assert.equal(editor.document.languageId, "typescript");
    const diagnostics = await waitForRules(uri, OPENAI_CALL_RULES);
    assert.ok(diagnostics.every((d) => d.source === SOURCE));
  });

  it("flags a Vercel AI SDK call in TypeScript", async () => {
    const uri = fixture("typescript", "src/chat.ts");
    await open(uri);
    await waitForRules(uri, ["missing-output-limit", "missing-timeout", "untraced-model-call", "usage-not-recorded"]);
  });
});
