/** initialize / initialized: capabilities, client features, and the background workspace walk. */
import { CodeActionKind, DidChangeConfigurationNotification, TextDocumentSyncKind, type Connection, type InitializeResult } from "vscode-languageserver";
import { TOOL } from "../../../rules/src/report/json";
import type { DiagnosticsScheduler } from "../diagnostics";
import { Commands, FIX_ALL_KIND } from "../protocol";
import { pathOf, type ProjectIndex } from "../projectIndex";
import type { Session } from "../session";

export interface ClientFeatures {
  showDocument: boolean;
}

export function registerLifecycle(connection: Connection, session: Session, project: ProjectIndex, diagnostics: DiagnosticsScheduler, features: ClientFeatures): void {
  let folders: string[] = [];
  let dynamicConfiguration = false;
  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    session.pullsConfiguration = capabilities.workspace?.configuration === true;
    dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    features.showDocument = capabilities.window?.showDocument?.support === true;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = uris.map(pathOf).filter((p): p is string => p !== null);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [Commands.showDocs] },
      },
      serverInfo: { name: TOOL.name, version: TOOL.version },
    };
  });
  connection.onInitialized(() => {
    if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "aiReadiness" });
    // Off the keystroke path: open documents are linted meanwhile and again if the walk changes anything.
    void project
      .scan(folders)
      .then((changed) => {
        if (project.skipped.size > 0) {
          const list = [...project.skipped].map(([path, reason]) => `${path} (${reason})`);
          connection.console.info(`AI Readiness skipped ${list.length} file${list.length === 1 ? "" : "s"} of the workspace: ${list.slice(0, 20).join("; ")}${list.length > 20 ? "; …" : ""}`);
        }
        if (changed) diagnostics.scheduleAll();
      })
      .catch((error: unknown) => connection.console.error(`AI Readiness could not read the workspace: ${String(error)}`));
  });
}
