/** The versioned JSON report: the one shape the CLI prints, the panel reads and SARIF renders. */
import { LineIndex } from "../lineIndex";
import { fingerprint } from "./fingerprint";
import { PrettyJsonSkeleton, SLOT, nestedJson, separator, type PrettyJsonArray } from "./prettyJson";
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
    const part = reportPart(path, result);
    if (part.file) reportFiles.push(part.file);
    callSites.push(...part.callSites);
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

export type ReportFile = Report["files"][number];

/** One file's share of the report: its entry (null without findings) and its call sites. */
export interface ReportPart {
  file: ReportFile | null;
  callSites: ReportCallSite[];
}

/** A file's part of the report, exactly as `buildReport` lays it out among the others. */
export function reportPart(path: string, result: LintResult): ReportPart {
  // Most files of a workspace have neither call sites nor findings: index their lines never.
  if (result.facts.callSites.length === 0 && result.findings.length === 0) return { file: null, callSites: [] };
  const lines = new LineIndex(result.facts.text);
  const callSites = result.facts.callSites.map((site, index) => ({
    path,
    range: lines.reportRange(site.span),
    provider: site.sdk.provider,
    api: site.method.path,
    model: site.model,
    checks: result.checks[index],
  }));
  if (result.findings.length === 0) return { file: null, callSites };
  const occurrences = new Map<string, number>();
  const fingerprintOf = (rule: string, code: string) => {
    const key = `${rule}\u0000${code}`;
    const seen = occurrences.get(key) ?? 0;
    occurrences.set(key, seen + 1);
    return fingerprint(rule, path, code, seen);
  };
  const file: ReportFile = {
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
  };
  return { file, callSites };
}

/** Where a report's text goes, a piece at a time; a promise when the reader is behind (backpressure). */
export type WriteText = (chunk: string) => void | Promise<void>;

/** What comes after the files: known once every file is linted. */
export type ReportEnd = Pick<Report, "scores" | "skipped" | "stats">;

/**
 * A report written as it is built, a file's part at a time in the walk's order: a scan holds
 * neither the whole report nor its text (on 5,000 files of model code, 70 MB of JSON).
 */
export interface ReportWriter {
  begin(root: string): Promise<void>;
  file(part: ReportPart): Promise<void>;
  end(rest: ReportEnd): Promise<void>;
}

/** Where a file's entry and call sites sit in the JSON report: elements of top-level arrays. */
const PART_DEPTH = 2;

/**
 * A file's part as the text it takes in the JSON report. Built where the part is (a scan
 * worker), it crosses threads as two strings instead of thousands of small objects.
 */
export interface JsonPartText {
  file: string | null;
  /** Its call sites' elements, joined; empty for none. */
  callSites: string;
}

export function jsonPartText(part: ReportPart): JsonPartText {
  return {
    file: part.file && nestedJson(part.file, PART_DEPTH),
    callSites: part.callSites.map((site) => nestedJson(site, PART_DEPTH)).join(separator(PART_DEPTH)),
  };
}

/**
 * The JSON report, the very text of `JSON.stringify(report, null, 2)` and a line break,
 * written a file's entry at a time. The call sites come after every file in the report:
 * they wait, as text, until `end`.
 */
export class JsonReportWriter implements ReportWriter {
  private root = "";
  private files: PrettyJsonArray | undefined;
  private readonly callSites: string[] = [];

  constructor(private readonly write: WriteText) {}

  async begin(root: string): Promise<void> {
    this.root = root;
    const skeleton = new PrettyJsonSkeleton(reportSkeleton(root, { scores: {} as Report["scores"], skipped: [], stats: { files: 0, skipped: 0, ms: 0 } }));
    this.files = skeleton.array(0);
    await this.write(skeleton.pieces[0]!);
  }

  file(part: ReportPart): Promise<void> {
    return this.fileText(jsonPartText(part));
  }

  async fileText(part: JsonPartText): Promise<void> {
    if (part.callSites) this.callSites.push(part.callSites);
    if (part.file !== null) await this.write(this.files!.elements(part.file));
  }

  async end(rest: ReportEnd): Promise<void> {
    const skeleton = new PrettyJsonSkeleton(reportSkeleton(this.root, rest));
    await this.write(this.files!.close() + skeleton.pieces[1]!);
    const sites = skeleton.array(1);
    for (const text of this.callSites) await this.write(sites.elements(text));
    await this.write(`${sites.close()}${skeleton.pieces[2]!}\n`);
  }
}

/** The whole report from its parts, for the hosts that keep it (tests, tools that read it back). */
export class ReportCollector implements ReportWriter {
  private readonly collected: Report = buildReport("", [], [], 0);

  async begin(root: string): Promise<void> {
    this.collected.root = root;
  }

  async file(part: ReportPart): Promise<void> {
    if (part.file) this.collected.files.push(part.file);
    this.collected.callSites.push(...part.callSites);
  }

  async end(rest: ReportEnd): Promise<void> {
    Object.assign(this.collected, rest);
  }

  get report(): Report {
    return this.collected;
  }
}

/** The report with its two arrays as slots, keys in `buildReport`'s order. */
function reportSkeleton(root: string, rest: ReportEnd): Record<keyof Report, unknown> {
  return { version: REPORT_VERSION, tool: TOOL, root, files: [SLOT], callSites: [SLOT], scores: rest.scores, skipped: rest.skipped, stats: rest.stats };
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
