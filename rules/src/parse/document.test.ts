import assert from "node:assert/strict";
import { before, it } from "node:test";
import { initTestEngine } from "../testing";
import { SourceDocument, type TextChange } from "./document";
import { parseText } from "./parser";
import { FileSkipped, textOverBudget } from "./budget";

before(initTestEngine);

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

for (const [language, source] of [
  ["python", `from openai import OpenAI\n\nclient = OpenAI()\n\ndef ask(q):\n    r = client.chat.completions.create(model="m", messages=[q])  # é 😀\n    return r\n`],
  ["typescript", `import OpenAI from "openai";\nconst c = new OpenAI();\n// 😀 ✓\nexport const f = async () => c.responses.create({ model: "m", input: "x" });\n`],
] as const) {
  it(`incremental reparse equals a full parse after random edits (${language})`, () => {
    const next = random(42);
    const document = new SourceDocument(language, source);
    document.syntaxTree();
    for (let i = 0; i < 300; i++) {
      const text = document.text;
      let start = Math.floor(next() * (text.length + 1));
      // Never split a surrogate pair: editors do not either.
      if (start > 0 && /[\ud800-\udbff]/.test(text[start - 1])) start--;
      const end = Math.min(text.length, start + Math.floor(next() * 3));
      const safeEnd = end > 0 && /[\ud800-\udbff]/.test(text[end - 1]) ? end + 1 : end;
      const insert = ["a", "(", ")", "\n", "é", "😀", "", '"'][Math.floor(next() * 8)];
      document.update([{ start, end: safeEnd, text: insert }]);
      const incremental = document.syntaxTree().rootNode.toString();
      const full = parseText(language, document.text);
      assert.equal(incremental, full.rootNode.toString(), `edit ${i} diverged`);
      full.delete();
    }
    document.dispose();
  });
}


/** `document.syntaxTree()` skips the text for the same reason a fresh check gives, or parses it when that gives none. */
function assertBudgetAsFresh(document: SourceDocument, label: string): boolean {
  const expected = textOverBudget(document.text, true);
  let reason: string | null = null;
  try {
    document.syntaxTree();
  } catch (error) {
    if (!(error instanceof FileSkipped)) throw error;
    reason = error.reason;
  }
  assert.equal(reason, expected, label);
  return expected !== null;
}

it("skips a text over the bracket budget after edits exactly when a fresh check would", () => {
  const next = random(7);
  // 254 brackets deep (the limit is 256): edits in the opening run cross it both ways.
  const document = new SourceDocument("python", `x = ${"(".repeat(254)}1${")".repeat(254)}\n`);
  let overBudget = 0;
  for (let i = 0; i < 400; i++) {
    const start = Math.floor(next() * document.text.indexOf("1"));
    const end = Math.min(document.text.length, start + (next() < 0.1 ? 1 : 0));
    document.update([{ start, end, text: ["(", "(", "(", ")", ")", "a", ""][Math.floor(next() * 7)] }]);
    if (assertBudgetAsFresh(document, `edit ${i}`)) overBudget++;
  }
  assert.ok(overBudget > 0 && overBudget < 400, `${overBudget} of 400 edits over the budget: both sides must be tried`);
  document.dispose();
});

it("measures indentation again when an edit can change it, and only then", () => {
  // 99 levels (the limit is 100).
  const document = new SourceDocument("python", Array.from({ length: 99 }, (_, i) => `${" ".repeat(i)}if a:`).join("\n") + `\n${" ".repeat(99)}pass\n`);
  const steps: [string, (text: string) => TextChange, boolean][] = [
    ["a line one level deeper", (t) => ({ start: t.length, end: t.length, text: `${" ".repeat(100)}b\n` }), false],
    ["a letter mid-line", (t) => ({ start: t.length - 2, end: t.length - 2, text: "x" }), false],
    ["another level", (t) => ({ start: t.length, end: t.length, text: `${" ".repeat(101)}c\n` }), true],
    ["that line removed", (t) => ({ start: t.lastIndexOf("\n", t.length - 2) + 1, end: t.length, text: "" }), false],
    ["a line break mid-line, then a deeper line", (t) => ({ start: t.length - 2, end: t.length - 2, text: `\n${" ".repeat(102)}d` }), true],
    ["its indentation removed", (t) => ({ start: t.lastIndexOf("\n", t.length - 2) + 1, end: t.lastIndexOf("d"), text: "" }), false],
    ["spaces typed at its start", (t) => ({ start: t.lastIndexOf("\n", t.length - 2) + 1, end: t.lastIndexOf("\n", t.length - 2) + 1, text: " ".repeat(103) }), true],
  ];
  for (const [label, change, over] of steps) {
    document.update([change(document.text)]);
    assert.equal(assertBudgetAsFresh(document, label), over, label);
  }
  document.dispose();
});
