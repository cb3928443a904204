/** The Findings view: the panel model's groups as a tree, with counts, icons and `contextValue`-driven actions. */
import * as vscode from "vscode";
import { groupFindings, type GroupNode, type Grouping, type PanelNode } from "./model";
import type { WorkspaceStore } from "./workspaceStore";

const SEVERITY_ICON = {
  error: new vscode.ThemeIcon("error", new vscode.ThemeColor("problemsErrorIcon.foreground")),
  warning: new vscode.ThemeIcon("warning", new vscode.ThemeColor("problemsWarningIcon.foreground")),
  info: new vscode.ThemeIcon("info", new vscode.ThemeColor("problemsInfoIcon.foreground")),
};
const LEVEL_ICON = { factor: new vscode.ThemeIcon("dashboard"), rule: new vscode.ThemeIcon("law"), severity: new vscode.ThemeIcon("filter") };

export class FindingsTree implements vscode.TreeDataProvider<PanelNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<PanelNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: GroupNode[] = [];
  private readonly parents = new Map<PanelNode, GroupNode>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: WorkspaceStore,
    private grouping: Grouping,
  ) {
    this.subscription = store.onDidChange(() => this.rebuild());
    this.rebuild();
  }

  get currentGrouping(): Grouping {
    return this.grouping;
  }

  groupBy(grouping: Grouping): void {
    this.grouping = grouping;
    this.rebuild();
  }

  /** The top-level groups, as the view shows them (also for tests). */
  rootNodes(): readonly GroupNode[] {
    return this.roots;
  }

  getChildren(node?: PanelNode): PanelNode[] {
    if (!node) return this.roots;
    return node.kind === "group" ? node.children : [];
  }

  getParent(node: PanelNode): GroupNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: PanelNode): vscode.TreeItem {
    if (node.kind === "finding") {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = node.description;
      item.tooltip = node.tooltip;
      item.iconPath = SEVERITY_ICON[node.finding.severity];
      item.contextValue = node.finding.fix ? "finding.fixable" : "finding";
      item.command = { title: "Open", command: "aiReadiness.openFinding", arguments: [node] };
      return item;
    }
    const expanded = node.level === "factor" || node.level === "severity" || (this.grouping === "file" && this.roots.length <= 20);
    const item = new vscode.TreeItem(node.label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.level === "file" && node.location) {
      item.resourceUri = vscode.Uri.parse(node.location.uri);
      item.iconPath = vscode.ThemeIcon.File;
    } else if (node.level === "severity") item.iconPath = SEVERITY_ICON[node.key as keyof typeof SEVERITY_ICON];
    else item.iconPath = LEVEL_ICON[node.level as keyof typeof LEVEL_ICON];
    item.contextValue = `group.${node.level}`;
    return item;
  }

  /** The rule's group of the factor grouping, to reveal a top problem of the overview. */
  ruleGroup(rule: string): GroupNode | undefined {
    for (const root of this.roots) {
      const found = root.children.find((c): c is GroupNode => c.kind === "group" && c.level === "rule" && c.key === rule);
      if (found) return found;
    }
    return undefined;
  }

  private rebuild(): void {
    this.roots = this.store.report ? groupFindings(this.store.report, this.grouping) : [];
    this.parents.clear();
    const walk = (parent: GroupNode) => {
      for (const child of parent.children) {
        this.parents.set(child, parent);
        if (child.kind === "group") walk(child);
      }
    };
    this.roots.forEach(walk);
    this.emitter.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
