/** Every option of `ai-readiness check`, and the `explain` and `rules` commands. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { RULES, type Report } from "../rules/src/index";
import { CLI, EXAMPLES } from "./helpers";

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", input, env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const rulesIn = (stdout: string) => new Set((JSON.parse(stdout) as Report).files.flatMap((f) => f.findings.map((x) => x.rule)));
/** One file with a known set of defects: a key literal (the only error) and prototype-style calls. */
const PY = join(EXAMPLES, "python-service", "app", "summarize.py");

describe("check options", () => {
  it("--select runs only the given rules, --ignore drops them", () => {
    assert.deepEqual([...rulesIn(run(["check", PY, "--format", "json", "--select", "missing-timeout"]).stdout)], ["missing-timeout"]);
    const ignored = rulesIn(run(["check", PY, "--format", "json", "--ignore", "missing-timeout,untraced-model-call"]).stdout);
    assert.ok(!ignored.has("missing-timeout") && !ignored.has("untraced-model-call") && ignored.has("usage-not-recorded"));
    assert.equal(run(["check", PY, "--select", "no-such-rule"]).code, 2);
  });

  it("--fail-on and --max-warnings decide the exit code", () => {
    assert.equal(run(["check", PY, "--fail-on", "error"]).code, 1, "the key is an error");
    assert.equal(run(["check", PY, "--fail-on", "error", "--ignore", "hardcoded-api-key"]).code, 0);
    assert.equal(run(["check", PY, "--fail-on", "error", "--ignore", "hardcoded-api-key", "--max-warnings", "10"]).code, 0);
    assert.equal(run(["check", PY, "--fail-on", "error", "--ignore", "hardcoded-api-key", "--max-warnings", "2"]).code, 1);
    assert.equal(run(["check", PY, "--fail-on", "fatal"]).code, 2);
  });

  it("--quiet reports errors only", () => {
    assert.deepEqual([...rulesIn(run(["check", PY, "--format", "json", "--quiet"]).stdout)], ["hardcoded-api-key"]);
  });

  it("--stdin-filename checks the text on stdin under that name", () => {
    const code = `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="m", messages=[], max_tokens=5)\n`;
    const result = run(["check", "--stdin-filename", "app/chat.py", "--format", "json", "--select", "missing-timeout"], code);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout) as Report;
    assert.equal(report.files[0].path, "app/chat.py");
    assert.equal(report.files[0].findings[0].range.start.line, 3);
    assert.equal(run(["check", "--stdin-filename", "notes.txt"], "x").code, 2);
  });

  it("--format github writes workflow annotations", () => {
    const { stdout } = run(["check", join(EXAMPLES, "python-service"), "--format", "github"]);
    assert.match(stdout, /^::error file=app\/summarize\.py,line=6,endLine=6,col=25,endColumn=\d+,title=ai-readiness\(hardcoded-api-key\)::`api_key` is set to a key literal/m);
    assert.match(stdout, /^::warning file=app\/summarize\.py,line=13,.*title=ai-readiness\(missing-timeout\)::/m);
  });

  it("--unsafe-fixes needs --fix", () => {
    assert.equal(run(["check", PY, "--unsafe-fixes"]).code, 2);
  });
});

describe("explain and rules", () => {
  it("explain prints a rule's docs; an unknown id is a usage error", () => {
    const result = run(["explain", "missing-timeout"]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^# missing-timeout\n/);
    const unknown = run(["explain", "missing"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /did you mean missing-output-limit, missing-timeout\?/);
  });

  it("rules lists every rule, as text or JSON", () => {
    const rows = JSON.parse(run(["rules", "--format", "json"]).stdout) as { id: string; factor: string; tier: string; fix: string | null }[];
    assert.deepEqual(rows.map((r) => r.id), RULES.map((r) => r.id));
    assert.deepEqual(rows.find((r) => r.id === "missing-timeout"), { ...rows.find((r) => r.id === "missing-timeout"), factor: "compute", tier: "recommended", fix: "unsafe" });
    assert.equal(rows.find((r) => r.id === "unbounded-agent-loop")?.fix, null);
    assert.match(run(["rules"]).stdout, /^missing-timeout +compute +recommended +A model call with no finite timeout$/m);
  });
});
