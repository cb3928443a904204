/** The readiness panel's plain logic (grouping, sorting, labels, the overview's HTML) on real engine reports. */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { callRows, fileUri, groupFindings, markLine, overviewModel, type GroupNode, type PanelNode } from "../client/src/panel/model";
import { overviewHtml } from "../client/src/panel/overviewHtml";
import { RULES } from "../rules/src/index";
import { checkLabel } from "../rules/src/report/labels";
import { summarize } from "../rules/src/report/scores";
import { PROTOTYPE, READY, reportOf } from "../rules/src/report/testReports";
import { initTestEngine } from "../rules/src/testing";
import type { Report } from "../rules/src/report/json";
import type { Verdict } from "../rules/src/types";
import type { WorkspaceReport } from "../server/src/protocol";

function workspaceOf(folders: { name: string; report: Report }[], state: WorkspaceReport["status"]["state"] = "ready"): WorkspaceReport {
  const summary = summarize(folders.map((f) => f.report));
  return {
    status: { state, generation: 1, scanned: 3, total: 3, overall: summary.overall, findings: 0, callSites: summary.callSites },
    folders: folders.map((f) => ({ name: f.name, uri: `file:///w/${f.name}`, enabled: true, report: f.report })),
    summary,
    checks: summary.checks.map((name) => ({ name, label: checkLabel(name) })),
    rules: RULES.map((r) => ({ id: r.id, factor: r.factor, severity: r.severity, summary: r.summary })),
  };
}

const leaves = (nodes: PanelNode[]): PanelNode[] => nodes.flatMap((n) => (n.kind === "group" ? leaves(n.children) : [n]));
const groups = (nodes: PanelNode[]) => nodes.filter((n): n is GroupNode => n.kind === "group");

