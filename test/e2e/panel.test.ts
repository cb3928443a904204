/**
 * The readiness panel on the fixture workspace: its counts equal the CLI's JSON report of
 * each folder, it regroups, applies a fix and an ignore from a finding (the counts follow),
 * scans on demand, follows `files.exclude` and exports the report.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "mocha";
import * as vscode from "vscode";
import type { FindingNode, PanelNode } from "../../client/src/panel/model";
import type { PanelApi } from "../../client/src/panel/panel";
import type { WorkspaceStore } from "../../client/src/panel/workspaceStore";
import { EXTENSION_ID, activateExtension, fixture, revert, workspaceFolder } from "./helpers";

const WAIT_MS = 30_000;

interface CliReport {
  files: { path: string; findings: { rule: string; fingerprint: string }[] }[];
  callSites: { path: string }[];
}

/** The CLI of this very build, on a folder of the workspace under test. */
function cliReport(folder: vscode.WorkspaceFolder): CliReport {
  const cli = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, "dist/cli.js");
  const result = spawnSync(process.execPath, [cli, "check", folder.uri.fsPath, "--format", "json"], { encoding: "utf8", env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" } });
  assert.ok(result.status === 0 || result.status === 1, `the CLI failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as CliReport;
}

/** Resolves once the store's report satisfies `accept`: checked now, then on every change. */
function waitForReport(store: WorkspaceStore, what: string, accept: (store: WorkspaceStore) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!store.report || !accept(store)) return false;
      subscription.dispose();
      clearTimeout(deadline);
      resolve();
      return true;
    };
    const subscription = store.onDidChange(check);
    const deadline = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the panel never showed ${what}; last status: ${JSON.stringify(store.status)}`));
    }, WAIT_MS);
    check();
  });
}

const leaves = (nodes: readonly PanelNode[]): FindingNode[] => nodes.flatMap((n) => (n.kind === "group" ? leaves(n.children) : [n]));
const total = (nodes: readonly PanelNode[]) => nodes.reduce((n, g) => n + (g.kind === "group" ? g.count : 1), 0);

