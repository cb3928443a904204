/**
 * What the server knows of the workspace beyond open files: the model facts of every source
 * file (the readiness panel's findings and call sites come from them), where
 * auto-instrumentation is turned on (it clears `untraced-model-call` everywhere) and the AI
 * SDK's major version. Built by a background walk that reads each file once, then kept
 * current file by file from file events and open documents: never a full rescan for an edit.
 */
import { promises as fs } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { aiSdkMajorFromPackageJson, analyzeText, FileSkipped, mayContainModelCode, type FileFacts, type LanguageId, type ProjectFacts, type Span } from "../../rules/src/index";
import { findSourceFiles } from "../../rules/src/project/walk";
import { INSTRUMENTATION_MARKER } from "../../rules/src/model/telemetryCatalogue";
import { exportedClientsOf, moduleExportsOf, projectFactsFor } from "../../rules/src/project/exportedClients";
import { ModuleResolver, type PathAliases } from "../../rules/src/project/moduleResolution";
import { tsconfigAliases } from "../../rules/src/project/tsconfigAliases";
import { readSource } from "../../rules/src/project/readSource";

export interface FileRecord {
  path: string;
  language: LanguageId;
  /** Null when the text holds no model-code marker: nothing to check, nothing kept. */
  facts: FileFacts | null;
  /** Why the file was not checked (too large, binary, unreadable, could not be analysed). */
  skipped: string | null;
  /** The open editor's text gave these facts, not the disk. */
  fromEditor: boolean;
}

/** The folders a scan covers and what it leaves out (absolute paths). */
export interface ScanScope {
  folders: string[];
  isExcluded(path: string): boolean;
}

export interface ScanOptions {
  isCancelled?: () => boolean;
  /** Called after each file: how many are read, of how many. */
  onProgress?: (done: number, total: number) => void;
}

export class ProjectIndex {
  private readonly records = new Map<string, FileRecord>();
  /** Files that turn on instrumentation, by path, with where. */
  private readonly instrumented = new Map<string, Span>();
  private aiSdkMajor: number | null = null;
  private cached: ProjectFacts | null = null;
  /** tsconfig path aliases, read at each scan. */
  private aliases: PathAliases[] = [];
  /** Module resolution over the indexed files: rebuilt only when files come or go, not on every edit. */
  private resolution: { resolver: ModuleResolver; pathOf: Map<string, string> } | null = null;
  private scope: ScanScope = { folders: [], isExcluded: () => false };
  private readonly listeners = new Set<() => void>();
  /** Folders and links the last walk could not follow, with why (unreadable, a symlink loop). */
  readonly walkSkipped = new Map<string, string>();

  facts(): ProjectFacts {
    if (!this.cached) {
      const first = [...this.instrumented.entries()].sort(([a], [b]) => (a < b ? -1 : 1))[0];
      this.cached = { instrumentation: first ? { path: first[0], span: first[1] } : null, aiSdkMajor: this.aiSdkMajor };
    }
    return this.cached;
  }

  /**
   * The project as seen from one file: its imports of project clients (`from app.llm import
   * client`, `import { openai } from "../lib/ai"`) resolve through the indexed files.
   */
  factsFor(uri: string, facts: FileFacts): ProjectFacts {
    const path = pathOf(uri);
    if (!path) return this.facts();
    if (!this.resolution) {
      const pathOf = new Map([...this.records.keys()].map((known) => [slashed(known), known]));
      this.resolution = { pathOf, resolver: new ModuleResolver(new Set(pathOf.keys()), this.aliases) };
    }
    const { pathOf: native, resolver } = this.resolution;
    // Exports are read from the records at lookup time, so an edit needs no rebuild.
    return projectFactsFor(this.facts(), slashed(path), facts, resolver, (target) => moduleExportsOf(this.records.get(native.get(target) ?? "")?.facts ?? null));
  }

  /** What a file exports for others to import, as a comparable key. */
  private exportsKey(path: string): string {
    const facts = this.records.get(path)?.facts ?? null;
    const exported = exportedClientsOf(facts);
    return JSON.stringify([[...exported.values()].map((c) => [c.name, c.sdk.id, c.options?.entries.map((e) => [e.name, e.valueText])]), facts?.reexports ?? []]);
  }

  /** Every source file of the scanned folders, in no particular order. */
  files(): IterableIterator<FileRecord> {
    return this.records.values();
  }

  file(path: string): FileRecord | undefined {
    return this.records.get(path);
  }

  /** The folders events are followed in, when they change without a scan (a folder removed). */
  setScope(scope: ScanScope): void {
    this.scope = scope;
  }

