/**
 * `ai-readiness.json` in the language server: it decides the rules of the documents below
 * it, its problems are diagnostics in the config file, and a change re-lints open files.
 */
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import type { Diagnostic } from "vscode-languageserver";
import { TestClient } from "./lspClient";

const PYTHON = `from openai import OpenAI

client = OpenAI()
reply = client.chat.completions.create(model="gpt-5.5-2026-04-23", messages=[], max_tokens=100)
print(reply.usage)
`;

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();

describe("language server with ai-readiness.json", () => {
  const client = new TestClient();
  const dir = mkdtempSync(join(tmpdir(), "ai-readiness-lsp-config-"));
  const configPath = join(dir, "ai-readiness.json");
  const configUri = pathToFileURL(configPath).toString();
  const configDiagnostics = () => client.nextDiagnostics(configUri);

  before(async () => {
    mkdirSync(join(dir, "app"));
    writeFileSync(configPath, '{ "rules": { "missing-timeout": "off" } }');
    await client.initialize();
  });
  after(async () => {
    await client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("applies the nearest config to an open document", async () => {
    const diagnostics = await client.open(pathToFileURL(join(dir, "app", "chat.py")).toString(), "python", PYTHON);
    assert.deepEqual(codes(diagnostics), ["untraced-model-call"]);
  });

  it("shows a broken config's problems in the config file, and lints with the defaults", async () => {
    writeFileSync(configPath, '{\n  "rules": { "missing-timeut": "off", "usage-not-recorded": 7 }\n}');
    const uri = pathToFileURL(join(dir, "app", "chat.py")).toString();
    const problems = configDiagnostics();
    const relinted = client.nextDiagnostics(uri);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: configUri, type: 2 }] });
    const shown = await problems;
    assert.deepEqual(
      shown.map((d) => [d.severity, d.range.start.line, d.range.start.character, d.message]),
      [
        [2, 1, 13, "unknown rule `missing-timeut` (did you mean `missing-timeout`?)"],
        [1, 1, 60, '`usage-not-recorded`: expected "error", "warning", "info" or "off"'],
      ],
    );
    assert.deepEqual(codes(await relinted), ["missing-timeout", "untraced-model-call"]);
  });

  it("clears the config's problems once it is fixed, and excludes files it names", async () => {
    writeFileSync(configPath, '{ "exclude": ["app/**"] }');
    const uri = pathToFileURL(join(dir, "app", "chat.py")).toString();
    const problems = configDiagnostics();
    const relinted = client.nextDiagnostics(uri);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: configUri, type: 2 }] });
    assert.deepEqual(await problems, []);
    assert.deepEqual(await relinted, [], "an excluded file has no diagnostics");
  });
});