describe("readiness panel", () => {
  let api: PanelApi;
  const fixFile = () => fixture("python", "app/panel_fix.py");
  const out = mkdtempSync(join(tmpdir(), "ai-readiness-export-"));

  before(async () => {
    api = (await activateExtension()).exports as PanelApi;
    assert.ok(api?.store, "the extension returns the panel's API");
    await vscode.commands.executeCommand("workbench.view.extension.aiReadiness");
    await waitForReport(api.store, "a finished scan", (s) => s.report!.status.state === "ready");
  });
  after(async () => {
    await revert(fixFile());
    rmSync(out, { recursive: true, force: true });
  });

  it("shows the counts of the CLI's JSON report for each folder: findings by file and rule, and every model call", () => {
    const clis = (["python", "typescript"] as const).map((name) => ({ name, cli: cliReport(workspaceFolder(name)) }));
    const expected = new Map<string, number>();
    for (const { name, cli } of clis) for (const file of cli.files) expected.set(`${name}/${file.path}`, file.findings.length);
    const cliFindings = [...expected.values()].reduce((a, b) => a + b, 0);
    assert.ok(cliFindings > 10, `the fixtures have findings (${cliFindings})`);

    api.findings.groupBy("file");
    const byFile = api.findings.rootNodes();
    assert.deepEqual(new Map(byFile.map((g) => [g.label, g.count])), expected);
    api.findings.groupBy("factor");
    const byFactor = api.findings.rootNodes();
    assert.equal(total(byFactor), cliFindings);
    const rules = (nodes: readonly PanelNode[]) => leaves(nodes).map((f) => `${f.location.shown}|${f.finding.rule}|${f.finding.fingerprint}`).sort();
    const cliRules = clis.flatMap(({ name, cli }) => cli.files.flatMap((f) => f.findings.map((x) => `${name}/${f.path}|${x.rule}|${x.fingerprint}`))).sort();
    assert.deepEqual(rules(byFactor), cliRules);

    const calls = api.calls.callRows();
    assert.deepEqual(calls.map((c) => c.location.shown).sort(), clis.flatMap(({ name, cli }) => cli.callSites.map((s) => `${name}/${s.path}`)).sort());
    assert.ok(calls.every((c) => c.marks.length === Object.keys(c.site.checks).length));
    assert.equal(api.store.status!.findings, cliFindings);
  });

  it("applies a fix and an ignore from the panel, and the counts follow", async () => {
    api.findings.groupBy("factor");
    const uri = fixFile().toString();
    const inFile = () => leaves(api.findings.rootNodes()).filter((f) => f.location.uri === uri || vscode.Uri.parse(f.location.uri).fsPath === fixFile().fsPath);
    const before = inFile().length;
    const totalBefore = api.store.status!.findings;
    const cli = cliReport(workspaceFolder("python")).files.find((f) => f.path === "app/panel_fix.py")!;
    assert.equal(before, cli.findings.length, "as many as the CLI finds in the file");
    assert.ok(["unvalidated-model-json", "missing-timeout"].every((rule) => cli.findings.some((f) => f.rule === rule)));

    const parse = inFile().find((f) => f.finding.rule === "unvalidated-model-json")!;
    assert.ok(parse.finding.fix, "the finding has a fix");
    assert.equal(await vscode.commands.executeCommand("aiReadiness.applyFix", parse), true);
    await waitForReport(api.store, "one finding fewer after the fix", () => inFile().length === before - 1);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === fixFile().fsPath)!;
    assert.match(document.getText(), /except json\.JSONDecodeError as exc:/);
    assert.equal(api.store.status!.findings, totalBefore - 1);
    assert.ok(!inFile().some((f) => f.finding.rule === "unvalidated-model-json"));

    const timeout = inFile().find((f) => f.finding.rule === "missing-timeout")!;
    assert.equal(await vscode.commands.executeCommand("aiReadiness.ignoreFinding", timeout), true);
    await waitForReport(api.store, "one finding fewer after the ignore", () => inFile().length === before - 2);
    assert.match(document.getText(), /^ {4}# ai-readiness: ignore\[missing-timeout\]\n {4}response = client/m);

    await revert(fixFile());
    await waitForReport(api.store, "the findings back once the file is reverted", () => inFile().length === before);
  });

  it("regroups the findings by severity and back, and scans again on demand", async () => {
    await vscode.commands.executeCommand("aiReadiness.groupBySeverity");
    assert.deepEqual(api.findings.rootNodes().map((g) => g.label), ["Warnings"]);
    await vscode.commands.executeCommand("aiReadiness.groupByFactor");
    assert.ok(api.findings.rootNodes().every((g) => g.level === "factor"));
    const generation = api.store.status!.generation;
    await vscode.commands.executeCommand("aiReadiness.scanWorkspace");
    await waitForReport(api.store, "a new scan", (s) => s.status!.generation > generation && s.status!.state === "ready");
  });

  it("leaves out what files.exclude hides, and takes it back when the setting goes", async () => {
    const files = () => new Set(leaves(api.findings.rootNodes()).map((f) => f.location.shown));
    assert.ok(files().has("python/app/restart.py"));
    const config = vscode.workspace.getConfiguration("files", workspaceFolder("python").uri);
    await config.update("exclude", { "app/restart.py": true }, vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      await waitForReport(api.store, "python/app/restart.py left out", () => !files().has("python/app/restart.py"));
      assert.ok(files().has("python/app/summarize.py"), "the rest stays");
    } finally {
      await config.update("exclude", undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitForReport(api.store, "python/app/restart.py back", () => files().has("python/app/restart.py"));
  });

  it("exports the workspace report as HTML, Markdown and SARIF", async () => {
    const html = vscode.Uri.file(join(out, "report.html"));
    await vscode.commands.executeCommand("aiReadiness.exportReport", "html", html);
    const page = readFileSync(html.fsPath, "utf8");
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<code>python\/app\/summarize\.py<\/code>/);
    const md = vscode.Uri.file(join(out, "report.md"));
    await vscode.commands.executeCommand("aiReadiness.exportReport", "markdown", md);
    assert.match(readFileSync(md.fsPath, "utf8"), /^# AI Readiness report\n\n_Folders python, typescript · /);
    const sarif = vscode.Uri.file(join(out, "report.sarif"));
    await vscode.commands.executeCommand("aiReadiness.exportReport", "sarif", sarif);
    const log = JSON.parse(readFileSync(sarif.fsPath, "utf8")) as { runs: { results: unknown[] }[] };
    assert.equal(log.runs.length, 2, "one run per folder");
    assert.equal(log.runs.reduce((n, r) => n + r.results.length, 0), api.store.status!.findings);
  });
});
