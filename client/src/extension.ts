/** The extension: starts the language server, shows its state, restarts it when it crashes. */
import * as vscode from "vscode";
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { SERVER_ID } from "../../server/src/protocol";
import { registerPanel, type PanelApi } from "./panel/panel";
import { RestartPolicy } from "./restartPolicy";
import { ServerStatus } from "./status";

const LANGUAGES = ["python", "typescript", "typescriptreact", "javascript", "javascriptreact"];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PanelApi> {
  const output = vscode.window.createOutputChannel("AI Readiness", { log: true });
  const status = new ServerStatus();
  context.subscriptions.push(output, status);

  // A crashed server is restarted (up to 4 times in 3 minutes) and the user told once.
  const restarts = new RestartPolicy({
    notify: (message) => void vscode.window.showWarningMessage(message, "Show Output").then((choice) => choice && output.show(true)),
    log: (message) => output.warn(message),
  });
  const serverModule = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    outputChannel: output,
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher("**/{*.py,*.ts,*.tsx,*.mts,*.cts,*.js,*.jsx,*.mjs,*.cjs,ai-readiness.json}"),
        // Folders created, renamed or deleted: the workspace scan follows them without rescanning.
        vscode.workspace.createFileSystemWatcher("**/*", false, true, false),
      ],
    },
    errorHandler: restarts,
  };
  client = new LanguageClient(SERVER_ID, "AI Readiness", serverOptions, clientOptions);
  const panel = registerPanel(context, client, (workspace) => status.showWorkspace(workspace));
  context.subscriptions.push(
    client.onDidChangeState(({ newState }) => {
      const state = newState === State.Running ? "running" : newState === State.Starting ? "starting" : "stopped";
      status.show(state);
      void vscode.commands.executeCommand("setContext", "aiReadiness.serverState", state);
      if (state !== "running") panel.store.clear();
    }),
    vscode.commands.registerCommand("aiReadiness.showOutput", () => output.show(true)),
    vscode.commands.registerCommand("aiReadiness.restartServer", async () => {
      restarts.reset();
      await client?.restart();
    }),
  );
  status.show("starting");
  void vscode.commands.executeCommand("setContext", "aiReadiness.serverState", "starting");
  await client.start();
  return panel;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
