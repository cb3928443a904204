/**
 * Between the scan and the report's writer: keeps only errors under `--quiet`, and what the
 * report's end and the exit code need (each call site's checks for the scores, the findings
 * by severity) while each file's part is written and let go.
 */
import { scoresOf, type CallChecks, type Severity } from "../../rules/src/index";
import { JsonReportWriter, type JsonPartText, type ReportPart, type ReportWriter } from "../../rules/src/report/json";

/** What the report's end and the exit code need of a file's part. */
export interface PartTally {
  severities: Record<Severity, number>;
  checks: CallChecks[];
}

/** A file's part as the report shows it: only its errors under `--quiet`. */
export function shownPart(part: ReportPart, quiet: boolean): ReportPart {
  if (!quiet || !part.file) return part;
  const findings = part.file.findings.filter((f) => f.severity === "error");
  return { file: findings.length > 0 ? { ...part.file, findings } : null, callSites: part.callSites };
}

export function tallyOf(part: ReportPart): PartTally {
  const severities = { error: 0, warning: 0, info: 0 };
  for (const finding of part.file?.findings ?? []) severities[finding.severity]++;
  return { severities, checks: part.callSites.map((s) => s.checks) };
}

export class ReportStream {
  readonly severities: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly checks: CallChecks[] = [];

  constructor(
    private readonly writer: ReportWriter,
    readonly quiet: boolean,
  ) {}

  /** The writer takes parts as JSON text (`fileText`), which scan workers can build. */
  get takesJsonText(): boolean {
    return this.writer instanceof JsonReportWriter;
  }

  begin(root: string): Promise<void> {
    return this.writer.begin(root);
  }

  file(part: ReportPart): Promise<void> {
    const shown = shownPart(part, this.quiet);
    this.count(tallyOf(shown));
    return this.writer.file(shown);
  }

  /** A part already `shownPart`, tallied and turned to text. */
  fileText(text: JsonPartText, tally: PartTally): Promise<void> {
    this.count(tally);
    return (this.writer as JsonReportWriter).fileText(text);
  }

  /** `files`: how many were linted; `ms`: the whole check's time. */
  end(skipped: { path: string; reason: string }[], files: number, ms: number): Promise<void> {
    return this.writer.end({ scores: scoresOf(this.checks), skipped, stats: { files, skipped: skipped.length, ms: Math.round(ms) } });
  }

  private count(tally: PartTally): void {
    for (const severity of Object.keys(this.severities) as Severity[]) this.severities[severity] += tally.severities[severity];
    for (const checks of tally.checks) this.checks.push(checks);
  }
}

