import assert from "node:assert/strict";
import { before, it } from "node:test";
import { initTestEngine } from "../testing";
import { SourceDocument, type TextChange } from "./document";
import { parseText } from "./parser";
import { FileSkipped, textOverBudget } from "./budget";
import { blankOut } from "./containment";
import { lintDocument } from "../lint";
import { DEFAULT_CONFIG } from "../config/lintConfig";
import { EMPTY_PROJECT } from "../model/project";

before(initTestEngine);

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

for (const [language, source] of [
  ["python", `from openai import OpenAI\n\nclient = OpenAI()\n\ndef ask(q):\n    r = client.chat.completions.create(model="m", messages=[q])  # é 😀\n    return r\n`],
  ["typescript", `import OpenAI from "openai";\nconst c = new OpenAI();\n// 😀 ✓\nexport const f = async () => c.responses.create({ model: "m", input: "x" });\n`],
] as const) {
  it(`incremental reparse equals a full parse after random edits (${language}; Python: of the text with broken definitions blank)`, () => {
    const next = random(42);
    const document = new SourceDocument(language, source);
    document.syntaxTree();
    let leftOut = 0;
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
      const full = parseText(language, parsedText(document));
      assert.equal(incremental, full.rootNode.toString(), `edit ${i} diverged`);
      full.delete();
      if (document.brokenDefinitions.length > 0) leftOut++;
    }
    if (language === "python") assert.ok(leftOut > 0, "some edits left a broken definition out");
    document.dispose();
  });
}

