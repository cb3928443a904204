/** GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff. */
import type { Report } from "./json";

const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

export function renderGithub(report: Report): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      const properties = [
        `file=${property(file.path)}`,
        `line=${f.range.start.line}`,
        `endLine=${f.range.end.line}`,
        `col=${f.range.start.column}`,
        `endColumn=${f.range.end.column}`,
        `title=${property(`ai-readiness(${f.rule})`)}`,
      ];
      lines.push(`::${COMMAND[f.severity]} ${properties.join(",")}::${data(f.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/** Escapes a message the way the Actions runner reads it back. */
function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
