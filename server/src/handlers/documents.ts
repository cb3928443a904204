/** Open, change, close, configuration and file events: keep the session current and re-lint. */
import { FileChangeType, type Connection } from "vscode-languageserver";
import { languageForPath } from "../../../rules/src/index";
import type { DiagnosticsScheduler } from "../diagnostics";
import { ProjectConfigs } from "../projectConfigs";
import type { Session } from "../session";
import type { Workspace } from "../workspace";

export function registerDocuments(connection: Connection, session: Session, workspace: Workspace, configs: ProjectConfigs, diagnostics: DiagnosticsScheduler): void {
  const project = workspace.project;
  connection.onDidOpenTextDocument(({ textDocument: d }) => {
    if (session.open(d.uri, d.languageId, d.version, d.text)) diagnostics.schedule(d.uri, 0);
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    if (session.change(textDocument.uri, textDocument.version, contentChanges)) diagnostics.schedule(textDocument.uri);
  });
  connection.onDidCloseTextDocument(async ({ textDocument }) => {
    const language = session.documents.get(textDocument.uri)?.language ?? languageForPath(textDocument.uri);
    session.close(textDocument.uri);
    diagnostics.forget(textDocument.uri);
    // The panel shows the disk again: unsaved edits went with the editor.
    if (language && (await project.documentClosed(textDocument.uri, language))) diagnostics.scheduleAll();
  });
  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { aiReadiness?: unknown } | undefined)?.aiReadiness;
    session.clearSettings(session.pullsConfiguration ? undefined : pushed);
    diagnostics.scheduleAll();
    void workspace.configurationChanged();
  });
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let changed = false;
    for (const change of changes) {
      if (ProjectConfigs.isConfigFile(change.uri)) {
        await configs.changed(change.uri);
        workspace.resultsChanged();
        changed = true;
        continue;
      }
      if (session.documents.has(change.uri)) continue; // the editor's text wins over the disk
      const language = languageForPath(change.uri);
      if (change.type === FileChangeType.Deleted) changed = project.fileDeleted(change.uri) || changed; // a file, or a folder and all in it
      else if (language) changed = (await project.fileChanged(change.uri, language)) || changed;
      else if (change.type === FileChangeType.Created) changed = (await project.folderCreated(change.uri)) || changed; // e.g. renamed into place
    }
    if (changed) diagnostics.scheduleAll();
  });
}
