/** The extension: starts the language server, shows its state, restarts it when it crashes. */
import * as vscode from "vscode";
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { SERVER_ID } from "../../server/src/protocol";
import { ServerStatus } from "./status";

const LANGUAGES = ["python", "typescript", "typescriptreact", "javascript", "javascriptreact"];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("AI Readiness", { log: true });
  const status = new ServerStatus();
  context.subscriptions.push(output, status);

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
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.py,*.ts,*.tsx,*.mts,*.cts,*.js,*.jsx,*.mjs,*.cjs,ai-readiness.json}") },
  };
  client = new LanguageClient(SERVER_ID, "AI Readiness", serverOptions, clientOptions);
  // The client's default error handler restarts a crashed server (up to 4 times in 3 minutes).
  context.subscriptions.push(
    client.onDidChangeState(({ newState }) => status.show(newState === State.Running ? "running" : newState === State.Starting ? "starting" : "stopped")),
    vscode.commands.registerCommand("aiReadiness.showOutput", () => output.show(true)),
    vscode.commands.registerCommand("aiReadiness.restartServer", async () => {
      await client?.restart();
    }),
  );
  status.show("starting");
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