describe("readiness panel model", () => {
  let one: WorkspaceReport;
  let two: WorkspaceReport;
  before(async () => {
    await initTestEngine();
    one = workspaceOf([{ name: "svc", report: reportOf("/w/svc", { "app/a.py": PROTOTYPE, "app/b.py": READY, "app/c.py": PROTOTYPE }) }]);
    two = workspaceOf([
      { name: "svc", report: reportOf("/w/svc", { "app/a.py": PROTOTYPE }) },
      { name: "web", report: reportOf("/w/web", { "app/a.py": PROTOTYPE }) },
    ]);
  });

  it("groups factor → rule → file → finding, with every finding once and counts that add up", () => {
    const total = one.folders[0].report.files.flatMap((f) => f.findings).length;
    const tree = groupFindings(one, "factor");
    assert.equal(leaves(tree).length, total);
    assert.equal(tree.reduce((n, g) => n + g.count, 0), total);
    for (const factor of tree) {
      assert.equal(factor.level, "factor");
      assert.match(factor.description, /^\d+ findings? · (\d+%|–)$/);
      for (const rule of groups(factor.children)) {
        assert.equal(rule.level, "rule");
        assert.equal(rule.tooltip, RULES.find((r) => r.id === rule.key)!.summary);
        for (const file of groups(rule.children)) assert.equal(file.level, "file");
      }
    }
    const order = one.summary.factors.map((f) => f.factor);
    assert.deepEqual(tree.map((g) => g.key), order.filter((f) => tree.some((g) => g.key === f)), "factors in the engine's order");
    const cost = tree.find((g) => g.key === "cost")!;
    assert.deepEqual(groups(cost.children).map((r) => [r.key, r.count]), [["missing-output-limit", 2], ["usage-not-recorded", 2]]);
  });

  it("regroups by file (findings in line order) and by severity", () => {
    const byFile = groupFindings(one, "file");
    assert.deepEqual(byFile.map((g) => g.label), ["app/a.py", "app/b.py", "app/c.py"]);
    const lines = byFile[0].children.map((n) => (n.kind === "finding" ? n.finding.range.start.line : -1));
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
    assert.match(byFile[0].children[0].description, /^[a-z-]+ · 8:16$/, "by file, a finding names its rule");
    assert.equal(byFile[0].location?.uri, "file:///w/svc/app/a.py");
    const bySeverity = groupFindings(one, "severity");
    assert.deepEqual(bySeverity.map((g) => g.label), ["Warnings"]);
    assert.equal(leaves(bySeverity).length, leaves(byFile).length);
  });

  it("names files with their folder in a multi-root workspace, and gives every node its own id", () => {
    const tree = groupFindings(two, "file");
    assert.deepEqual(tree.map((g) => g.label), ["svc/app/a.py", "web/app/a.py"]);
    const ids = [groupFindings(two, "factor"), tree].flatMap(function all(nodes: PanelNode[]): string[] {
      return nodes.flatMap((n) => [n.id, ...(n.kind === "group" ? all(n.children) : [])]);
    });
    assert.equal(new Set(ids).size, ids.length);
  });

  it("lists every model call with provider, API, model, place and a mark per check", () => {
    const rows = callRows(one);
    assert.equal(rows.length, 3);
    assert.deepEqual(rows.map((r) => `${r.location.path}:${r.site.range.start.line}`), ["app/a.py:8", "app/b.py:8", "app/c.py:8"]);
    assert.equal(rows[0].label, "chat.completions.create");
    const failing = Object.entries(rows[0].site.checks).filter(([, v]) => v === "fail").map(([name]) => checkLabel(name));
    assert.ok(failing.length >= 6 && failing.includes("timeout"));
    assert.equal(rows[0].description, `openai · gpt-4o-mini · app/a.py:8 — fails: ${failing.join(", ")}`);
    assert.deepEqual(rows[0].marks.map((m) => m.name), Object.keys(rows[0].site.checks));
    assert.equal(rows[0].state, "failing");
    const mark = { pass: "✓", fail: "✗", unknown: "?" } as const;
    assert.equal(markLine(rows[1].marks), (Object.entries(rows[1].site.checks) as [string, Verdict][]).map(([name, v]) => `${mark[v]} ${checkLabel(name)}`).join("  "));
    assert.match(markLine(rows[1].marks), /^✓ timeout {2}✓ output limit {2}✓ usage {2}✗ telemetry/, "the ready call passes what it sets");
  });

  it("draws the overview: a row per factor, the top problems, and empty states", () => {
    const model = overviewModel(one);
    assert.equal(model.empty, null);
    assert.deepEqual(model.factors.map((f) => f.factor), one.summary.factors.map((f) => f.factor));
    const compute = model.factors.find((f) => f.factor === "compute")!;
    assert.deepEqual([compute.percent, compute.width, compute.detail], ["33%", 33, "1 of 3 calls pass · 2 findings"]);
    assert.equal(model.problems.length, 5);
    assert.match(model.headline, /^\d+ findings in 3 files · 3 model calls, 0 production-ready · 3 files checked$/);

    const none = workspaceOf([{ name: "svc", report: reportOf("/w/svc", { "a.py": "x = 1\n" }) }]);
    assert.match(overviewModel(none).empty ?? "", /^No AI code found yet/);
    assert.match(overviewModel(workspaceOf([], "notStarted")).empty ?? "", /not been scanned/);
  });

  it("keeps the overview's HTML under a strict CSP: nonce'd style and script, nothing remote, text escaped", () => {
    const html = overviewHtml(overviewModel(one), "n0nce", "vscode-resource:");
    assert.match(html, /content="default-src 'none'; style-src vscode-resource: 'nonce-n0nce'; script-src 'nonce-n0nce';"/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="n0nce">/);
    assert.match(html, /<style nonce="n0nce">/);
    assert.doesNotMatch(html, /style="|https?:\/\/|src=/, "no inline style attributes, no remote resource");
    const compute = one.summary.factors.findIndex((f) => f.factor === "compute");
    assert.ok(html.includes(`#bar-${compute} { width: 33%; }`));
    assert.equal((html.match(/class="track"/g) ?? []).length, one.summary.factors.length);
    assert.match(html, /data-command="showProblem" data-rule="[a-z-]+"/);
    const evil = overviewModel(one);
    evil.problems[0].label = "<img onerror=x>";
    assert.match(overviewHtml(evil, "n", "c"), /&lt;img onerror=x&gt;/);
  });

  it("builds file URIs with each path segment encoded", () => {
    assert.equal(fileUri("file:///w/svc/", "app/a b#.py"), "file:///w/svc/app/a%20b%23.py");
  });
});
