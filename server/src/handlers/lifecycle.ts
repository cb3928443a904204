/** initialize / initialized: capabilities, client features, and the background workspace walk. */
import { CodeActionKind, DidChangeConfigurationNotification, TextDocumentSyncKind, type Connection, type InitializeResult } from "vscode-languageserver";
import { TOOL } from "../../../rules/src/report/json";
import { Commands, FIX_ALL_KIND } from "../protocol";
import type { Session } from "../session";
import type { Workspace } from "../workspace";

export interface ClientFeatures {
  showDocument: boolean;
}

export function registerLifecycle(connection: Connection, session: Session, workspace: Workspace, engineReady: Promise<void>, features: ClientFeatures): void {
  let dynamicConfiguration = false;
  let folderEvents = false;
  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    session.pullsConfiguration = capabilities.workspace?.configuration === true;
    dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    features.showDocument = capabilities.window?.showDocument?.support === true;
    folderEvents = capabilities.workspace?.workspaceFolders === true;
    workspace.setFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [Commands.showDocs] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: TOOL.name, version: TOOL.version },
    };
  });
  connection.onInitialized(() => {
    // `files.exclude` too: the workspace scan leaves out what the user hides.
    if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: ["aiReadiness", "files.exclude"] });
    // Off the keystroke path: open documents are linted meanwhile, and again if the scan changes what the project knows.
    void engineReady.then(() => workspace.scan()).catch(() => undefined);
    // A folder added to or removed from the workspace: its files join or leave the results.
    if (folderEvents) connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => void engineReady.then(() => workspace.foldersChanged(added, removed)));
  });
}
