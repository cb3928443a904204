/**
 * A client built in one module and used in an open file, in the language server: the call is
 * checked with the client's settings, and changing the client's module re-lints the open file.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, it } from "node:test";
import type { Diagnostic } from "vscode-languageserver";
import { TestClient } from "./lspClient";

const CHAT = `from app.llm import client


def answer(question):
    reply = client.chat.completions.create(model="gpt-5.5-2026-04-23", messages=[{"role": "user", "content": question}], max_completion_tokens=200)
    print(reply.usage)
    return reply
`;

const root = mkdtempSync(join(tmpdir(), "ai-readiness-lsp-clients-"));
const llm = join(root, "app", "llm.py");
const chatUri = pathToFileURL(join(root, "app", "chat.py")).toString();
const client = new TestClient();
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();

/** Diagnostics of the chat file until `accept` takes them (each publish is awaited, never a sleep). */
async function diagnosticsUntil(accept: (codes: string[]) => boolean, first?: Promise<Diagnostic[]>): Promise<string[]> {
  let next = first ?? client.nextDiagnostics(chatUri);
  for (let round = 0; round < 10; round++) {
    const found = codes(await next);
    if (accept(found)) return found;
    next = client.nextDiagnostics(chatUri);
  }
  assert.fail("the diagnostics never settled");
}

before(async () => {
  mkdirSync(join(root, "app"));
  writeFileSync(join(root, "app", "__init__.py"), "");
  writeFileSync(llm, "from openai import OpenAI\n\nclient = OpenAI()\n");
  writeFileSync(join(root, "app", "chat.py"), CHAT);
  await client.initialize([{ uri: pathToFileURL(root).toString(), name: "svc" }]);
});
after(async () => {
  await client.dispose();
  rmSync(root, { recursive: true, force: true });
});

it("checks the call with the imported client's settings once the workspace is read", async () => {
  const found = await diagnosticsUntil((c) => c.includes("missing-timeout"), client.open(chatUri, "python", CHAT));
  assert.deepEqual(found, ["missing-timeout", "untraced-model-call"]);
});

it("re-lints the open file when the client's module changes", async () => {
  writeFileSync(llm, "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n");
  const next = client.nextDiagnostics(chatUri);
  await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(llm).toString(), type: 2 }] });
  assert.deepEqual(await diagnosticsUntil((c) => !c.includes("missing-timeout"), next), ["untraced-model-call"]);
});
