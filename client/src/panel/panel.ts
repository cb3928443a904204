/**
 * The readiness panel: the AI Readiness view container's Overview, Findings and Model calls
 * views, their commands and empty states (context keys for `viewsWelcome`), on top of one
 * store of the server's workspace results.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { WorkspaceMethods, type FindingEditsResult, type WorkspaceStatus } from "../../../server/src/protocol";
import { CallsTree } from "./callsTree";
import { exportReport } from "./exportReport";
import { FindingsTree } from "./findingsTree";
import { GROUPINGS, type FindingNode, type Grouping, type PanelNode } from "./model";
import { OverviewView } from "./overviewView";
import { WorkspaceStore } from "./workspaceStore";

/** What the extension returns from `activate`: the editor tests read the views through it. */
export interface PanelApi {
  store: WorkspaceStore;
  findings: FindingsTree;
  calls: CallsTree;
}

type ReportRange = { start: { line: number; column: number }; end: { line: number; column: number } };

export function registerPanel(context: vscode.ExtensionContext, client: LanguageClient, onStatus: (status: WorkspaceStatus | undefined) => void): PanelApi {
  let findingsView: vscode.TreeView<PanelNode> | undefined;
  let callsView: vscode.TreeView<unknown> | undefined;
  // The store asks whether a view is open only once notices arrive, after all of these exist.
  const store: WorkspaceStore = new WorkspaceStore(client, (): boolean => overview.visible || Boolean(findingsView?.visible) || Boolean(callsView?.visible));
  const overview: OverviewView = new OverviewView(store);
  const grouping = context.workspaceState.get<Grouping>("aiReadiness.findingsGrouping", "factor");
  const findings = new FindingsTree(store, GROUPINGS.includes(grouping) ? grouping : "factor");
  const calls = new CallsTree(store);
  findingsView = vscode.window.createTreeView("aiReadiness.findings", { treeDataProvider: findings, showCollapseAll: true });
  callsView = vscode.window.createTreeView("aiReadiness.calls", { treeDataProvider: calls as vscode.TreeDataProvider<unknown>, showCollapseAll: true });

  const setContext = (key: string, value: unknown) => void vscode.commands.executeCommand("setContext", `aiReadiness.${key}`, value);
  const update = () => {
    const status = store.status;
    const report = store.report;
    setContext("scanState", status?.state ?? "none");
    setContext("hasAiCode", Boolean(report && (report.summary.callSites > 0 || status!.findings > 0)));
    setContext("hasFindings", Boolean(status && status.findings > 0));
    const count = status?.findings ?? 0;
    findingsView!.badge = count ? { value: count, tooltip: `${count} AI Readiness finding${count === 1 ? "" : "s"}` } : undefined;
    findingsView!.description = report ? `${count}` : undefined;
    callsView!.description = report ? `${report.summary.readyCallSites} of ${report.summary.callSites} ready` : undefined;
    onStatus(status);
  };
  const groupBy = (g: Grouping) => {
    findings.groupBy(g);
    setContext("findingsGrouping", g);
    void context.workspaceState.update("aiReadiness.findingsGrouping", g);
  };
  setContext("findingsGrouping", findings.currentGrouping);
  update();

  const open = async (uri: string, range: ReportRange) => {
    const start = new vscode.Position(range.start.line - 1, range.start.column - 1);
    const end = new vscode.Position(range.end.line - 1, range.end.column - 1);
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(start, end), preview: true });
  };
  const editFinding = async (node: FindingNode | undefined, action: "fix" | "ignore"): Promise<boolean> => {
    if (!node || node.kind !== "finding") return false;
    const result = await client.sendRequest<FindingEditsResult>(WorkspaceMethods.findingEdits, { uri: node.location.uri, fingerprint: node.finding.fingerprint, action });
    if ("error" in result) {
      void vscode.window.showWarningMessage(`AI Readiness: ${result.error}`);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    const uri = vscode.Uri.parse(node.location.uri);
    edit.set(uri, await client.protocol2CodeConverter.asTextEdits(result.edits));
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) await open(node.location.uri, node.finding.range).catch(() => undefined);
    return applied;
  };

  context.subscriptions.push(
    store,
    findings,
    calls,
    overview,
    findingsView,
    callsView,
    store.onDidChange(update),
    findingsView.onDidChangeVisibility(({ visible }) => visible && store.viewShown()),
    callsView.onDidChangeVisibility(({ visible }) => visible && store.viewShown()),
    vscode.window.registerWebviewViewProvider(OverviewView.id, overview),
    vscode.commands.registerCommand("aiReadiness.showPanel", () => vscode.commands.executeCommand("workbench.view.extension.aiReadiness")),
    vscode.commands.registerCommand("aiReadiness.scanWorkspace", async () => {
      if (!client.isRunning()) {
        void vscode.window.showWarningMessage("AI Readiness: the server is not running. Run 'AI Readiness: Restart Server'.");
        return;
      }
      await client.sendRequest<WorkspaceStatus>(WorkspaceMethods.scan);
      await store.refresh();
    }),
    vscode.commands.registerCommand("aiReadiness.exportReport", (format?: "markdown" | "html" | "sarif", target?: vscode.Uri) => exportReport(client, format, target)),
    vscode.commands.registerCommand("aiReadiness.openFinding", (node: FindingNode) => open(node.location.uri, node.finding.range)),
    vscode.commands.registerCommand("aiReadiness.openLocation", (uri: string, range: ReportRange) => open(uri, range)),
    vscode.commands.registerCommand("aiReadiness.applyFix", (node: FindingNode) => editFinding(node, "fix")),
    vscode.commands.registerCommand("aiReadiness.ignoreFinding", (node: FindingNode) => editFinding(node, "ignore")),
    vscode.commands.registerCommand("aiReadiness.showRuleDocs", (node: PanelNode | string) =>
      vscode.commands.executeCommand("aiReadiness.showDocs", typeof node === "string" ? node : node.kind === "finding" ? node.finding.rule : node.key),
    ),
    vscode.commands.registerCommand("aiReadiness.groupByFactor", () => groupBy("factor")),
    vscode.commands.registerCommand("aiReadiness.groupByFile", () => groupBy("file")),
    vscode.commands.registerCommand("aiReadiness.groupBySeverity", () => groupBy("severity")),
    vscode.commands.registerCommand("aiReadiness.showRuleFindings", async (rule: string) => {
      if (findings.currentGrouping !== "factor") groupBy("factor");
      const node = findings.ruleGroup(rule);
      if (node) await findingsView!.reveal(node, { select: true, focus: true, expand: true });
    }),
  );
  return { store, findings, calls };
}
