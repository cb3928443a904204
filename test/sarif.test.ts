/**
 * The SARIF output validates against the official OASIS SARIF 2.1.0 schema, which lies
 * beside the project (never copied into it). Under CI its absence is a failure.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { CLI, EXAMPLES, REPO_ROOT } from "./helpers";

const SCHEMA = join(REPO_ROOT, "..", "shared", "data", "sarif-schema-2.1.0.json");

interface Sarif {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; help: { markdown: string }; properties: { tags: string[]; "security-severity"?: string } }[] } };
    results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[]; fixes?: unknown[] }[];
  }[];
}

function sarifOf(folder: string): Sarif {
  const result = spawnSync(process.execPath, [CLI, "check", folder, "--format", "sarif"], { encoding: "utf8" });
  assert.equal(result.status, 1, result.stderr);
  return JSON.parse(result.stdout) as Sarif;
}

it("validates against the SARIF 2.1.0 schema", (t) => {
  if (!existsSync(SCHEMA)) {
    assert.notEqual(process.env.CI, "true", `the SARIF schema is missing at ${SCHEMA}`);
    t.skip(`the SARIF 2.1.0 schema is not beside the project (${SCHEMA}); this check runs where it is`);
    return;
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, "utf8")) as object);
  const sarif = sarifOf(EXAMPLES);
  assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
});

it("carries docs, tags, fingerprints, relative locations and fixes", () => {
  const sarif = sarifOf(EXAMPLES);
  const run = sarif.runs[0];
  const key = run.tool.driver.rules.find((r) => r.id === "hardcoded-api-key")!;
  assert.match(key.help.markdown, /## Why is this bad\?/);
  assert.deepEqual(key.properties.tags.slice(0, 3), ["security", "OWASP-LLM02", "CWE-798"]);
  assert.equal(key.properties["security-severity"], "8.5");
  const result = run.results.find((r) => r.ruleId === "hardcoded-api-key")!;
  assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: "python-service/app/summarize.py", uriBaseId: "SRCROOT" });
  assert.ok(result.fixes && result.fixes.length === 1);
  const again = sarifOf(EXAMPLES).runs[0].results.map((r) => r.partialFingerprints);
  assert.deepEqual(again, run.results.map((r) => r.partialFingerprints), "fingerprints are stable across runs");
  assert.equal(new Set(run.results.map((r) => `${r.ruleId}${JSON.stringify(r.partialFingerprints)}`)).size, run.results.length, "fingerprints tell findings apart");
});
