/**
 * When the parser's WebAssembly traps anyway (an input the budget does not foresee), the
 * engine says so for good instead of parsing on with corrupt memory, and the server asks to
 * be restarted (by default it exits, and the editor starts a fresh one). Provoked here with
 * the budget's indentation limit lifted: 600 Python levels crash the parser. This file runs
 * in its own process, as every test file does; the parser stays broken after it.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { it } from "node:test";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { createConnection } from "vscode-languageserver/node";
import { DEFAULT_CONFIG, EMPTY_PROJECT, LIMITS, lintText, ParserFailed } from "../../rules/src/index";
import { nodeModulesWasm } from "../../rules/src/testing";
import { startServer } from "../../server/src/server";
import { RULES_DIR } from "../helpers";

const CRASH =
  "from openai import OpenAI\nclient = OpenAI()\n" +
  Array.from({ length: 600 }, (_, i) => " ".repeat(i) + "if x:\n").join("") +
  " ".repeat(600) +
  "client.chat.completions.create(model='m')\n";

it("a parser crash: the server asks for a restart once it happens, and the engine refuses to parse on", async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  let failed!: () => void;
  const parserFailed = new Promise<void>((resolve) => (failed = resolve));
  startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), {
    locateWasm: nodeModulesWasm,
    docsPath: (id) => join(RULES_DIR, id, "docs.md"),
    debounceMs: 1,
    onParserFailed: () => failed(),
  });
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const errors: string[] = [];
  client.onNotification("window/logMessage", (p: { type: number; message: string }) => void (p.type === 1 && errors.push(p.message)));
  client.listen();
  await client.sendRequest("initialize", { processId: null, rootUri: null, capabilities: {} });
  await client.sendNotification("initialized", {});
  const saved = LIMITS.maxIndentLevels;
  LIMITS.maxIndentLevels = 10_000;
  try {
    await client.sendNotification("textDocument/didOpen", { textDocument: { uri: "file:///crash.py", languageId: "python", version: 1, text: CRASH } });
    await parserFailed;
    // The log went out before this answer: the server writes in order.
    await client.sendRequest("shutdown");
  } finally {
    LIMITS.maxIndentLevels = saved;
    client.dispose();
  }
  assert.match(errors.join("\n"), /the parser failed \(memory access out of bounds\) and must be restarted/);
  assert.throws(() => lintText("from openai import OpenAI\nOpenAI().chat.completions.create(model='m')\n", "python", DEFAULT_CONFIG, EMPTY_PROJECT), ParserFailed);
});
