/** The built CLI, run as a user runs it: on examples/, on a copy with --fix, on bad input. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { RULES, type Report } from "../rules/src/index";
import { initTestEngine, syntaxErrors } from "../rules/src/testing";
import { CLI, EXAMPLES } from "./helpers";

function run(args: string[], cwd?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The examples show every recommended rule but these (their defects need more code than a demo holds). */
const NOT_IN_EXAMPLES = ["model-output-to-code-execution", "model-output-to-sql"];
const ALL_RULES = RULES.filter((r) => r.tier === "recommended").map((r) => r.id).filter((id) => !NOT_IN_EXAMPLES.includes(id));

describe("ai-readiness check", () => {
  before(initTestEngine);

  it("reports every rule on examples/ and nothing on the correct calls", () => {
    const { code, stdout } = run(["check", EXAMPLES, "--format", "json"]);
    assert.equal(code, 1, "findings exit 1");
    const report = JSON.parse(stdout) as Report;
    assert.equal(report.version, 1);
    assert.equal(report.tool.name, "ai-readiness");
    const rules = new Set(report.files.flatMap((f) => f.findings.map((x) => x.rule)));
    assert.deepEqual([...rules].sort(), [...ALL_RULES].sort());
    const paths = report.files.map((f) => f.path);
    for (const clean of ["python-service/app/classify.py", "nextjs-chat/app/api/summarize/route.ts"]) assert.ok(!paths.includes(clean), `${clean} has findings`);
    const classify = report.callSites.find((s) => s.path === "python-service/app/classify.py")!;
    assert.deepEqual(
      { provider: classify.provider, api: classify.api, model: classify.model, timeout: classify.checks.timeout, outputLimit: classify.checks.outputLimit, telemetry: classify.checks.telemetry },
      { provider: "anthropic", api: "messages.create", model: "claude-haiku-4-5-20251001", timeout: "pass", outputLimit: "pass", telemetry: "pass" },
    );
    const finding = report.files[0].findings[0];
    assert.ok(finding.range.start.line >= 1 && finding.range.start.column >= 1, "1-based positions");
    assert.ok(!stdout.includes("4fT9kQ2mZx7L"), "the example's key is masked");
    assert.ok(report.scores.compute !== null && report.scores.compute >= 0 && report.scores.compute <= 1);
  });

  it("prints text with positions, rule ids, code frames and a summary per factor", () => {
    const { code, stdout, stderr } = run(["check", EXAMPLES]);
    assert.equal(code, 1);
    assert.match(stdout, /^python-service\/app\/summarize\.py:6:25: error: `api_key` is set to a key literal .* \[hardcoded-api-key\]$/m);
    assert.match(stdout, /^ {2}> 21 \| {5}return json\.loads\(response\.choices\[0\]\.message\.content\)\n {7}\| {12}\^{47}$/m);
    assert.match(stdout, /✖ \d+ problems \(\d+ errors?, \d+ warnings, \d+ info\)/);
    assert.match(stdout, /^Readiness by factor .*:\n(?: {2}.+\n)* {2}compute +\d+% /m);
    assert.ok(!stdout.includes("4fT9kQ2mZx7L"), "the key is masked in the code frame too");
    assert.ok(!stdout.includes("\u001b["), "no colors when NO_COLOR is set or not a TTY");
    assert.equal(stderr, "", "no progress line when stderr is not a terminal");
  });

  it("exits 0 with --exit-zero and 0 on a clean folder", () => {
    assert.equal(run(["check", EXAMPLES, "--exit-zero"]).code, 0);
    assert.equal(run(["check", join(EXAMPLES, "python-service/app/classify.py")]).code, 0);
  });

  it("exits 2 on usage errors", () => {
    const unknown = run(["check", "--frobnicate"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option `--frobnicate`/);
    assert.equal(run(["check", "/no/such/folder"]).code, 2);
    assert.equal(run(["check", EXAMPLES, "--format", "xml"]).code, 2);
  });

  describe("on a copy", () => {
    const dir = mkdtempSync(join(tmpdir(), "ai-readiness-cli-"));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("--fix applies safe fixes: files parse, a second run changes nothing", () => {
      cpSync(EXAMPLES, dir, { recursive: true });
      const first = run(["check", dir, "--fix", "--format", "json"]);
      assert.equal(first.code, 1, "unsafe findings remain");
      const summarize = readFileSync(join(dir, "python-service/app/summarize.py"), "utf8");
      assert.match(summarize, /except json\.JSONDecodeError as exc:/);
      assert.equal(syntaxErrors(summarize, "python"), 0);
      const remaining = (JSON.parse(first.stdout) as Report).files.flatMap((f) => f.findings);
      assert.ok(remaining.every((f) => f.fix === null || f.fix.safety === "unsafe"), "no safe fix left");
      const before = readFileSync(join(dir, "python-service/app/summarize.py"), "utf8");
      run(["check", dir, "--fix"]);
      assert.equal(readFileSync(join(dir, "python-service/app/summarize.py"), "utf8"), before);
    });

    it("skips binary and huge files with a reason, and checks the rest", () => {
      writeFileSync(join(dir, "blob.py"), Buffer.from([0x70, 0x00, 0x01, 0x02]));
      writeFileSync(join(dir, "huge.ts"), `// ${"x".repeat(2_100_000)}\n`);
      writeFileSync(join(dir, "broken.py"), "from openai import OpenAI\nclient = OpenAI(\ndef (:\n");
      const { code, stdout } = run(["check", dir, "--format", "json"]);
      assert.equal(code, 1);
      const report = JSON.parse(stdout) as Report;
      assert.deepEqual(
        report.skipped.map((s) => s.path).sort(),
        ["blob.py", "huge.ts"],
      );
      assert.match(report.skipped.find((s) => s.path === "blob.py")!.reason, /binary/);
      assert.match(report.skipped.find((s) => s.path === "huge.ts")!.reason, /too large/);
      assert.equal(report.stats.skipped, 2);
    });
  });
});
