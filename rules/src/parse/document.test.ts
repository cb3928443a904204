import assert from "node:assert/strict";
import { before, it } from "node:test";
import { initTestEngine } from "../testing";
import { SourceDocument } from "./document";
import { parseText } from "./parser";

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

