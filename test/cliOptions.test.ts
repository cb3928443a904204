/** Every option of `ai-readiness check`, and the `explain` and `rules` commands. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { RULES, type Report } from "../rules/src/index";
import { CLI, EXAMPLES, REPO_ROOT } from "./helpers";

function run(args: string[], input?: string, env: Record<string, string | undefined> = { NO_COLOR: "1" }, cli = CLI) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", input, env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ESC = "\u001b[";

/** Runs the CLI with stdout and stderr on a pseudo-terminal (util-linux `script`); returns what the terminal showed. */
function runOnTerminal(args: string[], env: Record<string, string | undefined>) {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, CLI, ...args].map(quote).join(" ");
  const result = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: "xterm-256color", ...env } });
  assert.equal(result.error, undefined, "util-linux `script` runs");
  return { code: result.status, output: result.stdout };
}

const rulesIn = (stdout: string) => new Set((JSON.parse(stdout) as Report).files.flatMap((f) => f.findings.map((x) => x.rule)));
/** One file with a known set of defects: a key literal (the only error) and prototype-style calls. */
const PY = join(EXAMPLES, "python-service", "app", "summarize.py");
const PY_SERVICE = join(EXAMPLES, "python-service");

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

describe("check options, the rest", () => {
  const dir = mkdtempSync(join(tmpdir(), "ai-readiness-options-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("takes --option=value as well as --option value, and needs the value", () => {
    assert.deepEqual([...rulesIn(run(["check", PY, "--format=json", "--select=missing-timeout"]).stdout)], ["missing-timeout"]);
    const missing = run(["check", PY, "--select"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--select needs a value/);
    assert.equal(run(["check", PY, "--format", "--quiet"]).code, 2, "an option is no value");
  });

  it("--fail-on warning fails on warnings, the default fails on any finding", () => {
    const warningsOnly = ["check", PY, "--ignore", "hardcoded-api-key"];
    assert.equal(run([...warningsOnly, "--fail-on", "warning"]).code, 1);
    assert.equal(run([...warningsOnly, "--fail-on", "info"]).code, 1);
    assert.equal(run(warningsOnly).code, 1);
  });

  it("--max-warnings takes a whole number", () => {
    for (const bad of ["-1", "two", "1.5"]) assert.equal(run(["check", PY, `--max-warnings=${bad}`]).code, 2, bad);
    assert.equal(run(["check", PY, "--max-warnings", "0", "--select", "missing-timeout"]).code, 1);
  });

  it("--quiet prints errors only in text, frames included", () => {
    const { code, stdout } = run(["check", PY_SERVICE, "--quiet"]);
    assert.equal(code, 1);
    assert.match(stdout, /^app\/summarize\.py:6:25: error: /m);
    assert.ok(!/: warning: /.test(stdout), "no warnings");
    assert.match(stdout, /> 6 \| client = OpenAI\(api_key="sk-proj-\*+"\)/);
  });

  it("--fix --unsafe-fixes applies the unsafe fixes too", () => {
    cpSync(PY_SERVICE, join(dir, "unsafe"), { recursive: true });
    const result = run(["check", join(dir, "unsafe"), "--fix", "--unsafe-fixes", "--format", "json"]);
    const left = (JSON.parse(result.stdout) as Report).files.flatMap((f) => f.findings.map((x) => x.rule));
    assert.ok(!left.includes("missing-timeout") && !left.includes("hardcoded-api-key"), left.join(", "));
    const fixed = readFileSync(join(dir, "unsafe/app/summarize.py"), "utf8");
    assert.match(fixed, /timeout=/);
    assert.match(fixed, /os\.environ/);
  });

  it("--stdin-filename shows the text from stdin in the frame, and takes no paths", () => {
    const code = `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="m", messages=[], max_tokens=5)\n`;
    const { stdout } = run(["check", "--stdin-filename", "app/chat.py", "--select", "missing-timeout"], code);
    assert.match(stdout, /^app\/chat\.py:3:1: warning: .*\[missing-timeout\]\n {4}2 \| client = OpenAI\(\)\n {2}> 3 \| client\.chat\.completions\.create\(/m);
    const both = run(["check", PY, "--stdin-filename", "app/chat.py"], code);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /give no paths/);
  });

  it("colors text on a terminal, unless NO_COLOR is set", () => {
    const colored = runOnTerminal(["check", PY_SERVICE, "--select", "missing-timeout"], {});
    assert.equal(colored.code, 1);
    assert.ok(colored.output.includes(`${ESC}33mwarning${ESC}0m`), colored.output);
    const plain = runOnTerminal(["check", PY_SERVICE, "--select", "missing-timeout"], { NO_COLOR: "1" });
    assert.match(plain.output, /^app\/summarize\.py:13:16: warning: /);
    assert.ok(!plain.output.includes(ESC), plain.output);
  });

  it("colors text only on a terminal, unless FORCE_COLOR says otherwise", () => {
    assert.ok(!run(["check", PY], undefined, {}).stdout.includes(ESC), "a pipe gets no colors");
    assert.ok(run(["check", PY], undefined, { FORCE_COLOR: "1" }).stdout.includes(`${ESC}31merror`), "FORCE_COLOR=1");
    assert.ok(!run(["check", PY], undefined, { FORCE_COLOR: "0" }).stdout.includes(ESC), "FORCE_COLOR=0");
    assert.ok(!run(["check", PY, "--format", "json"], undefined, { FORCE_COLOR: "1" }).stdout.includes(ESC), "never in JSON");
  });

  it("skips what .gitignore ignores, unless --no-gitignore", () => {
    const project = join(dir, "ignoring");
    cpSync(PY_SERVICE, project, { recursive: true });
    writeFileSync(join(project, ".gitignore"), "# generated from a template\nsummarize.py\n");
    const report = JSON.parse(run(["check", project, "--format", "json"]).stdout) as Report;
    assert.ok(!report.files.some((f) => f.path.endsWith("summarize.py")), "the ignored file is not checked");
    assert.ok(report.callSites.some((s) => s.path === "app/classify.py"), "the rest is");
    assert.equal(run(["check", join(project, "app/summarize.py")]).code, 1, "a file named on the command line is checked all the same");
    const everything = JSON.parse(run(["check", project, "--format", "json", "--no-gitignore"]).stdout) as Report;
    assert.ok(everything.files.some((f) => f.path.endsWith("summarize.py")), "--no-gitignore checks it");
  });

  it("help, version, and usage errors outside check", () => {
    for (const args of [[], ["-h"], ["--help"], ["check", "--help"]]) {
      const help = run(args);
      assert.equal(help.code, 0, args.join(" "));
      assert.match(help.stdout, /^Usage:\n {2}ai-readiness check/);
    }
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
    for (const flag of ["-v", "--version"]) assert.deepEqual([run([flag]).code, run([flag]).stdout], [0, `${version}\n`]);
    for (const args of [["lint", "."], ["explain"], ["explain", "a", "b"], ["rules", "--format", "xml"], ["init", "here"]]) {
      const result = run(args);
      assert.equal(result.code, 2, args.join(" "));
      assert.match(result.stderr, /^ai-readiness: .+\n\nUsage:/);
    }
  });

  it("exits 2 with `internal error` when the install is broken", () => {
    const lonely = join(dir, "broken-install");
    cpSync(join(REPO_ROOT, "dist", "docs"), join(lonely, "docs"), { recursive: true });
    copyFileSync(CLI, join(lonely, "cli.js")); // the grammar .wasm files are missing
    copyFileSync(join(REPO_ROOT, "dist", "cliMain.js"), join(lonely, "cliMain.js"));
    const result = run(["check", PY], undefined, undefined, join(lonely, "cli.js"));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^ai-readiness: internal error: .*web-tree-sitter\.wasm/m);
    rmSync(join(lonely, "cliMain.js"));
    const withoutBundle = run(["check", PY], undefined, undefined, join(lonely, "cli.js"));
    assert.equal(withoutBundle.code, 2, "the command without the bundle it loads");
    assert.match(withoutBundle.stderr, /^ai-readiness: internal error: .*cliMain\.js/m);
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