  /** Called whenever a file's facts or the project's facts change. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Walks the folders, reading each file once; returns whether the project's facts changed.
   * A cancelled walk keeps what it read; a complete one also forgets files that are gone.
   */
  async scan(scope: ScanScope | string[], options: ScanOptions = {}): Promise<boolean> {
    this.scope = Array.isArray(scope) ? { folders: scope, isExcluded: () => false } : scope;
    const isCancelled = options.isCancelled ?? (() => false);
    const before = JSON.stringify(this.facts());
    let major: number | null = null;
    for (const folder of this.scope.folders) {
      const manifest = await fs.readFile(join(folder, "package.json"), "utf8").catch(() => null);
      if (manifest !== null && major === null) major = aiSdkMajorFromPackageJson(manifest);
    }
    this.aiSdkMajor = major;
    this.walkSkipped.clear();
    const files = (await findSourceFiles(this.scope.folders, fs, join, { skipped: (path, reason) => this.walkSkipped.set(path, reason) })).filter((f) => !this.scope.isExcluded(f.path));
    options.onProgress?.(0, files.length);
    const seen = new Set<string>();
    for (const [index, file] of files.entries()) {
      if (isCancelled()) break;
      seen.add(file.path);
      if (!this.records.get(file.path)?.fromEditor) await this.readFile(file.path, file.language);
      options.onProgress?.(index + 1, files.length);
    }
    if (!isCancelled()) {
      for (const [path, record] of this.records) {
        if (!seen.has(path) && !record.fromEditor) this.forget(path);
      }
    }
    // `@/lib/ai`-style imports resolve through the tsconfig aliases above the scripts that import.
    const scriptFolders = [...this.records.values()].filter((r) => r.language !== "python" && r.facts?.callSites.some((c) => c.importedFrom)).map((r) => dirname(r.path));
    this.aliases = await tsconfigAliases(scriptFolders, (path) => fs.readFile(path, "utf8").catch(() => null), { join, dirname, slashed });
    this.resolution = null;
    this.changed();
    // Open files may import clients the scan has just found.
    return JSON.stringify(this.facts()) !== before || [...this.records.values()].some((r) => exportedClientsOf(r.facts).size > 0);
  }

  /** Re-reads one file from disk (created or changed); returns whether the project's facts changed. */
  async fileChanged(uri: string, language: LanguageId): Promise<boolean> {
    const before = JSON.stringify(this.facts());
    const path = pathOf(uri);
    const exportsBefore = path ? this.exportsKey(path) : "";
    if (path) {
      if (this.inScope(path)) await this.readFile(path, language);
      else this.forget(path);
      this.changed();
    }
    // A changed client in `llm/client.py` changes every file that imports it.
    return JSON.stringify(this.facts()) !== before || (path !== null && this.exportsKey(path) !== exportsBefore);
  }

  /** A file or a whole folder is gone; returns whether the project's facts changed. */
  fileDeleted(uri: string): boolean {
    const before = JSON.stringify(this.facts());
    const path = pathOf(uri);
    if (!path) return false;
    const below = path.endsWith(sep) ? path : path + sep;
    const gone = [...new Set([...this.records.keys(), ...this.instrumented.keys()])].filter((known) => known === path || known.startsWith(below));
    if (gone.length === 0) return false;
    for (const known of gone) this.forget(known);
    this.changed();
    return JSON.stringify(this.facts()) !== before;
  }

  /** A folder appeared (created, or renamed into place): reads the source files in it. */
  async folderCreated(uri: string): Promise<boolean> {
    const before = JSON.stringify(this.facts());
    const path = pathOf(uri);
    if (!path || !this.inScope(path) || !(await fs.stat(path).catch(() => null))?.isDirectory()) return false;
    for (const file of await findSourceFiles([path], fs, join)) {
      if (!this.scope.isExcluded(file.path) && !this.records.get(file.path)?.fromEditor) await this.readFile(file.path, file.language);
    }
    this.changed();
    return JSON.stringify(this.facts()) !== before;
  }

  /** An open document's facts replace what the disk said. Returns whether the project's facts changed. */
  documentAnalyzed(uri: string, facts: FileFacts): boolean {
    const path = pathOf(uri);
    if (!path) return false;
    const had = this.instrumented.has(path);
    const exportsBefore = this.exportsKey(path);
    const first = facts.instrumentation[0];
    if (first) this.instrumented.set(path, first);
    else this.instrumented.delete(path);
    this.cached = null;
    if (this.inScope(path)) this.setRecord({ path, language: facts.language, facts, skipped: null, fromEditor: true });
    this.changed();
    return had !== Boolean(first) || this.exportsKey(path) !== exportsBefore;
  }

  /** The editor closed a document: the disk's text counts again (unsaved edits are dropped). */
  async documentClosed(uri: string, language: LanguageId): Promise<boolean> {
    const path = pathOf(uri);
    if (!path || !this.records.get(path)?.fromEditor) return false;
    this.records.delete(path);
    this.resolution = null;
    return this.fileChanged(uri, language);
  }

  private inScope(path: string): boolean {
    return this.scope.folders.some((folder) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)) && !this.scope.isExcluded(path);
  }

  private forget(path: string): void {
    if (this.records.delete(path)) this.resolution = null;
    if (this.instrumented.delete(path)) this.cached = null;
  }

  private setRecord(record: FileRecord): void {
    if (!this.records.has(record.path)) this.resolution = null;
    this.records.set(record.path, record);
  }

  private changed(): void {
    this.cached = null;
    for (const listener of this.listeners) listener();
  }

  private async readFile(path: string, language: LanguageId): Promise<void> {
    const text = await readSource(path, fs);
    let facts: FileFacts | null = null;
    let skipped = typeof text === "string" ? null : text.skipped;
    if (typeof text === "string" && (mayContainModelCode(text) || INSTRUMENTATION_MARKER.test(text))) {
      try {
        facts = analyzeText(text, language);
      } catch (error) {
        skipped = error instanceof FileSkipped ? error.reason : `could not be analysed (${error instanceof Error ? error.message : String(error)})`;
      }
    }
    this.setRecord({ path, language, facts, skipped, fromEditor: false });
    const first = facts?.instrumentation[0];
    if (first) this.instrumented.set(path, first);
    else this.instrumented.delete(path);
    this.cached = null;
  }
}


const slashed = (path: string) => path.split(sep).join("/");

/** The file path of a `file:` URI; null for untitled or virtual documents. */
export function pathOf(uri: string): string | null {
  if (!uri.startsWith("file:")) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
