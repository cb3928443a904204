/**
 * The human report, in the manner of ESLint and Ruff: `path:line:col: severity: message
 * [rule]` with a code frame, the skipped files, the problem count, then a line per
 * readiness factor.
 */
import { FACTORS, type Factor, type FixSafety, type Range, type Severity } from "../types";
import { codeFrame } from "./codeFrame";
import type { Report, ReportEnd, ReportFile, ReportFinding, ReportPart, ReportWriter, WriteText } from "./json";

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
  const paint = painter(options.color);
  const files = report.files.map((file) => fileLines(file, options.source?.(file.path), paint).map((line) => `${line}\n`).join(""));
  return files.join("") + endLines(report.skipped, report.stats.files, report.callSites.length, report.scores, report.files.flatMap((f) => f.findings), paint).map((line) => `${line}\n`).join("");
}

/** What the summary reads of a finding; a streamed report keeps only this of each. */
type Counted = Pick<ReportFinding, "severity" | "factor" | "rule"> & { fix: { safety: FixSafety } | null };

/**
 * The text report written a file at a time, as `renderText` gives it whole: each file's
 * findings and code frames as it comes (its source read then), the summary at the end.
 */
export class TextReportWriter implements ReportWriter {
  private readonly paint: Paint;
  private readonly counted: Counted[] = [];
  private callSites = 0;
  private root = "";

  /** `source`: a reported file's text, by its path and the report's root. */
  constructor(
    private readonly write: WriteText,
    private readonly options: { color: boolean; source?: (path: string, root: string) => Promise<string | undefined> },
  ) {
    this.paint = painter(options.color);
  }

  async begin(root: string): Promise<void> {
    this.root = root;
  }

  async file(part: ReportPart): Promise<void> {
    this.callSites += part.callSites.length;
    if (!part.file) return;
    for (const f of part.file.findings) this.counted.push({ severity: f.severity, factor: f.factor, rule: f.rule, fix: f.fix && { safety: f.fix.safety } });
    const lines = fileLines(part.file, await this.options.source?.(part.file.path, this.root), this.paint);
    await this.write(lines.map((line) => `${line}\n`).join(""));
  }

  async end(rest: ReportEnd): Promise<void> {
    await this.write(endLines(rest.skipped, rest.stats.files, this.callSites, rest.scores, this.counted, this.paint).map((line) => `${line}\n`).join(""));
  }
}

type Paint = (style: Style, text: string) => string;

function painter(color: boolean): Paint {
  return (style, text) => (color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
}

/** A file's findings, each group on one range with its code frame when the source is known. */
function fileLines(file: ReportFile, text: string | undefined, paint: Paint): string[] {
  const out: string[] = [];
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
  return out;
}

/** The skipped files, then the summary. */
function endLines(skipped: Report["skipped"], files: number, callSites: number, scores: Report["scores"], findings: Counted[], paint: Paint): string[] {
  const out: string[] = [];
  for (const s of skipped) out.push(paint("dim", `skipped ${s.path}: ${s.reason}`));
  if (skipped.length > 0) out.push("");
  out.push(...summary(files, callSites, scores, findings, paint));
  return out;
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

function counts(findings: Counted[]): string {
  const of = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [of("error"), of("warning"), of("info")];
  return [plural(errors, "error"), plural(warnings, "warning"), ...(infos ? [`${infos} info`] : [])].join(", ");
}

function summary(fileCount: number, callSites: number, scores: Report["scores"], findings: Counted[], paint: Paint): string[] {
  const out: string[] = [];
  const files = plural(fileCount, "file");
  const calls = plural(callSites, "model call");
  if (findings.length === 0) out.push(paint("green", `✔ No problems in ${files} (${calls})`));
  else {
    out.push(paint("bold", `✖ ${plural(findings.length, "problem")} (${counts(findings)}) in ${files}, ${calls}`));
    const fixable = findings.filter((f) => f.fix?.safety === "safe").length;
    if (fixable > 0) out.push(paint("dim", `  ${fixable} fixable with \`--fix\` (safe fixes only)`));
  }
  const rows = FACTORS.map((factor) => factorRow(factor, scores[factor], findings.filter((f) => f.factor === factor))).filter((r) => r !== null);
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
function factorRow(factor: Factor, score: number | null, findings: Counted[]): { factor: Factor; score: number | null; detail: string } | null {
  if (score === null && findings.length === 0) return null;
  if (findings.length === 0) return { factor, score, detail: "" };
  const severities = (["error", "warning", "info"] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => (s === "info" ? `${n} info` : plural(n, s)));
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  return { factor, score, detail: `${severities.join(", ")} (${rules.join(", ")})` };
}
