/** One file through every enabled rule: findings with severities, suppressions applied. */
import { analyzeText, emptyFacts, extractFacts, extractKeeping, mayContainModelCode } from "./analyze";
import { StatementMemo } from "./model/statementMemo";
import type { LintConfig, Wrappers } from "./config/lintConfig";
import { LineIndex } from "./lineIndex";
import { computeChecks, type CallChecks } from "./model/checks";
import type { FileFacts } from "./model/facts";
import { resolveImportedCallSites } from "./model/importedClients";
import type { ProjectFacts } from "./model/project";
import { checkBudget, FileSkipped, LIMITS, withBudget } from "./parse/budget";
import type { SourceDocument } from "./parse/document";
import type { Tree } from "./parse/parser";
import type { FindingDraft, Rule } from "./rule";
import { RULES } from "./rules/registry";
import { suppressionOf } from "./suppressions";
import { unusedSuppression, unusedSuppressions, type SuppressionUse } from "./rules/unused-suppression/rule";
import type { Finding, LanguageId, RuleSetting, Severity } from "./types";

export interface LintResult {
  facts: FileFacts;
  checks: CallChecks[];
  findings: Finding[];
  /** Why the file was not checked (over the engine's budget); no findings then. */
  skipped?: string;
}

/** The severity a rule runs at under `config`, or `off`. */
export function settingFor(rule: Rule, config: LintConfig): RuleSetting {
  return config.rules[rule.id] ?? (rule.tier === "recommended" || config.preset === "strict" ? rule.severity : "off");
}

/** The rule's options: its defaults, with the configured values on top. */
export function optionsFor(rule: Rule, config: LintConfig): Record<string, unknown> {
  const defaults = Object.fromEntries(Object.entries(rule.options ?? {}).map(([name, option]) => [name, option.default]));
  return { ...defaults, ...config.ruleOptions?.[rule.id] };
}

const NO_WRAPPERS: Wrappers = { tracing: [], timeout: [] };

export function lintFacts(extracted: FileFacts, config: LintConfig, projectFacts: ProjectFacts): LintResult {
  const facts = resolveImportedCallSites(extracted, projectFacts);
  // Instrumentation turned on in this very file counts before any workspace index knows it.
  const own = facts.instrumentation[0];
  const project = own && !projectFacts.instrumentation ? { ...projectFacts, instrumentation: { path: "", span: own } } : projectFacts;
  const checks = facts.callSites.map((_, index) => computeChecks(facts, index, project, config.wrappers));
  const findings: Finding[] = [];
  let lines: LineIndex | undefined;
  const uses: SuppressionUse[] = facts.suppressions.map((suppression) => ({ suppression, used: new Set<string>() }));
  const report = (rule: Rule, severity: Severity, draft: FindingDraft, suppressible: boolean) => {
    const finding: Finding = { rule: rule.id, factor: rule.factor, severity, message: draft.message, span: draft.span, related: draft.related ?? [], fix: draft.fix ?? null };
    // The line index scans the whole text: built only when a suppression could apply.
    const suppression = suppressible && facts.suppressions.length > 0 ? suppressionOf(finding, facts.suppressions, (lines ??= new LineIndex(facts.text))) : undefined;
    if (suppression) uses.find((u) => u.suppression === suppression)!.used.add(rule.id);
    else findings.push(finding);
  };
  const testOnly = config.testFile === true && config.checkTests !== true;
  for (const rule of RULES) {
    const severity = settingFor(rule, config);
    if (severity === "off" || (testOnly && !rule.checksTests)) continue;
    checkBudget();
    for (const draft of rule.check({ facts, checks, project, fix: config.fix, options: optionsFor(rule, config), wrappers: config.wrappers ?? NO_WRAPPERS })) report(rule, severity, draft, true);
  }
  const unusedSetting = settingFor(unusedSuppression, config);
  if (unusedSetting !== "off" && uses.length > 0) {
    const isKnown = (id: string) => RULES.some((r) => r.id === id);
    const isActive = (id: string) => {
      const rule = RULES.find((r) => r.id === id)!;
      return settingFor(rule, config) !== "off" && (!testOnly || rule.checksTests === true);
    };
    for (const draft of unusedSuppressions(facts, uses, isKnown, isActive)) report(unusedSuppression, unusedSetting, draft, false);
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  return { facts, checks, findings };
}

/** Lints a whole text (prefiltered: a file with no model markers is never parsed). */
export function lintText(text: string, language: LanguageId, config: LintConfig, project: ProjectFacts): LintResult {
  return withinBudget(text, language, () => {
    const facts = mayContainModelCode(text) ? analyzeText(text, language) : emptyFacts(text, language);
    return lintFacts(facts, config, project);
  });
}

/**
 * Lints from an already parsed tree (the language server keeps one per open document).
 * `project` may depend on the facts (the imports of project clients they hold).
 */
export function lintTree(tree: Tree, text: string, language: LanguageId, config: LintConfig, project: ProjectFacts | ((facts: FileFacts) => ProjectFacts)): LintResult {
  return withinBudget(text, language, () => {
    const facts = mayContainModelCode(text) ? extractFacts(tree, text, language) : emptyFacts(text, language);
    return lintFacts(facts, config, typeof project === "function" ? project(facts) : project);
  });
}

/** Lints an open document, (re)parsing it incrementally within the same budget. */
export function lintDocument(document: SourceDocument, config: LintConfig, project: ProjectFacts | ((facts: FileFacts) => ProjectFacts)): LintResult {
  return withinBudget(document.text, document.language, () => {
    let facts = mayContainModelCode(document.text) ? extractKeeping(document.syntaxTree(), document.text, document.language, memoOf(document)) : emptyFacts(document.text, document.language);
    // A definition left out of the tree for its syntax error is one (parse/containment.ts).
    const broken = document.brokenDefinitions.length;
    if (broken > 0) facts = { ...facts, syntaxErrors: facts.syntaxErrors + broken };
    return lintFacts(facts, config, typeof project === "function" ? project(facts) : project);
  });
}

/** Each open document's facts of the last keystroke, statement by statement. */
const memos = new WeakMap<SourceDocument, StatementMemo>();

function memoOf(document: SourceDocument): StatementMemo {
  let memo = memos.get(document);
  if (!memo) memos.set(document, (memo = new StatementMemo()));
  return memo;
}

/** Runs `lint` under the per-file budget; a file over it is skipped with the reason, never thrown. */
function withinBudget(text: string, language: LanguageId, lint: () => LintResult): LintResult {
  try {
    // Said even when the text holds no model code: the user should know it was not read.
    if (text.length > LIMITS.maxChars) throw new FileSkipped(`too large (${text.length} characters, the limit is ${LIMITS.maxChars})`);
    return withBudget(lint);
  } catch (error) {
    if (!(error instanceof FileSkipped)) throw error;
    return { facts: emptyFacts(text, language), checks: [], findings: [], skipped: error.reason };
  }
}
