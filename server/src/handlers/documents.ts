/** Open, change, close, configuration and file events: keep the session current and re-lint. */
import { FileChangeType, type Connection } from "vscode-languageserver";
import { languageForPath } from "../../../rules/src/index";
import type { DiagnosticsScheduler } from "../diagnostics";
import { ProjectConfigs } from "../projectConfigs";
import type { ProjectIndex } from "../projectIndex";
import type { Session } from "../session";

export function registerDocuments(connection: Connection, session: Session, project: ProjectIndex, configs: ProjectConfigs, diagnostics: DiagnosticsScheduler): void {
  connection.onDidOpenTextDocument(({ textDocument: d }) => {
    if (session.open(d.uri, d.languageId, d.version, d.text)) diagnostics.schedule(d.uri, 0);
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    if (session.change(textDocument.uri, textDocument.version, contentChanges)) diagnostics.schedule(textDocument.uri);
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    session.close(textDocument.uri);
    diagnostics.forget(textDocument.uri);
  });
  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { aiReadiness?: unknown } | undefined)?.aiReadiness;
    session.clearSettings(session.pullsConfiguration ? undefined : pushed);
    diagnostics.scheduleAll();
  });
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let changed = false;
    for (const change of changes) {
      if (ProjectConfigs.isConfigFile(change.uri)) {
        await configs.changed(change.uri);
        changed = true;
        continue;
      }
      if (session.documents.has(change.uri)) continue; // the editor's text wins over the disk
      const language = languageForPath(change.uri);
      if (!language) continue;
      changed = (change.type === FileChangeType.Deleted ? project.fileDeleted(change.uri) : await project.fileChanged(change.uri, language)) || changed;
    }
    if (changed) diagnostics.scheduleAll();
  });
}
