/**
 * The statement memo (rules/src/model/statementMemo.ts) keeps the facts of unchanged
 * statements across keystrokes. After every edit of a typing session its facts must equal a
 * fresh extraction of the same tree, and it must actually keep something.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { generateSource } from "../bench/generate";
import { prng } from "../bench/common";
import { SourceDocument, type LanguageId } from "../rules/src/index";
import { extractFacts, extractIn, extractKeeping } from "../rules/src/analyze";
import { StatementMemo } from "../rules/src/model/statementMemo";
import { FileSkipped, withBudget } from "../rules/src/parse/budget";
import { languageForPath } from "../rules/src/parse/parser";
import { initTestEngine } from "../rules/src/testing";
import { EXAMPLES, REPO_ROOT } from "./helpers";
import { fileOfDocsExamples, filesUnder } from "./sampleFiles";

before(initTestEngine);

/** What typing does, one change after another: letters, brackets, quotes, line breaks, deletions, pasted words. */
const PIECES = ["x", "a", "(", ")", "[", "{", "}", ":", '"', "'", "`", "\n", "    ", ".", "=", "#", "/", "client", "import ", "json.loads(", "prompt", "OpenAI(", "\n\ndef f():\n    pass\n"];

function typeInto(document: SourceDocument, random: () => number): void {
  const at = Math.floor(random() * (document.text.length + 1));
  if (random() < 0.25) document.update([{ start: at, end: Math.min(document.text.length, at + 1 + Math.floor(random() * 6)), text: "" }]);
  else document.update([{ start: at, end: at, text: PIECES[Math.floor(random() * PIECES.length)]! }]);
}

/** Opens `text`, then checks the memo against a fresh extraction after each of `edits` changes. */
function assertSameFactsWhileTyping(text: string, language: LanguageId, seed: number, edits: number): void {
  const document = new SourceDocument(language, text);
  const memo = new StatementMemo();
  const random = prng(seed);
  try {
    for (let i = 0; i <= edits; i++) {
      if (i > 0) typeInto(document, random);
      const tree = document.syntaxTree();
      const fresh = outcome(() => extractFacts(tree, document.text, language));
      const kept = outcome(() => extractKeeping(tree, document.text, language, memo));
      assert.deepStrictEqual(kept, fresh, `edit ${i}: the kept facts differ from a fresh extraction`);
      if (typeof kept !== "string") for (const site of kept.callSites) assert.ok(site.client === null || kept.clients.includes(site.client), "a call site holds a client of another version");
    }
  } finally {
    document.dispose();
  }
}

/** The facts, or why the file was skipped (both ways must skip alike). */
function outcome<T>(run: () => T): T | string {
  try {
    return withBudget(run);
  } catch (error) {
    if (error instanceof FileSkipped) return error.reason;
    throw error;
  }
}

describe("facts kept across keystrokes equal a fresh extraction", () => {
  const files = [...filesUnder(EXAMPLES), ...filesUnder(join(REPO_ROOT, "test/fixtures"))];
  for (const file of files) {
    it(`${file.slice(REPO_ROOT.length + 1)}, over 25 edits`, () => assertSameFactsWhileTyping(readFileSync(file, "utf8"), languageForPath(file)!, file.length, 25));
  }
  for (const language of ["python", "typescript"] as const) {
    for (const wrapped of [true, false]) {
      it(`a ${language} file of every docs example ${wrapped ? "in functions" : "at module level"}, over 60 edits`, () => assertSameFactsWhileTyping(fileOfDocsExamples(language, wrapped), language, wrapped ? 11 : 12, 60));
    }
    for (const seed of [1, 2]) {
      it(`a generated ${language} file full of model calls (seed ${seed}), over 60 edits`, () => assertSameFactsWhileTyping(generateSource(language, 600, seed), language, seed, 60));
    }
  }
});

describe("the memo", () => {
  /** Runs the memo on `text` with an extractor that records how many statements each extraction walked. */
  function walkedCounts(memo: StatementMemo, document: SourceDocument): (number | "all")[] {
    const counts: (number | "all")[] = [];
    const tree = document.syntaxTree();
    withBudget(() =>
      memo.extract(tree.rootNode, document.text, document.language, (scope) => {
        counts.push(scope ? scope.statements.length : "all");
        return extractIn(tree.rootNode, document.text, document.language, scope);
      }),
    );
    return counts;
  }

  for (const language of ["python", "typescript"] as const) {
    it(`re-extracts only the edited function and the module-level statements (${language})`, () => {
      const document = new SourceDocument(language, generateSource(language, 1000, 3));
      const memo = new StatementMemo();
      try {
        assert.deepEqual(walkedCounts(memo, document), ["all"], "opening the file extracts it whole");
        const statements = document.syntaxTree().rootNode.namedChildren.length;
        // A letter inside the name of a function's first local variable.
        const at = document.text.search(language === "python" ? /\n {4}completion = / : /\n {4}const completion = /) + (language === "python" ? 5 : 11);
        document.update([{ start: at, end: at, text: "x" }]);
        const [walked] = walkedCounts(memo, document);
        assert.ok(typeof walked === "number" && walked < statements / 3, `walked ${walked} of ${statements} statements`);
      } finally {
        document.dispose();
      }
    });
  }

  it("keeps handlers written as constants and route registrations, and walks what binds a client", () => {
    const handler = (name: string) => `export const ${name} = async (question: string) => {\n  const reply = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: question }] });\n  return JSON.parse(reply.choices[0].message.content ?? "{}");\n};\n\n`;
    const text = [
      'import OpenAI from "openai";\nimport express from "express";\n\nconst openai = new OpenAI({ timeout: 20_000 });\nconst LIMITS = { tokens: 512 };\n\n',
      ...["ask", "summarize", "classify", "translate"].map(handler),
      'app.post("/chat", async (req, res) => {\n  const r = await openai.responses.create({ model: "gpt-4o", input: req.body.q });\n  res.json(r.output_text);\n});\n',
    ].join("");
    const document = new SourceDocument("typescript", text);
    const memo = new StatementMemo();
    try {
      walkedCounts(memo, document);
      const at = document.text.indexOf("const reply", document.text.indexOf("classify"));
      document.update([{ start: at, end: at, text: "x" }]);
      // The two imports, the client and the edited handler; the other handlers, the constant and the route are kept.
      assert.deepEqual(walkedCounts(memo, document), [4]);
      const tree = document.syntaxTree();
      assert.deepStrictEqual(withBudget(() => extractKeeping(tree, document.text, "typescript", memo)), withBudget(() => extractFacts(tree, document.text, "typescript")));
    } finally {
      document.dispose();
    }
  });

  it("extracts the whole file again when an import changes what names mean", () => {
    const text = 'import json\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=10)\n\n\ndef ask(q):\n    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])\n    return json.loads(r.choices[0].message.content)\n';
    const document = new SourceDocument("python", text);
    const memo = new StatementMemo();
    try {
      walkedCounts(memo, document);
      document.update([{ start: 0, end: 0, text: "from app import client\n" }]);
      const counts = walkedCounts(memo, document);
      assert.equal(counts.at(-1), "all");
      const tree = document.syntaxTree();
      assert.deepStrictEqual(withBudget(() => extractKeeping(tree, document.text, "python", memo)), withBudget(() => extractFacts(tree, document.text, "python")));
    } finally {
      document.dispose();
    }
  });
});
