/** "AI Readiness: Export Report": the workspace report as Markdown, HTML or SARIF, written where the user says. */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { WorkspaceMethods, type ExportFormat, type ExportResult } from "../../../server/src/protocol";

const FORMATS: { format: ExportFormat; label: string; detail: string; extension: string }[] = [
  { format: "markdown", label: "Markdown", detail: "for a pull request, an issue or a wiki", extension: "md" },
  { format: "html", label: "HTML", detail: "one self-contained page anyone can open in a browser", extension: "html" },
  { format: "sarif", label: "SARIF 2.1.0", detail: "for code scanning tools", extension: "sarif" },
];

/** Asks for the format and the file unless given (tests and keybindings pass them); returns the file written. */
export async function exportReport(client: LanguageClient, format?: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const chosen = format ? FORMATS.find((f) => f.format === format) : await vscode.window.showQuickPick(FORMATS.map((f) => ({ ...f, description: `.${f.extension}` })), { title: "Export the AI Readiness report as" });
  if (!chosen) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: "Export the AI Readiness report",
      defaultUri: folder ? vscode.Uri.joinPath(folder, `ai-readiness-report.${chosen.extension}`) : undefined,
      filters: { [chosen.label]: [chosen.extension] },
    }));
  if (!uri) return undefined;
  const { content } = await client.sendRequest<ExportResult>(WorkspaceMethods.export, { format: chosen.format });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  if (!target) {
    void vscode.window.showInformationMessage(`AI Readiness report written to ${vscode.workspace.asRelativePath(uri)}`, "Open").then((answer) => {
      if (answer === "Open") void vscode.commands.executeCommand("vscode.open", uri);
    });
  }
  return uri;
}
