/**
 * model/scopeWalks.ts answers the flow steps' questions with shortcuts (the name's occurrences
 * in the text; a module's flows without walking its functions). Each must give what a plain
 * walk of the scope gives, on every scope of the sample files, as they are and after edits.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { generateSource } from "../bench/generate";
import { prng } from "../bench/common";
import type { LanguageId } from "../rules/src/index";
import { enclosingScope } from "../rules/src/model/flow";
import { JS_GRAMMAR, PYTHON_GRAMMAR, type Grammar } from "../rules/src/model/grammar";
import { flowsOf, identifiersNamed } from "../rules/src/model/scopeWalks";
import type { Node } from "../rules/src/model/syntax";
import { languageForPath, parseText } from "../rules/src/parse/parser";
import { initTestEngine } from "../rules/src/testing";
import { EXAMPLES, REPO_ROOT } from "./helpers";
import { fileOfDocsExamples, filesUnder } from "./sampleFiles";

before(initTestEngine);

/** The text with `count` random one-letter insertions and bracket deletions (syntax errors included). */
function scrambled(text: string, seed: number, count: number): string {
  const random = prng(seed);
  let out = text;
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * out.length);
    out = random() < 0.5 ? out.slice(0, at) + "x(:"[Math.floor(random() * 3)] + out.slice(at) : out.slice(0, at) + out.slice(at + 1);
  }
  return out;
}

function eachScope(root: Node, g: Grammar): Node[] {
  return [root, ...root.descendantsOfType(g.functions)];
}

function assertShortcutsAgree(text: string, language: LanguageId): void {
  const g = language === "python" ? PYTHON_GRAMMAR : JS_GRAMMAR;
  const tree = parseText(language, text);
  try {
    const root = tree.rootNode;
    if (root.type === "ERROR") return;
    const random = prng(text.length);
    for (const scope of eachScope(root, g)) {
      const identifiers = scope.descendantsOfType(g.identifier);
      const names = [...new Set(identifiers.map((n) => n.text))].slice(0, 8);
      for (const name of names) {
        const after = scope.startIndex + Math.floor(random() * (scope.endIndex - scope.startIndex + 1));
        const plain = identifiers.filter((n) => n.startIndex >= after && n.text === name).map((n) => n.startIndex);
        assert.deepEqual(identifiersNamed(scope, name, after, g).map((n) => n.startIndex), plain, `identifiers named ${name} after ${after}`);
      }
      const types = [...g.assignments, ...g.loops].map(([type]) => type);
      const plainFlows = scope.descendantsOfType(types).filter((n) => enclosingScope(n, g).id === scope.id && n.childForFieldName([...g.assignments, ...g.loops].find(([t]) => t === n.type)![1]) && n.childForFieldName([...g.assignments, ...g.loops].find(([t]) => t === n.type)![2]));
      assert.deepEqual(
        flowsOf(scope, g, (n) => enclosingScope(n, g)).map((f) => f.node.startIndex),
        plainFlows.map((n) => n.startIndex),
        "the scope's own assignments and loops",
      );
    }
  } finally {
    tree.delete();
  }
}

describe("scope walks give what a plain walk of the scope gives", () => {
  const files = [...filesUnder(EXAMPLES), ...filesUnder(join(REPO_ROOT, "test/fixtures"))];
  for (const file of files) {
    it(file.slice(REPO_ROOT.length + 1), () => {
      const text = readFileSync(file, "utf8");
      for (const version of [text, scrambled(text, 1, 10)]) assertShortcutsAgree(version, languageForPath(file)!);
    });
  }
  for (const language of ["python", "typescript"] as const) {
    it(`the ${language} docs examples at module level and in functions, and a generated file`, () => {
      for (const text of [fileOfDocsExamples(language, false), fileOfDocsExamples(language, true), generateSource(language, 400, 5)]) {
        for (const version of [text, scrambled(text, 2, 20)]) assertShortcutsAgree(version, language);
      }
    });
  }
});
