/**
 * Security: a full scan never reaches the network, and a found secret is never printed.
 * - The CLI bundle scans examples/ and the server bundle lints them over stdio, each under
 *   a preload that traps every outbound call: none is attempted.
 * - A file with provider keys goes through every output (text, JSON, SARIF, GitHub
 *   annotations, LSP diagnostics, code actions and the server's log): the keys never
 *   appear, their masked forms do.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, describe, it } from "node:test";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver";
import { CLI, EXAMPLES, SERVER } from "./helpers";
import { TestClient } from "./lspClient";

const TRAP = join(__dirname, "securityNetworkTrap.js");
const scratch = mkdtempSync(join(tmpdir(), "ai-readiness-security-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function trapLog(name: string): { path: string; attempts: () => string[] } {
  const path = join(scratch, `${name}.log`);
  writeFileSync(path, "");
  return { path, attempts: () => readFileSync(path, "utf8").split("\n").filter(Boolean) };
}

function trapped(args: string[], log: string, cwd?: string) {
  return spawnSync(process.execPath, ["--require", TRAP, ...args], { encoding: "utf8", cwd, env: { ...process.env, NO_COLOR: "1", AI_READINESS_NETWORK_LOG: log } });
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === "node_modules" ? [] : sourcesUnder(path)) : /\.(py|ts|tsx|js)$/.test(name) ? [path] : [];
  });
}

describe("no network", () => {
  it("the trap catches every kind of outbound call (loopback only, and nothing is sent)", () => {
    const log = trapLog("control");
    const script = [
      `const attempt = (f) => { try { f(); } catch {} };`,
      `attempt(() => require("node:http").get("http://127.0.0.1:9"));`,
      `attempt(() => require("node:https").request("https://127.0.0.1:9"));`,
      `attempt(() => require("node:net").connect(9, "127.0.0.1"));`,
      `attempt(() => new (require("node:net").Socket)().connect(9, "127.0.0.1"));`,
      `attempt(() => require("node:tls").connect(9, "127.0.0.1"));`,
      `attempt(() => require("node:dgram").createSocket("udp4"));`,
      `attempt(() => require("node:dns").lookup("localhost", () => {}));`,
      `attempt(() => require("node:dns").promises.resolve("localhost"));`,
      `attempt(() => fetch("http://127.0.0.1:9"));`,
    ].join("\n");
    const result = trapped(["-e", script], log.path);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(log.attempts(), ["http.get", "https.request", "net.connect", "net.Socket.connect", "tls.connect", "dgram.createSocket", "dns.lookup", "dns.promises.resolve", "global.fetch"]);
  });

  for (const format of ["text", "json", "sarif", "github"]) {
    it(`the CLI scans examples/ with no outbound attempt (--format ${format})`, () => {
      const log = trapLog(`cli-${format}`);
      const result = trapped([CLI, "check", EXAMPLES, "--format", format], log.path);
      assert.equal(result.status, 1, `findings expected: ${result.stderr}`);
      assert.ok(result.stdout.length > 0);
      assert.deepEqual(log.attempts(), []);
    });
  }

  it("the server lints every example over stdio, fix-all included, with no outbound attempt", async () => {
    const log = trapLog("server");
    const child = spawn(process.execPath, ["--require", TRAP, SERVER, "--stdio"], { stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, AI_READINESS_NETWORK_LOG: log.path } });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Map<string, (d: Diagnostic[]) => void>();
    connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => published.get(p.uri)?.(p.diagnostics));
    connection.listen();
    try {
      const root = pathToFileURL(EXAMPLES).toString();
      await connection.sendRequest("initialize", { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: "examples" }], capabilities: {} });
      await connection.sendNotification("initialized", {});
      let findings = 0;
      for (const path of sourcesUnder(EXAMPLES)) {
        const uri = pathToFileURL(path).toString();
        const diagnostics = new Promise<Diagnostic[]>((resolve) => published.set(uri, resolve));
        const languageId = path.endsWith(".py") ? "python" : path.endsWith(".tsx") ? "typescriptreact" : path.endsWith(".js") ? "javascript" : "typescript";
        await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text: readFileSync(path, "utf8") } });
        findings += (await diagnostics).length;
        await connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ["source.fixAll.aiReadiness"] } });
      }
      assert.ok(findings > 0);
      await connection.sendRequest("shutdown");
    } finally {
      connection.dispose();
      child.kill();
    }
    assert.deepEqual(log.attempts(), []);
  });
});

describe("secrets are masked everywhere", () => {
  const KEYS = {
    openai: "sk-proj-Q7vX2mK9pL4nR8tW1yZ3bC6dF0gH5jA2",
    anthropic: "sk-ant-api03-T4kL9mN2pQ7rS1vW8xY3zB6cD0eF5gH",
  };
  const folder = join(scratch, "leaky");
  const py = `from openai import OpenAI\nimport anthropic\n\nclient = OpenAI(api_key="${KEYS.openai}")\nclaude = anthropic.Anthropic(api_key="${KEYS.anthropic}")\n\ndef ask(q):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}], api_key="${KEYS.openai}")\n`;
  const ts = `import OpenAI from "openai";\nconst client = new OpenAI({ apiKey: "${KEYS.openai}" });\nexport const ask = () => client.chat.completions.create({ model: "gpt-4o-mini", messages: [] });\n`;
  const leaks = (text: string) => Object.values(KEYS).filter((key) => text.includes(key) || text.includes(key.slice(8, 24)));

  it("the fixture really holds the keys (the check below could fail)", () => {
    assert.deepEqual(leaks(py + ts).length, 2);
  });

  for (const format of ["text", "json", "sarif", "github"]) {
    it(`--format ${format} shows the masked key and never the key`, () => {
      rmSync(folder, { recursive: true, force: true });
      spawnSync("mkdir", ["-p", folder]);
      writeFileSync(join(folder, "keys.py"), py);
      writeFileSync(join(folder, "keys.ts"), ts);
      const result = spawnSync(process.execPath, [CLI, "check", folder, "--format", format], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stdout, /sk-proj-\*\*\*\*/);
      assert.match(result.stdout, /sk-ant-\*\*\*\*/);
      assert.deepEqual(leaks(result.stdout + result.stderr), []);
    });
  }

  it("LSP diagnostics (with their data), code action titles and the server's log never carry the key", async () => {
    // Edits are left out: they are the document's own text moved around, shown to no one.
    const client = new TestClient();
    const logs: string[] = [];
    client.connection.onNotification("window/logMessage", (p: { message: string }) => void logs.push(p.message));
    await client.initialize();
    try {
      const diagnostics: Diagnostic[] = [];
      const titles: string[] = [];
      for (const [uri, languageId, text] of [["file:///leaky/keys.py", "python", py], ["file:///leaky/keys.ts", "typescript", ts]] as const) {
        const found = await client.open(uri, languageId, text);
        diagnostics.push(...found);
        for (const diagnostic of found) titles.push(...((await client.codeActions(uri, [diagnostic])) as CodeAction[]).map((a) => a.title));
        titles.push(...((await client.codeActions(uri, [], ["source.fixAll.aiReadiness"])) as CodeAction[]).map((a) => a.title));
      }
      const shown = JSON.stringify({ diagnostics, titles, logs });
      assert.equal(diagnostics.filter((d) => d.code === "hardcoded-api-key").length, 4, shown);
      assert.match(shown, /sk-proj-\*\*\*\*/);
      assert.match(shown, /sk-ant-\*\*\*\*/);
      assert.deepEqual(leaks(shown), []);
    } finally {
      await client.dispose();
    }
  });
});
