/**
 * The stand-alone server (`ai-readiness-lsp --stdio`), spoken to over stdio exactly as
 * Neovim, Helix or Zed would: a child process, JSON-RPC on its stdin and stdout.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, it } from "node:test";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import type { CodeAction, PublishDiagnosticsParams } from "vscode-languageserver";
import { SERVER } from "./helpers";

const child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
connection.listen();
after(() => {
  connection.dispose();
  child.kill();
});

it("answers initialize, publishes diagnostics and code actions over stdio", async () => {
  // An editor that answers no configuration requests: the server falls back to its defaults.
  const init = (await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} })) as {
    capabilities: { codeActionProvider: { codeActionKinds: string[] } };
    serverInfo: { name: string };
  };
  assert.equal(init.serverInfo.name, "ai-readiness");
  assert.ok(init.capabilities.codeActionProvider.codeActionKinds.includes("source.fixAll.aiReadiness"));
  await connection.sendNotification("initialized", {});
  const uri = "file:///project/app/llm.py";
  const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification("textDocument/publishDiagnostics", resolve));
  const text = `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="m", messages=[], max_tokens=5)\n`;
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text } });
  const { diagnostics } = await published;
  const timeout = diagnostics.find((d) => d.code === "missing-timeout");
  assert.ok(timeout, JSON.stringify(diagnostics));
  const actions = (await connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: timeout.range, context: { diagnostics: [timeout] } })) as CodeAction[];
  assert.ok(actions.some((a) => a.title.startsWith("Add timeout=30 to the `client`")));
  await connection.sendRequest("shutdown");
});
