/**
 * The status bar item: the overall readiness score once the workspace is scanned (click
 * for the panel), or the server's state while it starts or after it stopped (click for its output).
 */
import * as vscode from "vscode";
import type { WorkspaceStatus } from "../../server/src/protocol";

export type ServerState = "starting" | "running" | "stopped";

const LOOK: Record<ServerState, { text: string; tooltip: string; background?: vscode.ThemeColor }> = {
  starting: { text: "$(sync~spin) AI Readiness", tooltip: "AI Readiness: starting the server" },
  running: { text: "$(pulse) AI Readiness", tooltip: "AI Readiness: checking AI code as you type. Click for the output." },
  stopped: {
    text: "$(error) AI Readiness",
    tooltip: "AI Readiness: the server stopped. Click for the output; run 'AI Readiness: Restart Server' to start it again.",
    background: new vscode.ThemeColor("statusBarItem.errorBackground"),
  },
};

export class ServerStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("aiReadiness.status", vscode.StatusBarAlignment.Right, 100);
  private state: ServerState = "starting";
  private workspace: WorkspaceStatus | undefined;

  constructor() {
    this.item.name = "AI Readiness";
    this.item.command = "aiReadiness.showOutput";
  }

  show(state: ServerState): void {
    this.state = state;
    if (state !== "running") this.workspace = undefined;
    this.draw();
  }

  /** The server's latest word on the workspace. */
  showWorkspace(status: WorkspaceStatus | undefined): void {
    this.workspace = status;
    this.draw();
  }

  private draw(): void {
    const look = LOOK[this.state];
    const ws = this.workspace;
    this.item.backgroundColor = look.background;
    if (this.state === "running" && ws && ws.state !== "notStarted") {
      const score = ws.overall === null ? "–" : `${Math.round(ws.overall * 100)}%`;
      const scanning = ws.state === "scanning";
      this.item.text = scanning ? `$(sync~spin) AI Readiness ${ws.scanned}/${ws.total}` : `$(pulse) AI Readiness ${score}`;
      this.item.tooltip = scanning
        ? `AI Readiness: scanning the workspace (${ws.scanned} of ${ws.total} files). Click for the panel.`
        : `AI Readiness: overall readiness ${score}, ${ws.findings} finding${ws.findings === 1 ? "" : "s"} in ${ws.callSites} model call${ws.callSites === 1 ? "" : "s"}. Click for the panel.`;
      this.item.command = "aiReadiness.showPanel";
    } else {
      this.item.text = look.text;
      this.item.tooltip = look.tooltip;
      this.item.command = "aiReadiness.showOutput";
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
