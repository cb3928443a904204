/**
 * The extraction walks only the top-level statements that can hold facts
 * (rules/src/model/relevance.ts). These tests hold it to its promise: on real-looking files,
 * on files built from every docs example, and after random edits, its facts equal those of
 * a walk of the whole file; and it does skip the statements that cannot matter.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { generateSource } from "../bench/generate";
import { prng } from "../bench/common";
import { StatementSelection } from "../rules/src/model/relevance";
import { extractFacts } from "../rules/src/analyze";
import { languageForPath, parseText } from "../rules/src/parse/parser";
import { assertSameFactsAsWholeWalk, initTestEngine } from "../rules/src/testing";
import type { LanguageId } from "../rules/src/types";
import { EXAMPLES, REPO_ROOT } from "./helpers";
import { fileOfDocsExamples, filesUnder } from "./sampleFiles";

before(initTestEngine);

/** Seeded single edits of the kinds typing makes: a letter, a bracket, a quote, a newline, a deletion. */
function edited(text: string, seed: number, count: number): string[] {
  const random = prng(seed);
  const pieces = ["x", "(", ")", "[", "{", "}", ":", '"', "'", "\n", "    ", ".", "=", "#", "/", "client", "import ", "json.loads(", "prompt"];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * text.length);
    if (random() < 0.25) texts.push(text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 6))));
    else texts.push(text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at));
  }
  return texts;
}

describe("the statements walked give the facts of the whole file", () => {
  const files = [...filesUnder(EXAMPLES), ...filesUnder(join(REPO_ROOT, "test/fixtures"))];
  it("finds the example and fixture files", () => assert.ok(files.length >= 20, `only ${files.length} files`));
  for (const file of files) {
    it(`${file.slice(REPO_ROOT.length + 1)}, as it is and after 30 edits`, () => {
      const language = languageForPath(file)!;
      const text = readFileSync(file, "utf8");
      for (const version of [text, ...edited(text, file.length, 30)]) assertSameFactsAsWholeWalk(version, language);
    });
  }
  for (const language of ["python", "typescript"] as const) {
    for (const wrapped of [true, false]) {
      it(`a ${language} file of every docs example ${wrapped ? "in functions" : "at module level"}, as it is and after 60 edits`, () => {
        const text = fileOfDocsExamples(language, wrapped);
        for (const version of [text, ...edited(text, 11, 60)]) assertSameFactsAsWholeWalk(version, language);
      });
    }
    for (const seed of [1, 2]) {
      it(`a generated ${language} module (seed ${seed}), as it is and after 20 edits`, () => {
        const text = generateSource(language, 600, seed);
        for (const version of [text, ...edited(text, seed, 20)]) assertSameFactsAsWholeWalk(version, language);
      });
    }
  }
});

describe("model output at module level", () => {
  it("is followed through statements that name nothing relevant (the whole file is walked)", () => {
    const code = 'from openai import OpenAI\nc = OpenAI()\nr = c.chat.completions.create(model="m", messages=[])\nanswer = r.choices[0].message.content\nsql = answer\nconn.execute(sql)\n';
    assertSameFactsAsWholeWalk(code, "python");
    const tree = parseText("python", code);
    try {
      assert.equal(extractFacts(tree, code, "python").sinks.length, 1);
    } finally {
      tree.delete();
    }
  });
});

describe("the statements chosen", () => {
  // Plain code makes up most of these files, as in an ordinary module (a file mostly chosen is walked whole).
  const plainPython = Array.from({ length: 12 }, (_, i) => `def plain_${i}(items):\n    return [item * ${i} for item in sorted(items) if item]\n`).join("\n");
  const plainTypeScript = Array.from({ length: 12 }, (_, i) => `export function plain${i}(items: number[]) {\n  return items.filter((item) => item > ${i}).map((item) => item * 2);\n}\n`).join("\n");
  const chosen = (code: string, language: LanguageId, names: string[] = []) => {
    const tree = parseText(language, code);
    try {
      return new StatementSelection(tree.rootNode, code, new Set()).relevant(names).map((s) => s.text.split("\n")[0]);
    } finally {
      tree.delete();
    }
  };
  const python = [
    "from openai import OpenAI",
    "client = OpenAI()",
    "def plain(items):\n    return sorted(items)",
    "def ask(q):\n    return client.chat.completions.create(model='m', messages=[])",
    "def by_name(q):\n    return client.chat(q)",
    "def keyed():\n    return 'sk-abcdefghijklmnopqrstuvwxyz'",
    "def logged(prompt):\n    logger.info(prompt)",
    "# ai-readiness: ignore[untraced-model-call]",
    "def later():\n    import anthropic",
    plainPython,
  ].join("\n\n");

  it("skips statements with nothing that can matter, and takes the rest", () => {
    assert.deepEqual(chosen(python, "python", ["OpenAI", "client"]), [
      "from openai import OpenAI",
      "client = OpenAI()",
      "def ask(q):",
      "def by_name(q):",
      "def keyed():",
      "def logged(prompt):",
      "# ai-readiness: ignore[untraced-model-call]",
      "def later():",
    ]);
  });

  it("takes a statement that only uses a relevant name once the name is known", () => {
    assert.ok(!chosen(python, "python").includes("def by_name(q):"));
    assert.ok(chosen(python, "python", ["client"]).includes("def by_name(q):"));
  });

  it("looks through an ERROR node that swallowed the rest of the file", () => {
    const broken = `import json\nfrom openai import OpenAI\nclient = OpenAI()\ndef a(:\n    x = 1\n${plainPython}\ndef ask():\n    return client.chat.completions.create(model='m')\n`;
    const picked = chosen(broken, "python", ["client", "OpenAI", "json"]);
    assert.ok(!picked.some((s) => s.startsWith("def plain_")), picked.join(" | "));
    assert.ok(picked.some((s) => s.startsWith("def ask")), picked.join(" | "));
  });

  it("walks the whole file when most of it is chosen", () => {
    const mostly = "from openai import OpenAI\nclient = OpenAI()\ndef ask(q):\n    return client.chat.completions.create(model='m', messages=[])\ndef plain():\n    return 1\n";
    assert.deepEqual(chosen(mostly, "python", ["client"]), ["from openai import OpenAI"]); // the module node, which starts with its first line
  });

  it("takes TypeScript statements by the same rules", () => {
    const ts = `import OpenAI from "openai";\nconst openai = new OpenAI();\n${plainTypeScript}\nexport async function ask() { return openai.chat.completions.create({ model: "m", messages: [] }); }\n`;
    assert.deepEqual(chosen(ts, "typescript", ["OpenAI", "openai"]), ['import OpenAI from "openai";', "const openai = new OpenAI();", "export async function ask() { return openai.chat.completions.create({ model: \"m\", messages: [] }); }"]);
  });
});
