/**
 * The readiness summary of one or more reports (one per workspace folder): a score per
 * factor, an overall score, the call sites that are production-ready, and the top problems.
 * The panel, the status bar and the exported reports all show this one summary.
 */
import { RULES, ruleById } from "../rules/registry";
import type { CheckName } from "../model/checks";
import { FACTORS, type Factor, type Severity, type Verdict } from "../types";
import { FACTOR_CHECKS, type Report } from "./json";

export interface FactorScore {
  factor: Factor;
  /** The share of counted call sites that pass every check of the factor; null when none counts. */
  score: number | null;
  /** Call sites with at least one definite verdict on the factor's checks. */
  counted: number;
  passed: number;
  /** Findings of the factor's rules. */
  findings: number;
  checks: CheckName[];
}

export interface Problem {
  rule: string;
  factor: Factor;
  /** The highest severity among its findings. */
  severity: Severity;
  summary: string;
  count: number;
  files: number;
}

export interface ReadinessSummary {
  factors: FactorScore[];
  /** The mean of the factor scores that have one: each factor weighs the same. */
  overall: number | null;
  callSites: number;
  /** Call sites where no check fails. */
  readyCallSites: number;
  findings: Record<Severity, number>;
  files: number;
  filesWithFindings: number;
  skipped: number;
  /** Every check the call sites carry, in the engine's order. */
  checks: CheckName[];
  topProblems: Problem[];
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

export function summarize(reports: readonly Report[], topProblems = 5): ReadinessSummary {
  const callSites = reports.flatMap((r) => r.callSites);
  // One pass over the findings (a workspace may hold thousands): per factor, per severity, per rule.
  const perFactor = new Map<string, number>();
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule = new Map<string, Problem & { fileSet: Set<string> }>();
  for (const report of reports) {
    for (const file of report.files) {
      const fileKey = `${report.root}\u0000${file.path}`;
      for (const f of file.findings) {
        perFactor.set(f.factor, (perFactor.get(f.factor) ?? 0) + 1);
        bySeverity[f.severity]++;
        let problem = byRule.get(f.rule);
        if (!problem) {
          problem = { rule: f.rule, factor: f.factor, severity: f.severity, summary: ruleById(f.rule)?.summary ?? f.message, count: 0, files: 0, fileSet: new Set() };
          byRule.set(f.rule, problem);
        }
        problem.count++;
        problem.fileSet.add(fileKey);
        if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[problem.severity]) problem.severity = f.severity;
      }
    }
  }
  const factors: FactorScore[] = factorsOf(reports).map((factor) => {
    const checks = FACTOR_CHECKS[factor] ?? [];
    let counted = 0;
    let passed = 0;
    for (const site of callSites) {
      let definite = false;
      let failed = false;
      for (const name of checks) {
        const verdict = site.checks[name];
        if (verdict !== "unknown") definite = true;
        if (verdict === "fail") failed = true;
      }
      if (!definite) continue;
      counted++;
      if (!failed) passed++;
    }
    return { factor, score: counted === 0 ? null : round(passed / counted), counted, passed, findings: perFactor.get(factor) ?? 0, checks };
  });
  const scored = factors.filter((f) => f.score !== null).map((f) => f.score!);
  const problems = [...byRule.values()]
    .map(({ fileSet, ...p }) => ({ ...p, files: fileSet.size }))
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.count - a.count || a.rule.localeCompare(b.rule));
  return {
    factors,
    overall: scored.length === 0 ? null : round(scored.reduce((a, b) => a + b, 0) / scored.length),
    callSites: callSites.length,
    readyCallSites: callSites.filter((s) => !Object.values(s.checks).includes("fail" as Verdict)).length,
    findings: bySeverity,
    files: reports.reduce((n, r) => n + r.stats.files, 0),
    filesWithFindings: reports.reduce((n, r) => n + r.files.length, 0),
    skipped: reports.reduce((n, r) => n + r.skipped.length, 0),
    checks: checkNamesOf(reports),
    topProblems: problems.slice(0, topProblems),
  };
}

/** The factors some rule or check belongs to, plus any a finding names; in the engine's order. */
export function factorsOf(reports: readonly Report[]): Factor[] {
  const named = new Set<string>(reports.flatMap((r) => r.files.flatMap((f) => f.findings.map((x) => x.factor))));
  return FACTORS.filter((f) => (FACTOR_CHECKS[f]?.length ?? 0) > 0 || RULES.some((r) => r.factor === f) || named.has(f));
}

/** The check names the call sites carry (their keys), else those the factors score. */
export function checkNamesOf(reports: readonly Report[]): CheckName[] {
  const names = new Set<CheckName>();
  for (const report of reports) for (const site of report.callSites) for (const name of Object.keys(site.checks)) names.add(name as CheckName);
  if (names.size === 0) for (const factor of FACTORS) for (const name of FACTOR_CHECKS[factor] ?? []) names.add(name);
  return [...names];
}

function round(share: number): number {
  return Math.round(share * 100) / 100;
}
