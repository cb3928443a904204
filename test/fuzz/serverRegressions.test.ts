/** Server crashes the soak found, kept as tests. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { TestClient } from "../lspClient";

it("docs for an unknown rule, asked by a client that answers no showMessageRequest: a message, and the server lives on", async () => {
  // It used `window.showWarningMessage`, a request: the client's error answer became an
  // unhandled rejection, which ends a Node process.
  const client = new TestClient();
  const shown: string[] = [];
  client.connection.onNotification("window/showMessage", (params: { message: string }) => void shown.push(params.message));
  await client.initialize();
  try {
    await client.connection.sendRequest("workspace/executeCommand", { command: "aiReadiness.showDocs", arguments: ["no-such-rule"] });
    const diagnostics = await client.open("file:///after.py", "python", "from openai import OpenAI\nOpenAI().chat.completions.create(model='m', messages=[])\n");
    assert.ok(diagnostics.length > 0, "the server still answers");
    assert.deepEqual(shown, ["AI Readiness has no rule `no-such-rule`"]);
  } finally {
    await client.dispose();
  }
});
