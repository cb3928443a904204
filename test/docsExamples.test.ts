/**
 * Every rule's docs.md runs: each `invalid` block yields exactly one finding of that rule,
 * each `valid` block none, and each `fixed` block equals the fix applied to the `invalid`
 * block before it, parses, and no longer reports.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { RULES } from "../rules/src/index";
import { docExamples, type DocExample } from "../rules/src/ruleDocs";
import { findingsOf, fixRule, initTestEngine, syntaxErrors } from "../rules/src/testing";
import { RULES_DIR } from "./helpers";

before(initTestEngine);

for (const rule of RULES) {
  describe(`docs of ${rule.id}`, () => {
    const examples = docExamples(readFileSync(join(RULES_DIR, rule.id, "docs.md"), "utf8"));

    it(rule.fix ? "has invalid, valid and fixed examples" : "has invalid and valid examples, and no fixed one", () => {
      for (const kind of ["invalid", "valid"]) assert.ok(examples.some((e) => e.kind === kind), `no ${kind} example`);
      assert.equal(examples.some((e) => e.kind === "fixed"), rule.fix !== null, rule.fix ? "no fixed example" : "a rule without a fix has no fixed example");
    });

    let lastInvalid: DocExample | undefined;
    for (const example of examples) {
      const title = `${example.language} ${example.kind} (docs.md line ${example.line})`;
      if (example.kind === "invalid") lastInvalid = example;
      const invalid = lastInvalid;
      it(title, () => {
        assert.equal(syntaxErrors(example.code, example.language), 0, "the example itself must parse");
        const findings = findingsOf(rule.id, example.code, example.language);
        if (example.kind === "invalid") assert.equal(findings.length, 1, `expected exactly one finding, got ${findings.map((f) => f.message).join("; ")}`);
        else assert.deepEqual(findings.map((f) => f.message), [], "expected no finding");
        if (example.kind === "fixed") {
          assert.ok(invalid && invalid.language === example.language, "a fixed block follows an invalid block of its language");
          assert.equal(fixRule(rule.id, invalid.code, invalid.language), example.code);
        }
      });
    }
  });
}
