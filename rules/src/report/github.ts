/** GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff. */
import type { Report, ReportFile, ReportPart, ReportWriter, WriteText } from "./json";

const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

export function renderGithub(report: Report): string {
  return report.files.map(annotations).join("");
}

/** The annotations, written a file at a time. */
export class GithubReportWriter implements ReportWriter {
  constructor(private readonly write: WriteText) {}

  async begin(): Promise<void> {}

  async file(part: ReportPart): Promise<void> {
    if (part.file) await this.write(annotations(part.file));
  }

  async end(): Promise<void> {}
}

/** A file's annotations, a line each. */
function annotations(file: ReportFile): string {
  const lines: string[] = [];
  for (const f of file.findings) {
    const properties = [
      `file=${property(file.path)}`,
      `line=${f.range.start.line}`,
      `endLine=${f.range.end.line}`,
      `col=${f.range.start.column}`,
      `endColumn=${f.range.end.column}`,
      `title=${property(`ai-readiness(${f.rule})`)}`,
    ];
    lines.push(`::${COMMAND[f.severity]} ${properties.join(",")}::${data(f.message)}\n`);
  }
  return lines.join("");
}

/** Escapes a message the way the Actions runner reads it back. */
function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
