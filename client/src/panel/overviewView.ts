/**
 * The Overview view, a webview: bars read faster than tree rows when comparing factors, and
 * the overall score and top problems fit one glance. Nothing remote is loaded (strict CSP,
 * see overviewHtml.ts); its buttons post messages that run the panel's commands.
 */
import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import { overviewModel } from "./model";
import { overviewHtml, type OverviewMessage } from "./overviewHtml";
import type { WorkspaceStore } from "./workspaceStore";

export class OverviewView implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly id = "aiReadiness.overview";
  private view: vscode.WebviewView | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly store: WorkspaceStore) {
    this.subscriptions.push(store.onDidChange(() => this.render()));
  }

  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [] };
    this.subscriptions.push(
      view.webview.onDidReceiveMessage((message: OverviewMessage) => this.handle(message)),
      view.onDidChangeVisibility(() => {
        if (view.visible) this.store.viewShown();
      }),
      view.onDidDispose(() => (this.view = undefined)),
    );
    this.render();
    this.store.viewShown();
  }

  private render(): void {
    if (!this.view) return;
    const report = this.store.report;
    this.view.webview.html = overviewHtml(report ? overviewModel(report) : null, randomBytes(16).toString("base64"), this.view.webview.cspSource);
    this.view.description = report?.summary.overall != null ? `${Math.round(report.summary.overall * 100)}% ready` : undefined;
  }

  private handle(message: OverviewMessage): void {
    if (message.command === "scan") void vscode.commands.executeCommand("aiReadiness.scanWorkspace");
    else if (message.command === "export") void vscode.commands.executeCommand("aiReadiness.exportReport");
    else if (message.command === "showProblem" && typeof message.rule === "string") void vscode.commands.executeCommand("aiReadiness.showRuleFindings", message.rule);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
