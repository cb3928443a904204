/**
 * The workspace report as Markdown, for a pull request or a wiki: the summary, readiness by
 * factor, the top problems, every model call with its checks, then the findings by file.
 */
import type { Report } from "./json";
import { checkLabel, factorLabel, percent, plural, VERDICT_MARK } from "./labels";
import { summarize } from "./scores";

export interface DocumentOptions {
  /** Shown under the title, e.g. when the report was made; left out when absent. */
  subtitle?: string;
}

export function renderMarkdown(reports: readonly Report[], options: DocumentOptions = {}): string {
  const summary = summarize(reports);
  const where = pathNamer(reports);
  const out: string[] = ["# AI Readiness report", ""];
  if (options.subtitle) out.push(`_${cell(options.subtitle)}_`, "");
  const { error, warning, info } = summary.findings;
  const total = error + warning + info;
  out.push(
    `**Overall readiness: ${percent(summary.overall)}** · ${plural(total, "finding")} (${plural(error, "error")}, ${plural(warning, "warning")}${info ? `, ${info} info` : ""}) in ${plural(summary.filesWithFindings, "file")} · ${plural(summary.callSites, "model call")}, ${summary.readyCallSites} production-ready · ${plural(summary.files, "file")} checked${summary.skipped ? `, ${summary.skipped} skipped` : ""}`,
    "",
    "## Readiness by factor",
    "",
    "| factor | score | calls passing | findings |",
    "|---|---:|---:|---:|",
    ...summary.factors.map((f) => `| ${factorLabel(f.factor)} | ${percent(f.score)} | ${f.counted ? `${f.passed} of ${f.counted}` : "–"} | ${f.findings} |`),
    "",
  );
  if (summary.topProblems.length > 0) {
    out.push("## Top problems", "");
    summary.topProblems.forEach((p, i) => out.push(`${i + 1}. \`${p.rule}\` (${p.factor}, ${p.severity}): ${plural(p.count, "finding")} in ${plural(p.files, "file")}. ${cell(p.summary)}`));
    out.push("");
  }
  const calls = reports.flatMap((r) => r.callSites.map((s) => ({ ...s, where: where(r, s.path) })));
  if (calls.length > 0) {
    out.push("## Model calls", "", `✓ passes · ✗ fails · ? cannot tell or does not apply`, "");
    out.push(`| call | provider | API | model | ${summary.checks.map(checkLabel).join(" | ")} |`);
    out.push(`|---|---|---|---|${summary.checks.map(() => ":-:").join("|")}|`);
    for (const s of calls) {
      const marks = summary.checks.map((name) => VERDICT_MARK[s.checks[name] ?? "unknown"]);
      out.push(`| ${cell(`${s.where}:${s.range.start.line}`)} | ${cell(s.provider)} | \`${cell(s.api)}\` | ${s.model ? `\`${cell(s.model)}\`` : "–"} | ${marks.join(" | ")} |`);
    }
    out.push("");
  }
  const files = reports.flatMap((r) => r.files.map((f) => ({ ...f, where: where(r, f.path) })));
  if (files.length > 0) {
    out.push("## Findings", "");
    for (const file of files) {
      out.push(`### ${cell(file.where)}`, "");
      for (const f of file.findings) {
        const fix = f.fix ? ` Fix: ${cell(f.fix.title)} (${f.fix.safety}).` : "";
        out.push(`- ${f.range.start.line}:${f.range.start.column} **${f.severity}** \`${f.rule}\`: ${cell(f.message)}.${fix}`);
      }
      out.push("");
    }
  } else {
    out.push("No findings.", "");
  }
  const skipped = reports.flatMap((r) => r.skipped.map((s) => ({ ...s, where: where(r, s.path) })));
  if (skipped.length > 0) {
    out.push("## Skipped files", "", ...skipped.map((s) => `- ${cell(s.where)}: ${cell(s.reason)}`), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** Paths as a reader should see them: prefixed with the folder's name when there are several folders. */
export function pathNamer(reports: readonly Report[]): (report: Report, path: string) => string {
  if (reports.length <= 1) return (_, path) => path;
  return (report, path) => `${folderName(report.root)}/${path}`;
}

export function folderName(root: string): string {
  return root.split(/[\\/]/).filter(Boolean).pop() ?? root;
}

/** Text that stays inside a table cell or list item: no pipes, no line breaks, no raw HTML. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/\r?\n/g, " ");
}
