/** `aiReadiness.rules` changed while the editor is open: findings follow without a restart. */
import assert from "node:assert/strict";
import { before, describe, it } from "mocha";
import * as vscode from "vscode";
import { OPENAI_CALL_RULES, activateExtension, fixture, open, ruleOf, waitForRules } from "./helpers";

const severityOf = (diagnostics: vscode.Diagnostic[], rule: string) => diagnostics.find((d) => ruleOf(d) === rule)?.severity;

describe("settings", () => {
  before(activateExtension);

  it("turns a rule off and raises another to error through aiReadiness.rules, and back", async () => {
    const uri = fixture("python", "app/settings_off.py");
    await open(uri);
    await waitForRules(uri, OPENAI_CALL_RULES);

    const config = vscode.workspace.getConfiguration("aiReadiness", uri);
    await config.update("rules", { "untraced-model-call": "off", "missing-timeout": "error" }, vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      const changed = await waitForRules(
        uri,
        OPENAI_CALL_RULES.filter((r) => r !== "untraced-model-call"),
        (d) => severityOf(d, "missing-timeout") === vscode.DiagnosticSeverity.Error,
      );
      assert.equal(severityOf(changed, "missing-output-limit"), vscode.DiagnosticSeverity.Warning, "rules not named keep their default");
    } finally {
      await config.update("rules", undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitForRules(uri, OPENAI_CALL_RULES, (d) => severityOf(d, "missing-timeout") === vscode.DiagnosticSeverity.Warning);
  });
});
