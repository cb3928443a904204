import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RULES } from "../rules/registry";
import { coversPath, parseProjectConfig } from "./configFile";

const parse = (text: string) => parseProjectConfig(text, RULES);
const problemsOf = (text: string) => parse(text).problems.map((p) => `${p.severity}: ${p.message} @ ${text.slice(p.span.start, p.span.end)}`);

describe("ai-readiness.json", () => {
  it("turns a valid file into rules, preset, fix values and patterns", () => {
    const config = parse(`{
      // comments are fine
      "preset": "strict",
      "rules": { "missing-timeout": "error", "usage-not-recorded": "off" },
      "exclude": ["**/tests/**"],
      "fix": { "timeoutSeconds": 60 },
      "wrappers": { "tracing": ["traced_llm"], "timeout": ["call_llm"] },
    }`);
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.lint.rules, { "missing-timeout": "error", "usage-not-recorded": "off" });
    assert.equal(config.lint.preset, "strict");
    assert.deepEqual(config.lint.fix, { timeoutSeconds: 60, maxOutputTokens: 1024 });
    assert.deepEqual(config.lint.wrappers, { tracing: ["traced_llm"], timeout: ["call_llm"] });
    assert.equal(config.setsFix, true);
    assert.equal(coversPath(config, "app/tests/test_chat.py"), false);
    assert.equal(coversPath(config, "app/chat.py"), true);
  });

  it("include limits the files; an empty include means all", () => {
    assert.equal(coversPath(parse('{ "include": ["src/**"] }'), "scripts/x.py"), false);
    assert.equal(coversPath(parse('{ "include": ["src/**"] }'), "src/x.py"), true);
    assert.equal(coversPath(parse('{ "include": [] }'), "scripts/x.py"), true);
  });

  it("reports unknown rules with a suggestion, and keeps the valid rest", () => {
    const text = '{ "rules": { "missing-timout": "off", "missing-output-limit": "off" } }';
    assert.deepEqual(problemsOf(text), ['warning: unknown rule `missing-timout` (did you mean `missing-timeout`?) @ "missing-timout"']);
    assert.deepEqual(parse(text).lint.rules, { "missing-output-limit": "off" });
  });

  it("reports wrong types where they are", () => {
    const text = '{ "preset": "lax", "rules": { "missing-timeout": 2 }, "exclude": "tests", "fix": { "timeoutSeconds": -1 }, "wrappers": { "tracing": [1] }, "colour": true }';
    assert.deepEqual(problemsOf(text), [
      'error: `preset` must be "recommended" or "strict" @ "lax"',
      'error: `missing-timeout`: expected "error", "warning", "info" or "off" @ 2',
      'error: `exclude` must be a list of glob patterns (`["src/**", "**/tests/**"]`) @ "tests"',
      "error: `fix.timeoutSeconds` must be a positive number @ -1",
      "error: `wrappers.tracing` must be a list of function or decorator names @ [1]",
      'warning: unknown setting `colour` (expected one of `$schema`, `preset`, `rules`, `include`, `exclude`, `checkTests`, `fix`, `wrappers`) @ "colour"',
    ]);
  });

  it("a syntax error leaves the defaults and says where", () => {
    const config = parse('{ "rules": { "missing-timeout": "off" ');
    assert.deepEqual(config.lint.rules, {});
    assert.equal(config.problems.length, 1);
    assert.match(config.problems[0].message, /`}` is missing; defaults apply until it is fixed/);
  });

  it("is safe with hostile input: prototype keys, huge numbers, a non-object root", () => {
    const config = parse('{ "rules": { "__proto__": "off", "constructor": "off" }, "fix": { "maxOutputTokens": 1e308 } }');
    assert.equal(Object.getPrototypeOf(config.lint.rules), Object.prototype);
    assert.equal(({} as Record<string, unknown>).off, undefined);
    assert.equal(config.lint.fix.maxOutputTokens, 1024);
    assert.equal(config.problems.length, 3);
    assert.match(parse("[1, 2]").problems[0].message, /must be an object/);
    assert.match(parse(" ".repeat(2_000_000)).problems[0].message, /too large/);
  });
});
