/** Test helpers: the engine loaded from `node_modules`, and one-call lint/fix of a snippet. */
import { DEFAULT_CONFIG, EMPTY_PROJECT, fixText, initEngine, lintText, type LanguageId, type LintConfig, type ProjectFacts } from "./index";
import { GRAMMAR_FILES, RUNTIME_WASM } from "./parse/parser";
import { countErrors } from "./model/syntax";
import { parseText } from "./parse/parser";

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
export const ALL_ON: LintConfig = DEFAULT_CONFIG;

export function lint(code: string, language: LanguageId = "python", project: ProjectFacts = EMPTY_PROJECT, config: LintConfig = ALL_ON) {
  return lintText(code, language, config, project).findings;
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
