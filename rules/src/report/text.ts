/** The human report: findings grouped by file (`line:col severity message rule`), then a summary. */
import { FACTORS } from "../types";
import type { Report } from "./json";

export interface TextOptions {
  color: boolean;
}

const CODES = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4, green: 32 } as const;

export function renderText(report: Report, options: TextOptions): string {
  const paint = (style: keyof typeof CODES, text: string) => (options.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const file of report.files) {
    out.push(paint("underline", file.path));
    const width = Math.max(...file.findings.map((f) => `${f.range.start.line}:${f.range.start.column}`.length));
    for (const f of file.findings) {
      const where = `${f.range.start.line}:${f.range.start.column}`.padEnd(width);
      const severity = f.severity === "error" ? paint("red", "error  ") : f.severity === "warning" ? paint("yellow", "warning") : paint("blue", "info   ");
      out.push(`  ${paint("dim", where)}  ${severity}  ${f.message}  ${paint("dim", f.rule)}`);
      if (f.severity === "error") errors++;
      else if (f.severity === "warning") warnings++;
      else infos++;
      if (f.fix?.safety === "safe") fixable++;
    }
    out.push("");
  }
  for (const skipped of report.skipped) out.push(paint("dim", `skipped ${skipped.path}: ${skipped.reason}`));
  if (report.skipped.length > 0) out.push("");
  const total = errors + warnings + infos;
  const files = `${report.stats.files} file${report.stats.files === 1 ? "" : "s"}`;
  const calls = `${report.callSites.length} model call${report.callSites.length === 1 ? "" : "s"}`;
  if (total === 0) out.push(paint("green", `✔ No problems in ${files} (${calls})`));
  else {
    const counts = [`${errors} error${errors === 1 ? "" : "s"}`, `${warnings} warning${warnings === 1 ? "" : "s"}`, ...(infos ? [`${infos} info`] : [])];
    out.push(paint("bold", `✖ ${total} problem${total === 1 ? "" : "s"} (${counts.join(", ")}) in ${files}, ${calls}`));
    if (fixable > 0) out.push(paint("dim", `  ${fixable} fixable with \`--fix\` (safe fixes only)`));
  }
  const scores = FACTORS.filter((f) => report.scores[f] !== null).map((f) => `${f} ${Math.round(report.scores[f]! * 100)}%`);
  if (scores.length > 0) out.push(`Readiness: ${scores.join(" · ")}`);
  return `${out.join("\n")}\n`;
}
