/** `aiReadiness.showDocs`: opens the rule's documentation, shipped beside the server (no network). */
import type { Connection } from "vscode-languageserver";
import { pathToFileURL } from "node:url";
import { docsUrl, ruleById } from "../../../rules/src/index";
import { Commands } from "../protocol";
import type { ClientFeatures } from "./lifecycle";

export function registerCommands(connection: Connection, features: ClientFeatures, docsPath: (ruleId: string) => string): void {
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== Commands.showDocs) return;
    const ruleId = typeof args?.[0] === "string" ? args[0] : "";
    if (!ruleById(ruleId)) {
      void connection.window.showWarningMessage(`AI Readiness has no rule \`${ruleId}\``);
      return;
    }
    if (features.showDocument) {
      await connection.window.showDocument({ uri: pathToFileURL(docsPath(ruleId)).toString(), takeFocus: true });
    } else {
      void connection.window.showInformationMessage(`${ruleId}: ${docsUrl(ruleId)}`);
    }
  });
}
