/**
 * What the server knows of the workspace beyond open files: where auto-instrumentation is
 * turned on (it clears `untraced-model-call` everywhere) and the AI SDK's major version.
 * Built by a background walk at start-up, then kept current from file events and open documents.
 */
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { aiSdkMajorFromPackageJson, analyzeText, FileSkipped, MAX_FILE_CHARS, type FileFacts, type LanguageId, type ProjectFacts, type Span } from "../../rules/src/index";
import { findSourceFiles, type FileSystemAccess } from "../../rules/src/project/walk";
import { INSTRUMENTATION_MARKER } from "../../rules/src/model/telemetryCatalogue";

export class ProjectIndex {
  /** Files that turn on instrumentation, by path, with where. */
  private readonly instrumented = new Map<string, Span>();
  private aiSdkMajor: number | null = null;
  private cached: ProjectFacts | null = null;
  /** Files the last reads could not use, with why (unreadable, over the engine's budget). */
  readonly skipped = new Map<string, string>();

  /** `files` is Node's `fs.promises`; tests pass one that fails on purpose. */
  constructor(private readonly files: FileSystemAccess & { readFile(path: string, encoding: "utf8"): Promise<string> } = fs) {}

  facts(): ProjectFacts {
    if (!this.cached) {
      const first = [...this.instrumented.entries()].sort(([a], [b]) => (a < b ? -1 : 1))[0];
      this.cached = { instrumentation: first ? { path: first[0], span: first[1] } : null, aiSdkMajor: this.aiSdkMajor };
    }
    return this.cached;
  }

  /** Walks the folders; returns whether the project's facts changed. */
  async scan(folders: string[], isCancelled: () => boolean = () => false): Promise<boolean> {
    const before = JSON.stringify(this.facts());
    for (const folder of folders) {
      const manifest = await this.files.readFile(join(folder, "package.json"), "utf8").catch(() => null);
      if (manifest !== null && this.aiSdkMajor === null) this.aiSdkMajor = aiSdkMajorFromPackageJson(manifest);
    }
    const files = await findSourceFiles(folders, this.files, join, (path, reason) => this.skipped.set(path, reason));
    for (const file of files) {
      if (isCancelled()) break;
      await this.readFile(file.path, file.language);
    }
    this.cached = null;
    return JSON.stringify(this.facts()) !== before;
  }

  /** Re-reads one file from disk (created or changed); returns whether the project's facts changed. */
  async fileChanged(uri: string, language: LanguageId): Promise<boolean> {
    const before = JSON.stringify(this.facts());
    const path = pathOf(uri);
    if (path) await this.readFile(path, language);
    this.cached = null;
    return JSON.stringify(this.facts()) !== before;
  }

  fileDeleted(uri: string): boolean {
    this.cached = null;
    const path = pathOf(uri);
    return path !== null && this.instrumented.delete(path);
  }

  /** An open document's facts replace what the disk said. Returns whether the project's facts changed. */
  documentAnalyzed(uri: string, facts: FileFacts): boolean {
    const path = pathOf(uri);
    if (!path) return false;
    const had = this.instrumented.has(path);
    const first = facts.instrumentation[0];
    if (first) this.instrumented.set(path, first);
    else this.instrumented.delete(path);
    this.cached = null;
    return had !== Boolean(first);
  }

  private async readFile(path: string, language: LanguageId): Promise<void> {
    this.skipped.delete(path);
    const text = await this.files.readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      // Deleted since the walk found it: nothing to skip, it is simply gone.
      if (error.code !== "ENOENT") this.skipped.set(path, `could not be read (${error.code ?? String(error)})`);
      return null;
    });
    if (text === null || text.length > MAX_FILE_CHARS || !INSTRUMENTATION_MARKER.test(text)) {
      this.instrumented.delete(path);
      return;
    }
    let first: Span | undefined;
    try {
      first = analyzeText(text, language).instrumentation[0];
    } catch (error) {
      // One odd file must not stop the walk: it is skipped and said so.
      this.skipped.set(path, error instanceof FileSkipped ? error.reason : `could not be analysed (${String(error)})`);
    }
    if (first) this.instrumented.set(path, first);
    else this.instrumented.delete(path);
  }
}

/** The file path of a `file:` URI; null for untitled or virtual documents. */
export function pathOf(uri: string): string | null {
  if (!uri.startsWith("file:")) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
