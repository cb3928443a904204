/** One file through every enabled rule: findings with severities, suppressions applied. */
import { analyzeText, emptyFacts, extractFacts, mayContainModelCode } from "./analyze";
import type { LintConfig, Wrappers } from "./config/lintConfig";
import { LineIndex } from "./lineIndex";
import { computeChecks, type CallChecks } from "./model/checks";
import type { FileFacts } from "./model/facts";
import type { ProjectFacts } from "./model/project";
import type { Tree } from "./parse/parser";
import type { Rule } from "./rule";
import { RULES } from "./rules/registry";
import { isSuppressed } from "./suppressions";
import type { Finding, LanguageId, RuleSetting } from "./types";

export interface LintResult {
  facts: FileFacts;
  checks: CallChecks[];
  findings: Finding[];
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

export function lintFacts(facts: FileFacts, config: LintConfig, projectFacts: ProjectFacts): LintResult {
  // Instrumentation turned on in this very file counts before any workspace index knows it.
  const own = facts.instrumentation[0];
  const project = own && !projectFacts.instrumentation ? { ...projectFacts, instrumentation: { path: "", span: own } } : projectFacts;
  const checks = facts.callSites.map((_, index) => computeChecks(facts, index, project, config.wrappers));
  const findings: Finding[] = [];
  let lines: LineIndex | undefined;
  for (const rule of RULES) {
    const severity = settingFor(rule, config);
    if (severity === "off") continue;
    for (const draft of rule.check({ facts, checks, project, fix: config.fix, options: optionsFor(rule, config), wrappers: config.wrappers ?? NO_WRAPPERS })) {
      const finding: Finding = {
        rule: rule.id,
        factor: rule.factor,
        severity,
        message: draft.message,
        span: draft.span,
        related: draft.related ?? [],
        fix: draft.fix ?? null,
      };
      if (!isSuppressed(finding, facts.suppressions, (lines ??= new LineIndex(facts.text)))) findings.push(finding);
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  return { facts, checks, findings };
}

/** Lints a whole text (prefiltered: a file with no model markers is never parsed). */
export function lintText(text: string, language: LanguageId, config: LintConfig, project: ProjectFacts): LintResult {
  const facts = mayContainModelCode(text) ? analyzeText(text, language) : emptyFacts(text, language);
  return lintFacts(facts, config, project);
}

/** Lints from an already parsed tree (the language server keeps one per open document). */
export function lintTree(tree: Tree, text: string, language: LanguageId, config: LintConfig, project: ProjectFacts): LintResult {
  const facts = mayContainModelCode(text) ? extractFacts(tree, text, language) : emptyFacts(text, language);
  return lintFacts(facts, config, project);
}
