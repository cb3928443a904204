/** The versioned JSON report: the one shape the CLI prints, the panel reads and SARIF renders. */
import { LineIndex } from "../lineIndex";
import { fingerprint } from "./fingerprint";
import type { LintResult } from "../lint";
import type { CallChecks, CheckName } from "../model/checks";
import { FACTORS, type Factor, type FixSafety, type LanguageId, type Range, type Severity } from "../types";

export const REPORT_VERSION = 1;
export const TOOL = { name: "ai-readiness", version: "0.1.0" };

export interface ReportFinding {
  rule: string;
  factor: Factor;
  severity: Severity;
  message: string;
  range: Range;
  related: { path: string; range: Range; message: string }[];
  /** Stable across runs and line shifts (see fingerprint.ts). */
  fingerprint: string;
  fix: { title: string; safety: FixSafety; edits: { range: Range; text: string }[] } | null;
}

export interface ReportCallSite {
  path: string;
  range: Range;
  provider: string;
  api: string;
  model: string | null;
  checks: CallChecks;
}

export interface Report {
  version: number;
  tool: typeof TOOL;
  root: string;
  files: { path: string; language: LanguageId; findings: ReportFinding[] }[];
  callSites: ReportCallSite[];
  scores: Record<Factor, number | null>;
  /** Files not checked, and why (too large, binary, unreadable). */
  skipped: { path: string; reason: string }[];
  stats: { files: number; skipped: number; ms: number };
}

export interface LintedFile {
  /** Relative to the report's root, POSIX separators. */
  path: string;
  result: LintResult;
}

/** Which checks make up each factor's score. */
export const FACTOR_CHECKS: Record<Factor, CheckName[]> = {
  data: [],
  compute: ["timeout"],
  observability: ["telemetry"],
  security: ["outputGuarded"],
  cost: ["outputLimit", "usageRecorded"],
  compliance: ["modelPinned"],
};

export function buildReport(root: string, files: LintedFile[], skipped: { path: string; reason: string }[], ms: number): Report {
  const callSites: ReportCallSite[] = [];
  const reportFiles: Report["files"] = [];
  for (const { path, result } of files) {
    // Most files of a workspace have neither call sites nor findings: index their lines never.
    if (result.facts.callSites.length === 0 && result.findings.length === 0) continue;
    const lines = new LineIndex(result.facts.text);
    result.facts.callSites.forEach((site, index) => {
      callSites.push({
        path,
        range: lines.reportRange(site.span),
        provider: site.sdk.provider,
        api: site.method.path,
        model: site.model,
        checks: result.checks[index],
      });
    });
    if (result.findings.length === 0) continue;
    const occurrences = new Map<string, number>();
    const fingerprintOf = (rule: string, code: string) => {
      const key = `${rule}\u0000${code}`;
      const seen = occurrences.get(key) ?? 0;
      occurrences.set(key, seen + 1);
      return fingerprint(rule, path, code, seen);
    };
    reportFiles.push({
      path,
      language: result.facts.language,
      findings: result.findings.map((f) => ({
        rule: f.rule,
        factor: f.factor,
        severity: f.severity,
        message: f.message,
        range: lines.reportRange(f.span),
        related: f.related.map((r) => ({ path: r.path ?? path, range: lines.reportRange(r.span), message: r.message })),
        fingerprint: fingerprintOf(f.rule, lineText(result.facts.text, f.span.start)),
        fix: f.fix && {
          title: f.fix.title,
          safety: f.fix.safety,
          edits: f.fix.edits.map((e) => ({ range: lines.reportRange(e), text: e.text })),
        },
      })),
    });
  }
  return {
    version: REPORT_VERSION,
    tool: TOOL,
    root,
    files: reportFiles,
    callSites,
    scores: scoresOf(callSites.map((s) => s.checks)),
    skipped,
    stats: { files: files.length, skipped: skipped.length, ms: Math.round(ms) },
  };
}

/**
 * Per factor, the share of call sites that pass its checks. A call site counts when at
 * least one of the factor's checks has a definite answer, and passes when none fails.
 */
export function scoresOf(checks: CallChecks[]): Record<Factor, number | null> {
  const scores = {} as Record<Factor, number | null>;
  for (const factor of FACTORS) {
    const names = FACTOR_CHECKS[factor];
    let counted = 0;
    let passed = 0;
    for (const site of checks) {
      const verdicts = names.map((n) => site[n]).filter((v) => v !== "unknown");
      if (verdicts.length === 0) continue;
      counted++;
      if (!verdicts.includes("fail")) passed++;
    }
    scores[factor] = counted === 0 ? null : Math.round((passed / counted) * 100) / 100;
  }
  return scores;
}

/** The whole line a finding starts on: more distinctive than the flagged expression alone. */
function lineText(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  return text.slice(start, end < 0 ? text.length : end);
}
