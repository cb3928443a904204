import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { initTestEngine } from "../testing";
import { RULES } from "../rules/registry";
import { checkLabel, percent } from "./labels";
import { summarize } from "./scores";
import { PROTOTYPE, READY, reportOf } from "./testReports";

describe("readiness summary", () => {
  before(initTestEngine);

  it("scores each factor as the report does, and counts findings per factor", () => {
    const report = reportOf("/w/app", { "a.py": PROTOTYPE, "b.py": READY, "c.py": "print('no AI here')\n" });
    const summary = summarize([report]);
    for (const f of summary.factors) assert.equal(f.score, report.scores[f.factor], f.factor);
    const findings = report.files.flatMap((f) => f.findings);
    for (const f of summary.factors) assert.equal(f.findings, findings.filter((x) => x.factor === f.factor).length);
    const compute = summary.factors.find((f) => f.factor === "compute")!;
    assert.deepEqual([compute.passed, compute.counted, compute.score], [1, 2, 0.5]);
    assert.equal(summary.callSites, 2);
    assert.equal(summary.files, 3);
    assert.equal(summary.filesWithFindings, report.files.length);
  });

  it("lists every factor a rule or check belongs to, none twice", () => {
    const factors = summarize([]).factors.map((f) => f.factor);
    for (const rule of RULES) assert.ok(factors.includes(rule.factor), rule.factor);
    assert.equal(new Set(factors).size, factors.length);
  });

  it("takes the overall score as the mean of the scored factors", () => {
    const summary = summarize([reportOf("/w", { "a.py": PROTOTYPE, "b.py": READY })]);
    const scored = summary.factors.map((f) => f.score).filter((s): s is number => s !== null);
    assert.ok(scored.length > 1);
    assert.equal(summary.overall, Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 100) / 100);
    assert.equal(summarize([reportOf("/w", { "c.py": "x = 1\n" })]).overall, null, "no call sites, no score");
  });

  it("counts the call sites where no check fails", () => {
    const report = reportOf("/w", { "a.py": PROTOTYPE, "b.py": READY });
    const ready = report.callSites.filter((s) => !Object.values(s.checks).includes("fail")).length;
    assert.equal(summarize([report]).readyCallSites, ready);
    assert.ok(ready < report.callSites.length);
  });

  it("ranks top problems by severity, then count, across folders", () => {
    const key = `from openai import OpenAI\nclient = OpenAI(api_key="sk-proj-4fT9kQ2mZx7LwP1rV8nB3cY6hJ0dS5gA", timeout=5)\n`;
    const summary = summarize([reportOf("/w/one", { "a.py": PROTOTYPE, "k.py": key }), reportOf("/w/two", { "a.py": PROTOTYPE })]);
    assert.equal(summary.topProblems[0].rule, "hardcoded-api-key", "the error comes first");
    assert.equal(summary.topProblems[0].severity, "error");
    const timeout = summary.topProblems.find((p) => p.rule === "missing-timeout")!;
    assert.deepEqual([timeout.count, timeout.files], [2, 2], "same path in two folders is two files");
    for (let i = 2; i < summary.topProblems.length; i++) assert.ok(summary.topProblems[i - 1].count >= summary.topProblems[i].count || summary.topProblems[i - 1].severity !== summary.topProblems[i].severity);
    assert.equal(summary.topProblems.length, 5);
  });

  it("names the checks from the call sites' keys, in the engine's order", () => {
    const report = reportOf("/w", { "a.py": PROTOTYPE });
    assert.deepEqual(summarize([report]).checks, Object.keys(report.callSites[0].checks));
    assert.ok(summarize([]).checks.length > 0, "without call sites, the scored checks");
  });

  it("labels checks and scores for people", () => {
    assert.equal(checkLabel("outputLimit"), "output limit");
    assert.equal(checkLabel("someNewCheck"), "some new check", "a new check reads as words without a table entry");
    assert.equal(percent(0.625), "63%");
    assert.equal(percent(null), "–");
  });
});
