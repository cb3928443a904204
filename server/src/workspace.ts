/**
 * The workspace scan and its results: scans every folder in the background at start-up and
 * on demand (with a cancellable progress bar), keeps up with file events and open
 * documents through the project index, and tells the client when the results changed.
 */
import { pathToFileURL } from "node:url";
import type { Connection } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { LintConfig } from "../../rules/src/index";
import type { ProjectConfigs } from "./projectConfigs";
import { ProjectIndex, pathOf, type FileRecord, type ScanScope } from "./projectIndex";
import { WorkspaceMethods, type ScanState, type WorkspaceReport, type WorkspaceStatus } from "./protocol";
import type { Session } from "./session";
import { ExcludeFilter, filesExcludeGlobs } from "./workspaceExclude";
import { folderOf, reportPath, WorkspaceReports, type Folder } from "./workspaceReport";

/** Changes are gathered this long before the client hears of them: typing sends one notice, not one per key. */
const PUBLISH_DELAY_MS = 250;

export class Workspace {
  folders: Folder[] = [];
  private state: ScanState = "notStarted";
  private scanned = 0;
  private total = 0;
  private generation = 0;
  private started = 0;
  private ms = 0;
  private run: { cancelled: boolean; done: Promise<void> } | null = null;
  private excludes = new Map<string, ExcludeFilter>();
  private timer: NodeJS.Timeout | undefined;
  private built: { generation: number; report: Promise<WorkspaceReport> } | null = null;
  readonly reports: WorkspaceReports;

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
    readonly project: ProjectIndex,
    private readonly configs: ProjectConfigs,
    /** Open documents are linted again when a scan changes what the project knows (instrumentation found). */
    private readonly onProjectFactsChanged: () => void,
    private readonly publishDelayMs = PUBLISH_DELAY_MS,
  ) {
    this.reports = new WorkspaceReports(project);
    project.onDidChange(() => this.touch());
  }

  setFolders(folders: { uri: string; name?: string }[]): void {
    this.folders = folders.flatMap(({ uri, name }) => {
      const path = pathOf(uri);
      return path ? [{ uri, path, name: name ?? path.split(/[\\/]/).filter(Boolean).pop() ?? path }] : [];
    });
  }

  /** Folders added (read with a scan) or removed (their files forgotten). */
  async foldersChanged(added: { uri: string; name: string }[], removed: { uri: string }[]): Promise<void> {
    const gone = new Set(removed.map((f) => f.uri));
    this.setFolders([...this.folders.filter((f) => !gone.has(f.uri)), ...added]);
    // A removed folder inside a remaining one keeps its files: they still belong to the outer folder.
    const nested = removed.some((f) => {
      const path = pathOf(f.uri);
      return path !== null && folderOf(this.folders, path) !== undefined;
    });
    this.project.setScope(this.scope());
    if (!nested) for (const folder of removed) this.project.fileDeleted(folder.uri);
    if (added.length > 0 || nested) await this.scan();
    else this.touch();
  }

  /** Scans every folder again; a scan under way is cancelled first. Resolves when this scan ends. */
  async scan(): Promise<void> {
    // Several requests at once: each cancels the one before it, and the last one runs.
    while (this.run) {
      this.run.cancelled = true;
      await this.run.done;
    }
    const run = { cancelled: false, done: Promise.resolve() };
    run.done = this.scanNow(run)
      .catch((error: unknown) => this.connection.console.error(`AI Readiness could not read the workspace: ${String(error)}`))
      .finally(() => {
        if (this.run === run) this.run = null;
      });
    this.run = run;
    await run.done;
  }

  /** Settings changed: the excludes may differ (then scan again), and so may the findings. */
  async configurationChanged(): Promise<void> {
    const before = JSON.stringify([...this.excludes.values()].map((f) => f.globs));
    await this.loadExcludes();
    const after = JSON.stringify([...this.excludes.values()].map((f) => f.globs));
    if (before !== after && this.state !== "notStarted") void this.scan();
    else this.touch();
  }

  /** The scan's state; the counts and scores come with `report()`. */
  status(): WorkspaceStatus {
    return { state: this.state, generation: this.generation, scanned: this.scanned, total: this.total, overall: null, findings: 0, callSites: 0 };
  }

  /** The reports of the current generation, built once however many clients ask. */
  report(): Promise<WorkspaceReport> {
    if (!this.built || this.built.generation !== this.generation) {
      const status = this.status();
      this.built = {
        generation: this.generation,
        report: this.reports.build(
          this.folders,
          async (folder) => (await this.session.settingsFor(folder.uri)).enable,
          (folder, record) => this.configFor(folder, record),
          status,
          this.ms,
        ),
      };
    }
    return this.built.report;
  }

  /** The folder, the report path and the document of a file the workspace holds. */
  locate(uri: string): { folder: Folder; path: string; absolute: string; document?: TextDocument } | null {
    const path = pathOf(uri);
    const folder = path ? folderOf(this.folders, path) : undefined;
    if (!path || !folder) return null;
    return { folder, path: reportPath(folder, path), absolute: path, document: this.session.documents.get(uri)?.text };
  }

  /**
   * A file's config as its diagnostics get it: the folder's settings (asked once per folder,
   * not per file) under the nearest `ai-readiness.json`, whose include/exclude may leave it out.
   */
  async configFor(folder: Folder, record: FileRecord): Promise<LintConfig | null> {
    const settings = await this.session.settingsFor(folder.uri);
    return settings.enable ? this.configs.lintConfigFor(pathToFileURL(record.path).toString(), settings) : null;
  }

  /** Something the results depend on changed (a config file): new results once changes settle. */
  resultsChanged(): void {
    this.touch();
  }

  private async scanNow(run: { cancelled: boolean }): Promise<void> {
    await this.loadExcludes();
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin("AI Readiness: scanning the workspace", 0, "listing files", true);
    progress.token.onCancellationRequested(() => (run.cancelled = true));
    this.state = "scanning";
    this.started = Date.now();
    this.scanned = 0;
    this.total = 0;
    this.touch(0);
    let reported = 0;
    try {
      const factsChanged = await this.project.scan(
        this.scope(),
        {
          isCancelled: () => run.cancelled,
          onProgress: (done, total) => {
            this.scanned = done;
            this.total = total;
            // A message per file would flood the client; a step of 1% or a first report is enough.
            if (done === total || done === 0 || done - reported >= Math.max(1, total / 100)) {
              reported = done;
              progress.report(total === 0 ? 100 : Math.floor((done / total) * 100), `${done} of ${total} files`);
            }
          },
        },
      );
      if (factsChanged) this.onProjectFactsChanged();
    } finally {
      progress.done();
    }
    this.state = run.cancelled ? "cancelled" : "ready";
    this.ms = Date.now() - this.started;
    this.connection.console.info(`AI Readiness ${run.cancelled ? "stopped its scan after" : "scanned"} ${this.scanned} of ${this.total} files in ${this.ms} ms`);
    this.touch(0);
  }

  private scope(): ScanScope {
    return { folders: this.folders.map((f) => f.path), isExcluded: (path) => this.isExcluded(path) };
  }

  private isExcluded(path: string): boolean {
    const folder = folderOf(this.folders, path);
    return folder ? (this.excludes.get(folder.path)?.isExcluded(reportPath(folder, path)) ?? false) : false;
  }

  /** `files.exclude` per folder from the client. (The config's include/exclude apply per file, in `configFor`.) */
  private async loadExcludes(): Promise<void> {
    const next = new Map<string, ExcludeFilter>();
    for (const folder of this.folders) {
      const filesExclude = this.session.pullsConfiguration
        ? await this.connection.workspace.getConfiguration({ scopeUri: folder.uri, section: "files.exclude" }).catch(() => null)
        : null;
      next.set(folder.path, new ExcludeFilter(filesExcludeGlobs(filesExclude)));
    }
    this.excludes = next;
  }

  /** Something changed: a new generation, and a notice to the client once changes settle. */
  private touch(delay = this.publishDelayMs): void {
    this.generation++;
    clearTimeout(this.timer);
    // While scanning, the progress bar speaks; the results follow when the scan ends.
    if (this.state === "scanning" && delay !== 0) return;
    this.timer = setTimeout(() => void this.publish(), delay);
  }

  private async publish(): Promise<void> {
    try {
      const { status } = await this.report();
      await this.connection.sendNotification(WorkspaceMethods.changed, status);
    } catch (error) {
      this.connection.console.error(`AI Readiness could not report on the workspace: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}
