/**
 * `ai-readiness.json` through the CLI, as a team uses it: `init`, the nearest config wins,
 * `--config`, excludes, and a broken file that is reported while linting goes on.
 * Also the shipped JSON schema: it accepts what `init` writes and knows every rule.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import Ajv from "ajv";
import { parseJsonc, plainJson } from "../rules/src/config/jsonc";
import { RULES, type Report } from "../rules/src/index";
import { CLI, DIST, EXAMPLES, REPO_ROOT } from "./helpers";

function run(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const findings = (stdout: string) => (JSON.parse(stdout) as Report).files.flatMap((f) => f.findings.map((x) => `${f.path} ${x.rule}`)).sort();

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "ai-readiness-config-"));
  cpSync(join(EXAMPLES, "python-service"), dir, { recursive: true });
  // The tests count the findings of summarize.py and classify.py only.
  rmSync(join(dir, "app", "agent.py"));
  return dir;
}

describe("ai-readiness.json in the CLI", () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = workspace();
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("init writes a starter that changes nothing, and never overwrites", () => {
    const dir = fresh();
    const before = run(dir, ["check", ".", "--format", "json"]).stdout;
    const init = run(dir, ["init"]);
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /wrote .*ai-readiness\.json/);
    const after = run(dir, ["check", ".", "--format", "json"]);
    assert.equal(after.stderr, "", "the starter has no problems");
    assert.deepEqual(findings(after.stdout), findings(before));
    const again = run(dir, ["init"]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists/);
  });

  it("turns rules off, excludes files, and the nearest config wins", () => {
    const dir = fresh();
    writeFileSync(join(dir, "ai-readiness.json"), '{ "rules": { "missing-timeout": "off" }, "exclude": ["classify.py"] }');
    mkdirSync(join(dir, "app", "strict"));
    cpSync(join(dir, "app", "summarize.py"), join(dir, "app", "strict", "summarize.py"));
    writeFileSync(join(dir, "app", "strict", "ai-readiness.json"), '{ "rules": { "missing-timeout": "error" } }');
    const result = findings(run(dir, ["check", ".", "--format", "json"]).stdout);
    assert.ok(!result.includes("app/summarize.py missing-timeout"), "off in the root config");
    assert.ok(result.includes("app/strict/summarize.py missing-timeout"), "on again in the nearer config");
    assert.ok(!result.some((f) => f.includes("classify.py")), "excluded");
    const report = JSON.parse(run(dir, ["check", "app/classify.py", "--format", "json"]).stdout) as Report;
    assert.deepEqual(report.skipped, [{ path: "app/classify.py", reason: "excluded by ai-readiness.json" }]);
  });

  it("--config uses the given file for every file", () => {
    const dir = fresh();
    writeFileSync(join(dir, "only-keys.json"), '{ "preset": "recommended", "rules": { "missing-timeout": "off", "missing-output-limit": "off", "untraced-model-call": "off", "usage-not-recorded": "off", "unvalidated-model-json": "off", "deprecated-model": "off" } }');
    const result = run(dir, ["check", ".", "--format", "json", "--config", "only-keys.json"]);
    assert.deepEqual([...new Set(findings(result.stdout).map((f) => f.split(" ")[1]))], ["hardcoded-api-key"]);
    assert.equal(run(dir, ["check", ".", "--config", "missing.json"]).code, 2);
  });

  it("a broken config is reported with its position, linting goes on with the defaults, and the exit code is 2", () => {
    const dir = fresh();
    writeFileSync(join(dir, "ai-readiness.json"), '{\n  "rules": { "missing-timeout": "off" \n');
    const result = run(dir, ["check", ".", "--format", "json"]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^ai-readiness\.json:3:1: error: unexpected end of file: `}` is missing; defaults apply until it is fixed$/m);
    assert.ok(findings(result.stdout).includes("app/summarize.py missing-timeout"), "defaults apply");
  });

  it("test files get only the rules that matter in tests, unless checkTests is on", () => {
    const dir = fresh();
    mkdirSync(join(dir, "tests"));
    cpSync(join(dir, "app", "summarize.py"), join(dir, "tests", "test_summarize.py"));
    const inTests = () => findings(run(dir, ["check", ".", "--format", "json"]).stdout).filter((f) => f.startsWith("tests/"));
    assert.deepEqual(inTests(), ["tests/test_summarize.py deprecated-model", "tests/test_summarize.py hardcoded-api-key"]);
    writeFileSync(join(dir, "ai-readiness.json"), '{ "checkTests": true }');
    assert.ok(inTests().includes("tests/test_summarize.py missing-timeout"));
  });

  it("unknown rules are warnings: reported, but the exit code follows the findings", () => {
    const dir = fresh();
    writeFileSync(join(dir, "ai-readiness.json"), '{ "rules": { "no-such-rule": "off" } }');
    const result = run(dir, ["check", ".", "--format", "json", "--exit-zero"]);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /ai-readiness\.json:1:14: warning: unknown rule `no-such-rule`/);
  });
});

describe("the config schema", () => {
  const schema = JSON.parse(readFileSync(join(DIST, "ai-readiness.schema.json"), "utf8")) as { properties: { rules: { properties: Record<string, unknown> } } };
  const validate = new Ajv({ strict: false }).compile(schema);

  it("names every rule, and so does the VS Code setting", () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { contributes: { configuration: { properties: Record<string, { properties: Record<string, unknown> }> } } };
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties["aiReadiness.rules"].properties).sort(), RULES.map((r) => r.id).sort());
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), RULES.map((r) => r.id).sort());
  });

  it("accepts the starter config and rejects a typo", () => {
    const dir = mkdtempSync(join(tmpdir(), "ai-readiness-init-"));
    try {
      run(dir, ["init"]);
      const starter = plainJson(parseJsonc(readFileSync(join(dir, "ai-readiness.json"), "utf8")));
      assert.ok(validate(starter), JSON.stringify(validate.errors));
      assert.ok(!validate({ rules: { "missing-timeout": "loud" } }));
      assert.ok(!validate({ rulez: {} }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
