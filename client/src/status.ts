/** The status bar item: whether the AI Readiness server is running. Click for its output. */
import * as vscode from "vscode";

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

  constructor() {
    this.item.name = "AI Readiness";
    this.item.command = "aiReadiness.showOutput";
  }

  show(state: ServerState): void {
    const look = LOOK[state];
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
    this.item.backgroundColor = look.background;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
