/** The engine's public surface: what the language server and the CLI use. */
import { initParsers, type WasmLocator } from "./parse/parser";

/** Loads the parsers once; every other function is synchronous after it. */
export function initEngine(locate: WasmLocator): Promise<void> {
  return initParsers(locate);
}

export type { WasmLocator };
export { GRAMMAR_FILES, ParserFailed, RUNTIME_WASM, languageForLanguageId, languageForPath } from "./parse/parser";
export { SourceDocument, type TextChange } from "./parse/document";
export { MAX_FILE_CHARS, analyzeText, emptyFacts, mayContainModelCode } from "./analyze";
export { lintDocument, lintFacts, lintText, lintTree, settingFor, type LintResult } from "./lint";
export { FileSkipped, LIMITS, budgetStats, resetBudgetStats, type BudgetStats } from "./parse/budget";
export { applyEdits, fixText, isApplicable, type FixOptions, type FixResult } from "./fix";
export { DEFAULT_CONFIG, DEFAULT_FIX, isRuleSetting, sanitizeConfig, type FixDefaults, type LintConfig } from "./config/lintConfig";
export { EMPTY_PROJECT, aiSdkMajorFromPackageJson, projectFromFiles, type ProjectFacts } from "./model/project";
export type { FileFacts } from "./model/facts";
export type { CallChecks } from "./model/checks";
export { RULES, ruleById } from "./rules/registry";
export { docsUrl, type Rule } from "./rule";
export { suppressionComment } from "./suppressions";
export { LineIndex } from "./lineIndex";
export { buildReport, scoresOf, type Report, type LintedFile } from "./report/json";
export { renderText } from "./report/text";
export * from "./types";
