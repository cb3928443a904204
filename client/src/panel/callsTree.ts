/** The Model calls view: every model call site, its place, and a child row per check with its verdict. */
import * as vscode from "vscode";
import { callRows, type CallRow, type CheckMark } from "./model";
import type { WorkspaceStore } from "./workspaceStore";

type Node = CallRow | (CheckMark & { row: CallRow });

const VERDICT_ICON = {
  pass: new vscode.ThemeIcon("pass", new vscode.ThemeColor("testing.iconPassed")),
  fail: new vscode.ThemeIcon("error", new vscode.ThemeColor("testing.iconFailed")),
  unknown: new vscode.ThemeIcon("question", new vscode.ThemeColor("disabledForeground")),
};
const VERDICT_WORDS = { pass: "passes", fail: "fails", unknown: "cannot tell, or does not apply" };

export class CallsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private rows: CallRow[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(store: WorkspaceStore) {
    this.subscription = store.onDidChange(() => {
      this.rows = store.report ? callRows(store.report) : [];
      this.emitter.fire(undefined);
    });
  }

  /** The rows as the view shows them (also for tests). */
  callRows(): readonly CallRow[] {
    return this.rows;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.rows;
    return "site" in node ? node.marks.map((m) => ({ ...m, row: node })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ("site" in node) {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = node.description;
      item.tooltip = node.tooltip;
      item.iconPath = node.state === "ready" ? VERDICT_ICON.pass : VERDICT_ICON.fail;
      item.contextValue = `call.${node.state}`;
      item.command = { title: "Open", command: "aiReadiness.openLocation", arguments: [node.location.uri, node.site.range] };
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.row.id}/${node.name}`;
    item.description = VERDICT_WORDS[node.verdict];
    item.iconPath = VERDICT_ICON[node.verdict];
    item.contextValue = `check.${node.verdict}`;
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
