/**
 * The client's copy of the workspace results: the status the server announces, and the full
 * report fetched when it moved on and some view wants it. One request at a time; a change
 * that arrives meanwhile is fetched right after.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { WorkspaceMethods, type WorkspaceReport, type WorkspaceStatus } from "../../../server/src/protocol";

/** Fetches follow one another no faster than this: in a large workspace a report is megabytes. */
const MIN_FETCH_INTERVAL_MS = 500;

export class WorkspaceStore implements vscode.Disposable {
  status: WorkspaceStatus | undefined;
  report: WorkspaceReport | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when `status` or `report` changed. */
  readonly onDidChange = this.emitter.event;
  private fetching: Promise<void> | undefined;
  private again = false;
  private lastFetch = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    /** Whether a view shows the report now: otherwise it is fetched when one opens. */
    private readonly wanted: () => boolean,
  ) {
    this.subscriptions.push(
      client.onNotification(WorkspaceMethods.changed, (status: WorkspaceStatus) => {
        this.status = status;
        this.emitter.fire();
        if (this.wanted()) void this.refresh();
      }),
    );
  }

  /** The report is behind the last status the server sent. */
  get stale(): boolean {
    return this.status !== undefined && this.report?.status.generation !== this.status.generation;
  }

  /** Fetches the report now (or right after the fetch under way). */
  refresh(): Promise<void> {
    if (this.fetching) {
      this.again = true;
      return this.fetching;
    }
    this.fetching = (async () => {
      do {
        const wait = this.lastFetch + MIN_FETCH_INTERVAL_MS - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        this.again = false; // what arrived while waiting is in this fetch
        this.lastFetch = Date.now();
        try {
          this.report = await this.client.sendRequest<WorkspaceReport>(WorkspaceMethods.report);
          if (!this.status || this.report.status.generation >= this.status.generation) this.status = this.report.status;
          this.emitter.fire();
        } catch {
          // The server stopped or restarts: its next notice brings fresh results.
        }
      } while (this.again);
    })().finally(() => (this.fetching = undefined));
    return this.fetching;
  }

  /** A view became visible: bring the report up to date if it is behind. */
  viewShown(): void {
    if (this.stale || (!this.report && this.client.isRunning())) void this.refresh();
  }

  /** The server stopped: what it said no longer holds. */
  clear(): void {
    this.status = undefined;
    this.report = undefined;
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
