/** Test helpers: the engine loaded from `node_modules`, one-call lint/fix of a snippet, and rule case tables. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { DEFAULT_CONFIG, EMPTY_PROJECT, fixText, initEngine, lintText, type LanguageId, type LintConfig, type ProjectFacts } from "./index";
import { GRAMMAR_FILES, RUNTIME_WASM } from "./parse/parser";
import { countErrors, withParentCache } from "./model/syntax";
import { parseText } from "./parse/parser";
import { extractFacts, extractWhole, mayContainModelCode } from "./analyze";
import { FileSkipped, withBudget } from "./parse/budget";

const PACKAGES: Record<string, string> = {
  [RUNTIME_WASM]: "web-tree-sitter",
  [GRAMMAR_FILES.python]: "tree-sitter-python",
  [GRAMMAR_FILES.typescript]: "tree-sitter-typescript",
  [GRAMMAR_FILES.tsx]: "tree-sitter-typescript",
  [GRAMMAR_FILES.javascript]: "tree-sitter-javascript",
};

/** Resolves each `.wasm` inside its npm package, so tests need no build. */
export function nodeModulesWasm(file: string): string {
  return require.resolve(`${PACKAGES[file] ?? file}/${file}`);
}

export function initTestEngine(): Promise<void> {
  return initEngine(nodeModulesWasm);
}

/** Every rule on, like a user with the strictest settings would run it. */
export const ALL_ON: LintConfig = { ...DEFAULT_CONFIG, preset: "strict" };

export function lint(code: string, language: LanguageId = "python", project: ProjectFacts = EMPTY_PROJECT, config: LintConfig = ALL_ON) {
  assertSameFactsAsWholeWalk(code, language);
  return lintText(code, language, config, project).findings;
}

/**
 * The extraction walks only the statements that can matter (model/relevance.ts); its facts
 * must equal a walk of the whole file. Every snippet a rule test lints is checked this way.
 */
export function assertSameFactsAsWholeWalk(code: string, language: LanguageId): void {
  if (!mayContainModelCode(code)) return;
  withBudget(() => {
    const tree = parseText(language, code);
    try {
      if (tree.rootNode.type === "ERROR") return; // never walked: nothing to compare
      const chosen = extractFacts(tree, code, language);
      const whole = withParentCache(() => extractWhole(tree.rootNode, code, language));
      assert.deepStrictEqual(chosen, whole, "the facts of the chosen statements differ from a walk of the whole file");
    } catch (error) {
      if (!(error instanceof FileSkipped)) throw error;
    } finally {
      tree.delete();
    }
  });
}

export function findingsOf(rule: string, code: string, language: LanguageId = "python", project: ProjectFacts = EMPTY_PROJECT) {
  return lint(code, language, project).filter((f) => f.rule === rule);
}

/** Applies every fix of `rule` (unsafe included) through the shared fix loop. */
export function fixRule(rule: string, code: string, language: LanguageId = "python", project: ProjectFacts = EMPTY_PROJECT): string {
  return fixText(code, language, ALL_ON, project, { unsafe: true, rule }).text;
}

export function syntaxErrors(code: string, language: LanguageId): number {
  const tree = parseText(language, code);
  try {
    return countErrors(tree.rootNode);
  } finally {
    tree.delete();
  }
}

export interface ValidCase {
  code: string;
  language?: LanguageId;
  project?: ProjectFacts;
}

export interface InvalidCase extends ValidCase {
  /** How many findings of the rule (default 1). */
  count?: number;
  /** Each message must match. */
  message?: RegExp;
  /** The text after applying the rule's fixes; null when the finding has no fix. */
  output: string | null;
  /** The expected safety of the first finding's fix. */
  safety?: "safe" | "unsafe";
}

/**
 * A strict table of cases, in the manner of ESLint's RuleTester: duplicates fail, an
 * `output` equal to the input fails, every output must parse and no longer report.
 */
export function ruleCases(rule: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  before(initTestEngine);
  const seen = new Set<string>();
  const key = (c: ValidCase) => JSON.stringify([c.code, c.language, c.project]);
  const name = (code: string) => code.trim().split("\n").slice(-3).join(" ⏎ ").slice(0, 90);
  for (const c of cases.valid) {
    it(`valid: ${name(c.code)}`, () => {
      assert.ok(!seen.has(key(c)), "duplicate case");
      seen.add(key(c));
      assert.deepEqual(findingsOf(rule, c.code, c.language, c.project).map((f) => f.message), []);
    });
  }
  for (const c of cases.invalid) {
    it(`invalid: ${name(c.code)}`, () => {
      assert.ok(!seen.has(key(c)), "duplicate case");
      seen.add(key(c));
      const language = c.language ?? "python";
      const found = findingsOf(rule, c.code, language, c.project);
      assert.equal(found.length, c.count ?? 1, found.map((f) => f.message).join("\n"));
      if (c.message) for (const f of found) assert.match(f.message, c.message);
      if (c.output === null) {
        assert.equal(found[0].fix, null, "expected no fix");
        return;
      }
      if (c.safety) assert.equal(found[0].fix?.safety, c.safety);
      assert.notEqual(c.output, c.code, "an output equal to the code is a mistake in the test");
      const fixed = fixRule(rule, c.code, language, c.project);
      assert.equal(fixed, c.output);
      assert.equal(syntaxErrors(fixed, language), 0, "the fixed code must parse");
      assert.equal(findingsOf(rule, fixed, language, c.project).length, 0, "the fix must remove the finding");
      assert.equal(fixRule(rule, fixed, language, c.project), fixed, "a second fix-all must change nothing");
    });
  }
}
