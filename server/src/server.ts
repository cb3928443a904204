/** Wires the language server's parts onto a connection. */
import type { Connection } from "vscode-languageserver";
import { initEngine, type WasmLocator } from "../../rules/src/index";
import { DiagnosticsScheduler } from "./diagnostics";
import { registerCodeActions } from "./handlers/codeActions";
import { registerCommands } from "./handlers/commands";
import { registerDocuments } from "./handlers/documents";
import { registerLifecycle, type ClientFeatures } from "./handlers/lifecycle";
import { registerWorkspace } from "./handlers/workspace";
import { ProjectConfigs } from "./projectConfigs";
import { ProjectIndex } from "./projectIndex";
import { Session } from "./session";
import { Workspace } from "./workspace";

export interface ServerOptions {
  locateWasm: WasmLocator;
  /** Where a rule's docs.md is on disk. */
  docsPath(ruleId: string): string;
  /** Delay between the last keystroke and the lint. */
  debounceMs?: number;
  /** The parser failed for good: by default the process ends, and the editor starts a fresh one. */
  onParserFailed?: () => void;
  /** Delay between a change in the workspace and the notice to the client. */
  workspacePublishMs?: number;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const session = new Session(connection);
  const project = new ProjectIndex();
  const configs = new ProjectConfigs(connection);
  const features: ClientFeatures = { showDocument: false };
  const engineReady = initEngine(options.locateWasm);
  engineReady.catch((error: unknown) => connection.console.error(`AI Readiness could not load its parsers: ${String(error)}`));
  const diagnostics = new DiagnosticsScheduler(connection, session, project, configs, engineReady, options.debounceMs ?? 100, options.onParserFailed ?? (() => process.exit(1)));
  const workspace = new Workspace(connection, session, project, configs, () => diagnostics.scheduleAll(), options.workspacePublishMs);
  registerLifecycle(connection, session, workspace, engineReady, features);
  registerDocuments(connection, session, workspace, configs, diagnostics);
  registerCodeActions(connection, session, project, configs, diagnostics);
  registerCommands(connection, features, options.docsPath);
  registerWorkspace(connection, workspace, options.docsPath);
  connection.listen();
}
