/**
 * The readiness panel's requests: the workspace report, a scan on demand, the edits of one
 * finding (its fix, or ignoring it on its line), and the report exported as a document.
 */
import { readFileSync } from "node:fs";
import type { Connection } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { buildReport } from "../../../rules/src/index";
import { renderHtml } from "../../../rules/src/report/html";
import { renderMarkdown } from "../../../rules/src/report/markdown";
import { renderSarif } from "../../../rules/src/report/sarif";
import { toTextEdit } from "../convert";
import { WorkspaceMethods, type ExportParams, type ExportResult, type FindingEditsParams, type FindingEditsResult } from "../protocol";
import type { Workspace } from "../workspace";
import { suppressionEdit } from "./codeActions";

export function registerWorkspace(connection: Connection, workspace: Workspace, docsPath: (ruleId: string) => string): void {
  connection.onRequest(WorkspaceMethods.report, () => workspace.report());
  connection.onRequest(WorkspaceMethods.scan, async () => {
    await workspace.scan();
    return (await workspace.report()).status;
  });
  connection.onRequest(WorkspaceMethods.findingEdits, (params: FindingEditsParams) => findingEdits(workspace, params));
  connection.onRequest(WorkspaceMethods.export, async ({ format }: ExportParams): Promise<ExportResult> => {
    const reports = (await workspace.report()).folders.map((f) => f.report);
    const subtitle = `${reports.length === 1 ? "Folder" : "Folders"} ${workspace.folders.map((f) => f.name).join(", ")} · ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;
    if (format === "markdown") return { content: renderMarkdown(reports, { subtitle }) };
    if (format === "html") return { content: renderHtml(reports, { subtitle }) };
    const docs = (id: string) => {
      try {
        return readFileSync(docsPath(id), "utf8");
      } catch {
        return undefined;
      }
    };
    // One SARIF run per folder: each has its own source root.
    const logs = reports.map((r) => renderSarif(r, { docs }) as { runs: unknown[] });
    return { content: `${JSON.stringify({ ...logs[0], runs: logs.flatMap((l) => l.runs) }, null, 2)}\n` };
  });
}

/** Finds the finding by its fingerprint in the file's current lint, and turns its fix or suppression into LSP edits. */
async function findingEdits(workspace: Workspace, { uri, fingerprint, action }: FindingEditsParams): Promise<FindingEditsResult> {
  const where = workspace.locate(uri);
  const record = where ? workspace.project.file(where.absolute) : undefined;
  if (!where || !record) return { error: "the file is not part of the scanned workspace" };
  const config = await workspace.configFor(where.folder, record);
  if (!config) return { error: "AI Readiness does not check this file (turned off, or excluded by ai-readiness.json)" };
  const result = workspace.reports.lint(record, config);
  const index = buildReport(where.folder.path, [{ path: where.path, result }], [], 0).files[0]?.findings.findIndex((f) => f.fingerprint === fingerprint) ?? -1;
  const finding = result.findings[index];
  if (!finding) return { error: "the finding is gone: the file changed since the panel was drawn" };
  // Offsets are into the text that was linted: an editor typed into since then needs a fresh lint first.
  if (where.document && where.document.getText() !== result.facts.text) return { error: "the file changed since it was checked: try again in a moment" };
  const text = where.document ?? TextDocument.create(uri, record.language, 0, result.facts.text);
  if (action === "ignore") return { edits: [suppressionEdit(text, record.language, text.positionAt(finding.span.start).line, finding.rule)] };
  if (!finding.fix) return { error: `\`${finding.rule}\` has no fix here` };
  return { edits: finding.fix.edits.map((e) => toTextEdit(text, e)) };
}
