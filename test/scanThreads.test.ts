/** The CLI's scan split across worker threads gives the very report of the single-threaded scan. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { generateSource } from "../bench/generate";
import { generateWorkspace } from "../bench/workspace";
import { scanThreads, WORKER_THRESHOLD } from "../cli/src/scanPool";
import type { Report } from "../rules/src/index";
import { CLI, EXAMPLES } from "./helpers";

function check(threads: number, ...args: string[]): { report: Report; text: string } {
  const result = spawnSync(process.execPath, [CLI, "check", ...args, "--format", "json"], { encoding: "utf8", env: { ...process.env, AI_READINESS_WORKERS: String(threads) } });
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as Report;
  // The time taken is the one field allowed to differ.
  return { report, text: JSON.stringify({ ...report, stats: { ...report.stats, ms: 0 } }) };
}

describe("scan threads", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "ai-readiness-threads-"));
    generateWorkspace(dir, { files: 150, aiShare: 0.3, seed: 7 });
    // Late in the walk's order, so another thread than the one holding most call sites finds it.
    writeFileSync(join(dir, "web/zz_instrumentation.py"), "from traceloop.sdk import Traceloop\n\nTraceloop.init(app_name=\"svc\")\n");
    writeFileSync(join(dir, "backend/app/binary.py"), Buffer.from([0x6f, 0x70, 0x65, 0x6e, 0x61, 0x69, 0, 1, 2]));
    writeFileSync(join(dir, "backend/app/broken.py"), "import openai\nclient = openai.OpenAI(\ndef (:\n");
    // A typo that wraps the whole file in one error node (test/brokenFiles.test.ts): listed as skipped too.
    writeFileSync(join(dir, "web/src/unparsed.ts"), generateSource("typescript", 600, 1).replace("for await (const event of stream)", "for await (const event oqf stream)"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the same report on examples/ with 1 and 4 threads", () => {
    const one = check(1, EXAMPLES);
    assert.ok(one.report.callSites.length > 0 && one.report.files.length > 0, "examples/ has findings to compare");
    assert.equal(check(4, EXAMPLES).text, one.text);
  });

  it("gives the same report on a generated folder with 1, 2 and 3 threads", () => {
    const one = check(1, dir);
    assert.ok(one.report.callSites.length > 20, `call sites in many files (${one.report.callSites.length})`);
    assert.deepEqual(
      one.report.skipped.map((s) => `${s.path}: ${s.reason.slice(0, 14)}`),
      ["backend/app/binary.py: binary content", "web/src/unparsed.ts: does not parse"],
    );
    // The instrumentation in one file traces the calls of every other: the project's facts crossed threads.
    assert.ok(one.report.callSites.every((s) => s.checks.telemetry === "pass"), "every call is traced by the auto-instrumentation");
    assert.equal(check(2, dir).text, one.text);
    assert.equal(check(3, dir).text, one.text);
  });

  it("applies each folder's ai-readiness.json the same across threads", () => {
    const configured = mkdtempSync(join(tmpdir(), "ai-readiness-threads-config-"));
    try {
      generateWorkspace(configured, { files: 120, aiShare: 0.4, seed: 11 });
      writeFileSync(join(configured, "ai-readiness.json"), '{ "preset": "strict", "exclude": ["web/src/api/**"] }');
      writeFileSync(join(configured, "backend/ai-readiness.json"), '{ "rules": { "missing-timeout": "error", "untraced-model-call": "off" } }');
      const one = check(1, configured);
      const severities = new Set(one.report.files.flatMap((f) => f.findings.filter((x) => x.rule === "missing-timeout").map((x) => `${f.path.split("/")[0]}:${x.severity}`)));
      assert.ok(severities.has("backend:error") && severities.has("web:warning"), `each folder has its own config (${[...severities].join(", ")})`);
      assert.ok(!one.report.callSites.some((s) => s.path.startsWith("web/src/api/")), "the excluded folder is not checked");
      assert.equal(check(3, configured).text, one.text);
    } finally {
      rmSync(configured, { recursive: true, force: true });
    }
  });

  it("resolves a client imported from another module on any thread count", () => {
    const modules = mkdtempSync(join(tmpdir(), "ai-readiness-threads-modules-"));
    try {
      generateWorkspace(modules, { files: 100, aiShare: 0.2, seed: 13 });
      mkdirSync(join(modules, "backend/app/llm"), { recursive: true });
      writeFileSync(join(modules, "backend/app/llm/client.py"), "from openai import OpenAI\n\nclient = OpenAI(timeout=20.0)\n");
      writeFileSync(join(modules, "backend/zz_routes.py"), 'from app.llm.client import client\n\n\ndef answer(question):\n    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])\n    return reply.choices[0].message.content\n');
      const one = check(1, modules);
      const imported = one.report.callSites.find((s) => s.path === "backend/zz_routes.py");
      assert.equal(imported?.checks.timeout, "pass", "the call on the imported client has the client's timeout");
      assert.equal(check(3, modules).text, one.text);
    } finally {
      rmSync(modules, { recursive: true, force: true });
    }
  });

  it("keeps --select and --quiet the same across threads", () => {
    const args = [dir, "--select", "missing-timeout,hardcoded-api-key", "--quiet"];
    assert.equal(check(3, ...args).text, check(1, ...args).text);
  });

  it("finishes on a folder with no source files", () => {
    const empty = mkdtempSync(join(tmpdir(), "ai-readiness-threads-empty-"));
    try {
      writeFileSync(join(empty, "notes.txt"), "openai\n");
      assert.equal(check(2, empty).text, check(1, empty).text);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("uses one thread below the threshold and whatever the environment fixes", () => {
    assert.equal(scanThreads(WORKER_THRESHOLD - 1, {}), 1);
    assert.ok(scanThreads(WORKER_THRESHOLD, {}) >= 1);
    assert.equal(scanThreads(10, { AI_READINESS_WORKERS: "3" }), 3);
    assert.equal(scanThreads(100_000, { AI_READINESS_WORKERS: "1" }), 1);
    assert.equal(scanThreads(10, { AI_READINESS_WORKERS: "many" }), 1, "an unreadable value falls back to the threshold");
  });
});
