/**
 * Files the fuzzer found that crashed or hung the engine before it had a budget. Each is
 * now skipped at once with its reason, and the engine keeps working for the next file.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { budgetStats, DEFAULT_CONFIG, EMPTY_PROJECT, fixText, LIMITS, lintText, type LanguageId } from "../../rules/src/index";
import { initTestEngine } from "../../rules/src/testing";

before(initTestEngine);

const PY = "from openai import OpenAI\nclient = OpenAI()\n";
const TS = 'import OpenAI from "openai";\nconst client = new OpenAI();\n';
const healthy = () => lintText(`${PY}r = client.chat.completions.create(model="gpt-4o", messages=[])\n`, "python", DEFAULT_CONFIG, EMPTY_PROJECT);

function skipReason(text: string, language: LanguageId): string | undefined {
  const lint = lintText(text, language, DEFAULT_CONFIG, EMPTY_PROJECT);
  const fix = fixText(text, language, DEFAULT_CONFIG, EMPTY_PROJECT, { unsafe: true });
  assert.equal(fix.text, text, "a skipped file is never changed");
  assert.equal(fix.skipped, lint.skipped);
  assert.deepEqual(lint.findings, []);
  return lint.skipped;
}

it("600 levels of Python indentation: skipped (it crashed the parser's WebAssembly and broke every later parse)", () => {
  const text = PY + Array.from({ length: 600 }, (_, i) => " ".repeat(i) + "if x:\n").join("") + " ".repeat(600) + "client.chat.completions.create(model='m')\n";
  assert.match(skipReason(text, "python") ?? "", /indented too deeply \(600 levels/);
  assert.ok(healthy().findings.length > 0, "the parser still works");
});

it("10,000 nested JSON.parse calls: skipped (linting ran for minutes)", () => {
  const text = TS + "JSON.parse(".repeat(10_000) + "(await client.chat.completions.create({ model: 'm' })).choices[0].message.content" + ")".repeat(10_000) + ";\n";
  assert.match(skipReason(text, "typescript") ?? "", /nested too deeply \(10003 open brackets/);
});

it("a 10,000-link ternary chain, no brackets: skipped by tree depth (linting took 27 s)", () => {
  const text = TS + "const v = " + "a ? b : ".repeat(10_000) + "client.chat.completions.create({ model: 'm' });\n";
  assert.match(skipReason(text, "typescript") ?? "", /a syntax tree deeper than 1000/);
});

it("a 10,000-term Python concatenation: skipped by tree depth", () => {
  assert.match(skipReason(PY + "v = " + "a + ".repeat(10_000) + "client.chat.completions.create(model='m')\n", "python") ?? "", /syntax tree deeper/);
});

it("a file that runs out of time is skipped with the reason, and that is not an overrun", () => {
  const text = (PY + 'r = client.chat.completions.create(model="m", messages=[])\n').repeat(5000);
  const saved = LIMITS.timeMs;
  const before = budgetStats();
  LIMITS.timeMs = 1;
  try {
    assert.match(skipReason(text, "python") ?? "", /took longer than/);
  } finally {
    LIMITS.timeMs = saved;
  }
  const after = budgetStats();
  assert.equal(after.skipped - before.skipped, 2, "the lint and the fix loop were each stopped once");
  assert.equal(after.overruns, before.overruns);
  assert.ok(healthy().findings.length > 0);
});

it("20 MB on one line and binary bytes named .py: skipped or checked, never thrown", () => {
  assert.match(skipReason("x = '" + "a".repeat(20 * 1024 * 1024) + "'", "python") ?? "", /too large/);
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
  const result = lintText(bytes.toString("utf8"), "python", DEFAULT_CONFIG, EMPTY_PROJECT);
  assert.deepEqual(result.findings, []);
});
