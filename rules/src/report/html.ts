/**
 * The workspace report as one self-contained HTML page for people without VS Code: inline
 * styles, no script, no remote resource (its CSP forbids them), light and dark schemes.
 */
import type { Report } from "./json";
import { checkLabel, factorLabel, percent, plural, VERDICT_MARK } from "./labels";
import { pathNamer, type DocumentOptions } from "./markdown";
import { summarize } from "./scores";

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bar: #0969da; --track: #eef1f4; --fail: #cf222e; --pass: #1a7f37; --warn: #9a6700; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --bar: #4493f8; --track: #262c36; --fail: #f85149; --pass: #3fb950; --warn: #d29922; } }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); max-width: 1100px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; } h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.muted { color: var(--muted); } code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, monospace; }
.overall { font-size: 1.1rem; } .overall strong { font-size: 1.6rem; }
.factor { display: grid; grid-template-columns: 9rem 1fr 4rem 9rem; gap: .8rem; align-items: center; margin: .35rem 0; }
.track { background: var(--track); border-radius: 4px; height: .8rem; overflow: hidden; } .fill { background: var(--bar); height: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.mark { text-align: center; } .pass { color: var(--pass); } .fail { color: var(--fail); font-weight: 600; } .unknown { color: var(--muted); }
.sev-error { color: var(--fail); font-weight: 600; } .sev-warning { color: var(--warn); font-weight: 600; } .sev-info { color: var(--muted); }
ul.findings { list-style: none; padding-left: 0; } ul.findings li { margin: .3rem 0; }
`;

export function renderHtml(reports: readonly Report[], options: DocumentOptions = {}): string {
  const summary = summarize(reports);
  const where = pathNamer(reports);
  const { error, warning, info } = summary.findings;
  const total = error + warning + info;
  const body: string[] = [
    "<h1>AI Readiness report</h1>",
    options.subtitle ? `<p class="muted">${esc(options.subtitle)}</p>` : "",
    `<p class="overall">Overall readiness <strong>${percent(summary.overall)}</strong></p>`,
    `<p>${esc(plural(total, "finding"))} (${esc(plural(error, "error"))}, ${esc(plural(warning, "warning"))}${info ? `, ${info} info` : ""}) in ${esc(plural(summary.filesWithFindings, "file"))} · ${esc(plural(summary.callSites, "model call"))}, ${summary.readyCallSites} production-ready · ${esc(plural(summary.files, "file"))} checked${summary.skipped ? `, ${summary.skipped} skipped` : ""}</p>`,
    "<h2>Readiness by factor</h2>",
    ...summary.factors.map(
      (f) =>
        `<div class="factor"><span>${esc(factorLabel(f.factor))}</span><div class="track" role="img" aria-label="${esc(factorLabel(f.factor))} ${percent(f.score)}"><div class="fill" style="width:${Math.round((f.score ?? 0) * 100)}%"></div></div><strong>${percent(f.score)}</strong><span class="muted">${f.counted ? `${f.passed} of ${f.counted} calls` : "no calls scored"} · ${esc(plural(f.findings, "finding"))}</span></div>`,
    ),
  ];
  if (summary.topProblems.length > 0) {
    body.push("<h2>Top problems</h2>", "<ol>");
    for (const p of summary.topProblems) {
      body.push(`<li><code>${esc(p.rule)}</code> <span class="sev-${p.severity}">${p.severity}</span> <span class="muted">(${esc(p.factor)})</span>: ${esc(plural(p.count, "finding"))} in ${esc(plural(p.files, "file"))}. ${esc(p.summary)}</li>`);
    }
    body.push("</ol>");
  }
  const calls = reports.flatMap((r) => r.callSites.map((s) => ({ ...s, where: where(r, s.path) })));
  if (calls.length > 0) {
    body.push("<h2>Model calls</h2>", `<p class="muted">✓ passes · ✗ fails · ? cannot tell or does not apply</p>`, "<table><thead><tr><th>call</th><th>provider</th><th>API</th><th>model</th>");
    body.push(...summary.checks.map((name) => `<th>${esc(checkLabel(name))}</th>`), "</tr></thead><tbody>");
    for (const s of calls) {
      const marks = summary.checks.map((name) => {
        const verdict = s.checks[name] ?? "unknown";
        return `<td class="mark ${verdict}" title="${esc(checkLabel(name))}: ${verdict}">${VERDICT_MARK[verdict]}</td>`;
      });
      body.push(`<tr><td><code>${esc(`${s.where}:${s.range.start.line}`)}</code></td><td>${esc(s.provider)}</td><td><code>${esc(s.api)}</code></td><td>${s.model ? `<code>${esc(s.model)}</code>` : "–"}</td>${marks.join("")}</tr>`);
    }
    body.push("</tbody></table>");
  }
  body.push("<h2>Findings</h2>");
  const files = reports.flatMap((r) => r.files.map((f) => ({ ...f, where: where(r, f.path) })));
  if (files.length === 0) body.push("<p>No findings.</p>");
  for (const file of files) {
    body.push(`<h3><code>${esc(file.where)}</code></h3>`, `<ul class="findings">`);
    for (const f of file.findings) {
      const fix = f.fix ? ` <span class="muted">Fix: ${esc(f.fix.title)} (${f.fix.safety}).</span>` : "";
      body.push(`<li><code class="muted">${f.range.start.line}:${f.range.start.column}</code> <span class="sev-${f.severity}">${f.severity}</span> <code>${esc(f.rule)}</code>: ${code(f.message)}${fix}</li>`);
    }
    body.push("</ul>");
  }
  const skipped = reports.flatMap((r) => r.skipped.map((s) => ({ ...s, where: where(r, s.path) })));
  if (skipped.length > 0) body.push("<h2>Skipped files</h2>", "<ul>", ...skipped.map((s) => `<li><code>${esc(s.where)}</code>: ${esc(s.reason)}</li>`), "</ul>");
  return [
    "<!DOCTYPE html>",
    `<html lang="en"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>AI Readiness report</title><style>${STYLE}</style></head>`,
    `<body>`,
    ...body.filter(Boolean),
    "</body></html>",
    "",
  ].join("\n");
}

export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A message with its `code` spans as <code>, everything else escaped. */
function code(message: string): string {
  return message
    .split("`")
    .map((part, i) => (i % 2 === 1 ? `<code>${esc(part)}</code>` : esc(part)))
    .join("");
}