/** The text the document's tree is of: its text with the definitions it left out blank. */
function parsedText(document: SourceDocument): string {
  return document.brokenDefinitions.reduce((text, region) => {
    const blanked = blankOut(text, region);
    assert.ok(blanked !== null, "a definition left out has a stub");
    return blanked;
  }, document.text);
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

it("skips a text over the indentation budget after edits in the indentation exactly when a fresh check would", () => {
  const next = random(11);
  // 100 levels (the limit), three lines each: a letter typed into the indentation of a line
  // between two of the same level opens a level in the gap (over the limit), or closes some.
  const lines = Array.from({ length: 101 }, (_, i) => Array<string>(3).fill(`${" ".repeat(4 * i)}if a:`)).flat();
  const document = new SourceDocument("python", lines.join("\n") + "\n");
  let overBudget = 0;
  for (let i = 0; i < 400; i++) {
    const text = document.text;
    const lineStart = text.lastIndexOf("\n", Math.floor(next() * text.length)) + 1;
    const indent = text.slice(lineStart).search(/\S/);
    const start = lineStart + Math.floor(next() * (indent + 1));
    const roll = next();
    // A letter, a space, a deleted space or a deleted letter at the start of a line.
    const change = roll < 0.5 ? { start, end: start, text: "x" } : roll < 0.7 ? { start, end: start, text: " " } : { start, end: Math.min(text.length, start + 1), text: "" };
    document.update([change]);
    if (assertBudgetAsFresh(document, `edit ${i}`)) overBudget++;
  }
  assert.ok(overBudget > 0 && overBudget < 400, `${overBudget} of 400 edits over the budget: both sides must be tried`);
  document.dispose();
});

it("a letter typed into a line's indentation can open one level: over the limit, the text is skipped", () => {
  // 100 levels (the limit), three lines each; `x` at column 2 of the second line at width 4
  // leaves a level at 2 under the next line's 4, and every level above goes one deeper.
  const lines = Array.from({ length: 101 }, (_, i) => Array<string>(3).fill(`${" ".repeat(4 * i)}if a:`)).flat();
  const text = lines.join("\n") + "\n";
  const document = new SourceDocument("python", text);
  assert.equal(assertBudgetAsFresh(document, "as written"), false);
  const at = text.indexOf("    if a:", text.indexOf("    if a:") + 1) + 2;
  document.update([{ start: at, end: at, text: "x" }]);
  assert.equal(assertBudgetAsFresh(document, "the letter typed"), true);
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

const MODULE = [
  "from openai import OpenAI",
  "",
  "client = OpenAI()",
  "",
  ...Array.from({ length: 6 }, (_, i) => [
    "",
    `def handler_${i}(request, items):`,
    "    total = 0",
    "    for item in items:",
    "        total += item",
    `    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": str(total)}])`,
    "    return reply",
    "",
  ]).flat(),
].join("\n");

it("a typo that would turn the whole Python module into one error leaves only its function out", () => {
  const document = new SourceDocument("python", MODULE);
  const before = document.syntaxTree().rootNode.namedChildren.map((c) => c.type);
  // `    mfor item in items:` in the third function: the grammar's recovery wraps the whole module.
  const at = MODULE.indexOf("for item", MODULE.indexOf("def handler_2"));
  const typed = MODULE.slice(0, at) + "m" + MODULE.slice(at);
  const asTyped = parseText("python", typed);
  assert.equal(asTyped.rootNode.namedChildren.length, 1, "the premise: parsed as typed, the module is one error");
  asTyped.delete();

  document.update([{ start: at, end: at, text: "m" }]);
  const tree = document.syntaxTree();
  assert.equal(document.brokenDefinitions.length, 1);
  const region = document.brokenDefinitions[0]!;
  assert.equal(document.text.slice(region.start, region.start + 17), "def handler_2(req");
  assert.ok(!tree.rootNode.hasError, "the rest of the module parses");
  const functions = tree.rootNode.namedChildren.filter((c) => c.type === "function_definition").map((c) => c.childForFieldName("name")!.text);
  assert.deepEqual(functions, ["handler_0", "handler_1", "handler_3", "handler_4", "handler_5"]);

  // Typing on inside it while it is broken, then mending it: parsed as typed again.
  document.update([{ start: at + 1, end: at + 1, text: "o" }]);
  assert.equal(document.syntaxTree().rootNode.namedChildren.filter((c) => c.type === "function_definition").length, 5);
  document.update([{ start: at, end: at + 2, text: "" }]);
  assert.equal(document.text, MODULE);
  assert.deepEqual(document.syntaxTree().rootNode.namedChildren.map((c) => c.type), before);
  assert.deepEqual(document.brokenDefinitions, []);
  document.dispose();
});

it("a broken definition stays out while another one is edited, and an edit reaching past it parses it as typed", () => {
  const document = new SourceDocument("python", MODULE);
  document.syntaxTree();
  const broken = MODULE.indexOf("for item", MODULE.indexOf("def handler_1"));
  document.update([{ start: broken, end: broken, text: "q" }]);
  document.syntaxTree();
  assert.equal(document.brokenDefinitions.length, 1);
  // A letter in a later function that keeps it valid.
  const later = document.text.indexOf("total = 0", document.text.indexOf("def handler_4"));
  document.update([{ start: later, end: later, text: "x" }]);
  document.syntaxTree();
  assert.equal(document.brokenDefinitions.length, 1, "the broken one is still left out");
  assert.equal(parseText("python", parsedText(document)).rootNode.toString(), document.syntaxTree().rootNode.toString());
  // A paste over the broken function and the start of the next: parsed as typed.
  const from = document.text.indexOf("qfor");
  const to = document.text.indexOf("total = 0", document.text.indexOf("def handler_2"));
  document.update([{ start: from, end: to, text: "pass\n\ndef handler_2(request, items):\n    " }]);
  assert.equal(document.syntaxTree().rootNode.toString(), parseText("python", document.text).rootNode.toString());
  assert.deepEqual(document.brokenDefinitions, []);
  document.dispose();
});

it("a definition is left out with its first character kept, and a decorated one with a stub; offsets and rows stay", () => {
  const text = "x = 1\n\n@app.route('/')\ndef index():\n    retrn 1 +\n\nclass A:\n    y = (\n";
  const decorated = { start: text.indexOf("@"), end: text.indexOf("class") };
  const cls = { start: text.indexOf("class"), end: text.length };
  const withStub = blankOut(text, decorated)!;
  assert.equal(withStub.length, text.length);
  assert.equal(withStub.split("\n").length, text.split("\n").length);
  assert.ok(withStub.startsWith("x = 1\n\n@x"));
  assert.ok(withStub.includes("\ndef _():pass"));
  assert.equal(withStub.slice(cls.start), text.slice(cls.start));
  const bare = blankOut(text, cls)!;
  assert.equal(bare.slice(cls.start).trimEnd(), "c");
  for (const blanked of [withStub, bare]) {
    const tree = parseText("python", blanked.slice(0, blanked === withStub ? cls.start : text.length));
    assert.ok(!tree.rootNode.hasError || blanked === bare, "the stub parses");
    tree.delete();
  }
  assert.equal(blankOut("@d\n\n", { start: 0, end: 4 }), null, "no line for the stub");
});

it("a broken definition that sets up tracing is parsed as typed: left out, it would leave every call untraced", () => {
  const text = "import logfire\n\n\ndef setup():\n    logfire.configure()\n    logfire.instrument_openai()\n\n\ndef other():\n    return 1\n";
  const document = new SourceDocument("python", text);
  document.syntaxTree();
  const at = text.indexOf("logfire.configure");
  document.update([{ start: at, end: at, text: "(" }]);
  document.syntaxTree();
  assert.deepEqual(document.brokenDefinitions, []);
  document.update([{ start: at, end: at + 1, text: "" }]);
  document.syntaxTree();
  const plain = text.indexOf("return 1");
  document.update([{ start: plain, end: plain, text: "(" }]);
  document.syntaxTree();
  assert.equal(document.brokenDefinitions.length, 1, "an ordinary definition is left out");
  document.dispose();
});

it("while one Python function is broken, the findings of the others stay (lintDocument)", () => {
  const document = new SourceDocument("python", MODULE);
  const rulesAt = (findings: { rule: string; span: { start: number } }[]) => findings.map((f) => `${f.rule}@${f.span.start}`);
  const before = lintDocument(document, DEFAULT_CONFIG, EMPTY_PROJECT).findings;
  const start = MODULE.indexOf("def handler_2");
  const end = MODULE.indexOf("def handler_3");
  const outside = before.filter((f) => f.span.start < start || f.span.start >= end);
  assert.ok(outside.length > 0 && outside.length < before.length, "findings inside and outside the function");

  const at = MODULE.indexOf("for item", start);
  document.update([{ start: at, end: at, text: "m" }]);
  const during = lintDocument(document, DEFAULT_CONFIG, EMPTY_PROJECT);
  // Findings after the typo are one character later.
  assert.deepEqual(rulesAt(during.findings), rulesAt(outside.map((f) => ({ ...f, span: { start: f.span.start > at ? f.span.start + 1 : f.span.start } }))));
  assert.equal(during.facts.syntaxErrors, 1, "the function left out counts as a syntax error");

  document.update([{ start: at, end: at + 1, text: "" }]);
  assert.deepEqual(rulesAt(lintDocument(document, DEFAULT_CONFIG, EMPTY_PROJECT).findings), rulesAt(before));
  document.dispose();
});
