/**
 * The readiness panel's workspace scan, in the language server as the editor runs it:
 * a synthetic workspace of plain files and AI modules (bench/generate.ts), the background
 * scan at start-up until its results are announced, then the cost of keeping up: one file
 * changed on disk until the new results are announced, and the full report request.
 *
 *   node out/bench/workspaceScan.js [files] [aiShare]     (after tsc -b; defaults 2000 0.1)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { WorkspaceMethods, type WorkspaceReport, type WorkspaceStatus } from "../server/src/protocol";
import { TestClient } from "../test/lspClient";
import { round, summarize } from "./common";
import { generateSource } from "./generate";

const PLAIN_PY = (i: number) => `"""Helpers ${i}."""\n\n\ndef add_${i}(a, b):\n    return a + b\n\n\ndef names_${i}(rows):\n    return [r["name"] for r in rows if r]\n`.repeat(8);

async function main(): Promise<void> {
  const files = Number(process.argv[2] ?? 2000);
  const aiShare = Number(process.argv[3] ?? 0.1);
  const root = mkdtempSync(join(tmpdir(), "ai-readiness-bench-workspace-"));
  const ai: string[] = [];
  for (let i = 0; i < files; i++) {
    const isAi = i % Math.round(1 / aiShare) === 0;
    const typescript = i % 2 === 1;
    const path = join(root, `pkg${i % 40}`, `${isAi ? "llm" : "util"}${i}.${typescript ? "ts" : "py"}`);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, isAi ? generateSource(typescript ? "typescript" : "python", 300, i) : PLAIN_PY(i));
    if (isAi) ai.push(path);
  }
  const client = new TestClient();
  const notices: WorkspaceStatus[] = [];
  let waiter: ((s: WorkspaceStatus) => void) | undefined;
  client.connection.onNotification(WorkspaceMethods.changed, (s: WorkspaceStatus) => {
    notices.push(s);
    if (s.state === "ready") waiter?.(s);
  });
  const nextReady = () => new Promise<WorkspaceStatus>((resolve) => (waiter = resolve));
  try {
    const started = performance.now();
    const ready = nextReady();
    await client.initialize([{ uri: pathToFileURL(root).toString(), name: "bench" }]);
    const status = await ready;
    const scanMs = performance.now() - started;
    const reportTimes: number[] = [];
    const changeTimes: number[] = [];
    let size = 0;
    for (let i = 0; i < 10; i++) {
      const path = ai[i % ai.length];
      writeFileSync(path, generateSource(path.endsWith(".ts") ? "typescript" : "python", 300, 1000 + i));
      const t0 = performance.now();
      const announced = nextReady();
      await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(path).toString(), type: 2 }] });
      await announced;
      changeTimes.push(performance.now() - t0);
      const t1 = performance.now();
      const report = await client.connection.sendRequest<WorkspaceReport>(WorkspaceMethods.report);
      reportTimes.push(performance.now() - t1);
      size = JSON.stringify(report).length;
    }
    console.log(`workspace: ${files} files (${ai.length} AI modules of 300 lines), ${status.findings} findings, ${status.callSites} model calls`);
    console.log(`start-up scan until results announced: ${Math.round(scanMs)} ms`);
    console.log(`one file changed on disk until results announced (includes the 250 ms gathering delay): median ${round(summarize(changeTimes).median, 0)} ms`);
    console.log(`full report request (built + sent): median ${round(summarize(reportTimes).median, 0)} ms, ${(size / 1e6).toFixed(2)} MB of JSON`);
  } finally {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
