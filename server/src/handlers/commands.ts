/** `aiReadiness.showDocs`: opens the rule's documentation, shipped beside the server (no network). */
import { MessageType, ShowMessageNotification, type Connection } from "vscode-languageserver";
import { pathToFileURL } from "node:url";
import { docsUrl, ruleById } from "../../../rules/src/index";
import { Commands } from "../protocol";
import type { ClientFeatures } from "./lifecycle";

export function registerCommands(connection: Connection, features: ClientFeatures, docsPath: (ruleId: string) => string): void {
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== Commands.showDocs) return;
    const ruleId = typeof args?.[0] === "string" ? args[0] : "";
    if (!ruleById(ruleId)) {
      // A notification, not `window.showWarningMessage` (a request despite its void type): a client
      // that does not answer it would leave an unhandled rejection, which ends the server.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `AI Readiness has no rule \`${ruleId}\`` });
      return;
    }
    if (features.showDocument) {
      await connection.window.showDocument({ uri: pathToFileURL(docsPath(ruleId)).toString(), takeFocus: true });
    } else {
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${ruleId}: ${docsUrl(ruleId)}` });
    }
  });
}
