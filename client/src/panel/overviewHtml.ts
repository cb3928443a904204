/**
 * The overview's HTML: a bar per readiness factor, the overall score and the top problems,
 * themed with VS Code's CSS variables. Strict CSP: nothing remote, styles and the one
 * script allowed by a per-render nonce. Bar widths live in the nonce'd style block, since
 * the CSP forbids inline style attributes.
 */
import type { OverviewModel } from "./model";

export interface OverviewMessage {
  command: "scan" | "export" | "showProblem";
  rule?: string;
}

export function overviewHtml(model: OverviewModel | null, nonce: string, cspSource: string): string {
  const csp = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const widths = (model?.factors ?? []).map((f, i) => `#bar-${i} { width: ${f.width}%; }`).join("\n");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">
body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 4px 12px 12px; }
.overall { display: flex; align-items: baseline; gap: 8px; margin: 8px 0 2px; }
.overall .score { font-size: 2em; font-weight: 600; }
.muted { color: var(--vscode-descriptionForeground); }
.headline { margin: 0 0 12px; }
.factor { margin: 8px 0; }
.factor .row { display: flex; justify-content: space-between; gap: 8px; }
.track { height: 6px; border-radius: 3px; background: var(--vscode-editorWidget-background, rgba(128,128,128,.2)); border: 1px solid var(--vscode-widget-border, transparent); overflow: hidden; margin: 3px 0 1px; }
.fill { height: 100%; background: var(--vscode-progressBar-background); }
.unscored .fill { background: transparent; }
h3 { font-size: 1em; margin: 16px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: var(--vscode-descriptionForeground); }
ol { padding-left: 18px; margin: 0; } li { margin: 5px 0; }
.problem { color: var(--vscode-textLink-foreground); cursor: pointer; background: none; border: none; padding: 0; font: inherit; text-align: left; }
.problem:hover, .problem:focus { text-decoration: underline; outline: none; }
.error { color: var(--vscode-errorForeground); } .warning { color: var(--vscode-editorWarning-foreground); } .info { color: var(--vscode-editorInfo-foreground); }
.actions { display: flex; gap: 6px; margin-top: 14px; }
button.action { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 4px 10px; border-radius: 2px; cursor: pointer; font: inherit; }
button.action.primary { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
button.action:hover { filter: brightness(1.1); }
${widths}
</style></head><body>
${model ? body(model) : `<p class="muted">Waiting for the AI Readiness server…</p>`}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.body.addEventListener("click", (event) => {
  const target = event.target.closest("[data-command]");
  if (target) vscode.postMessage({ command: target.dataset.command, rule: target.dataset.rule });
});
</script>
</body></html>`;
}

function body(model: OverviewModel): string {
  const actions = `<div class="actions"><button class="action primary" data-command="scan">Scan workspace</button><button class="action" data-command="export">Export report…</button></div>`;
  if (model.empty) return `<p>${esc(model.empty)}</p>${actions}`;
  const factors = model.factors
    .map(
      (f, i) => `<div class="factor${f.scored ? "" : " unscored"}"><div class="row"><span>${esc(f.label)}</span><strong>${esc(f.percent)}</strong></div>
<div class="track" role="meter" aria-label="${esc(f.label)}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${f.width}"><div class="fill" id="bar-${i}"></div></div>
<div class="muted">${esc(f.detail)}</div></div>`,
    )
    .join("\n");
  const problems = model.problems.length
    ? `<h3>Top problems</h3><ol>${model.problems
        .map((p) => `<li><button class="problem" data-command="showProblem" data-rule="${esc(p.rule)}">${esc(p.rule)}</button> <span class="${p.severity}">${p.severity}</span><div class="muted">${esc(p.detail)}: ${esc(p.label)}</div></li>`)
        .join("")}</ol>`
    : `<h3>Top problems</h3><p class="muted">None: every check that can be seen passes.</p>`;
  return `<div class="overall"><span class="score">${esc(model.overall)}</span><span class="muted">overall readiness</span></div>
<p class="headline muted">${esc(model.headline)}</p>
<h3>Readiness by factor</h3>
${factors}
${problems}
${actions}`;
}

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
