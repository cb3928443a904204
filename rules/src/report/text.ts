/**
 * The human report, in the manner of ESLint and Ruff: `path:line:col: severity: message
 * [rule]` with a code frame, the skipped files, the problem count, then a line per
 * readiness factor.
 */
import { FACTORS, type Factor, type Range, type Severity } from "../types";
import { codeFrame } from "./codeFrame";
import type { Report, ReportFinding } from "./json";

export interface TextOptions {
  color: boolean;
  /** The text of a reported file, for code frames; none are shown when it is missing. */
  source?: (path: string) => string | undefined;
}

const CODES = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1 } as const;
type Style = keyof typeof CODES;

const SEVERITY_STYLE: Record<Severity, Style> = { error: "red", warning: "yellow", info: "blue" };

/** The rule whose ranges hold a provider key: masked in every frame of the file. */
const SECRET_RULE = "hardcoded-api-key";

export function renderText(report: Report, options: TextOptions): string {
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  for (const file of report.files) {
    const text = options.source?.(file.path);
    const secrets = file.findings.filter((f) => f.rule === SECRET_RULE).map((f) => f.range);
    // Findings on the same range (several checks of one call) share one frame.
    for (const group of groupedByRange(file.findings)) {
      for (const f of group) {
        const where = `${file.path}:${f.range.start.line}:${f.range.start.column}`;
        out.push(`${paint("bold", where)}: ${paint(SEVERITY_STYLE[f.severity], f.severity)}: ${f.message} ${paint("dim", `[${f.rule}]`)}`);
      }
      if (text !== undefined) {
        const style = SEVERITY_STYLE[group[0].severity];
        const frame = codeFrame(text, group[0].range, secrets, (kind, s) => paint(kind === "gutter" ? "dim" : style, s));
        out.push(...frame);
      }
      out.push("");
    }
  }
  for (const skipped of report.skipped) out.push(paint("dim", `skipped ${skipped.path}: ${skipped.reason}`));
  if (report.skipped.length > 0) out.push("");
  out.push(...summary(report, paint));
  return `${out.join("\n")}\n`;
}

/** Consecutive findings with the same range, in report order (findings are sorted by position). */
function groupedByRange(findings: ReportFinding[]): ReportFinding[][] {
  const groups: ReportFinding[][] = [];
  const same = (a: Range, b: Range) => a.start.line === b.start.line && a.start.column === b.start.column && a.end.line === b.end.line && a.end.column === b.end.column;
  for (const f of findings) {
    const last = groups[groups.length - 1];
    if (last && same(last[0].range, f.range)) last.push(f);
    else groups.push([f]);
  }
  return groups;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function counts(findings: ReportFinding[]): string {
  const of = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [of("error"), of("warning"), of("info")];
  return [plural(errors, "error"), plural(warnings, "warning"), ...(infos ? [`${infos} info`] : [])].join(", ");
}

function summary(report: Report, paint: (style: Style, text: string) => string): string[] {
  const out: string[] = [];
  const findings = report.files.flatMap((f) => f.findings);
  const files = plural(report.stats.files, "file");
  const calls = plural(report.callSites.length, "model call");
  if (findings.length === 0) out.push(paint("green", `✔ No problems in ${files} (${calls})`));
  else {
    out.push(paint("bold", `✖ ${plural(findings.length, "problem")} (${counts(findings)}) in ${files}, ${calls}`));
    const fixable = findings.filter((f) => f.fix?.safety === "safe").length;
    if (fixable > 0) out.push(paint("dim", `  ${fixable} fixable with \`--fix\` (safe fixes only)`));
  }
  const rows = FACTORS.map((factor) => factorRow(factor, report.scores[factor], findings.filter((f) => f.factor === factor))).filter((r) => r !== null);
  if (rows.length === 0) return out;
  out.push("", "Readiness by factor (share of model calls that pass its checks):");
  const width = Math.max(...rows.map((r) => r.factor.length));
  for (const row of rows) {
    const score = row.score === null ? "  – " : `${String(Math.round(row.score * 100)).padStart(3)}%`;
    const style: Style = row.score === null ? "dim" : row.score >= 0.8 ? "green" : row.score >= 0.5 ? "yellow" : "red";
    out.push(`  ${row.factor.padEnd(width)}  ${paint(style, score)}  ${row.detail}`.trimEnd());
  }
  return out;
}

/** A factor's score and its findings by rule; null for a factor with neither. */
function factorRow(factor: Factor, score: number | null, findings: ReportFinding[]): { factor: Factor; score: number | null; detail: string } | null {
  if (score === null && findings.length === 0) return null;
  if (findings.length === 0) return { factor, score, detail: "" };
  const severities = (["error", "warning", "info"] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => (s === "info" ? `${n} info` : plural(n, s)));
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  return { factor, score, detail: `${severities.join(", ")} (${rules.join(", ")})` };
}
