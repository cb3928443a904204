/**
 * Finds the source files under some paths. File access is passed in by the host, so the
 * engine stays free of `fs`. Skips dependency, build and VCS folders, and symlink loops.
 */
import { languageForPath } from "../parse/parser";
import type { LanguageId } from "../types";

/** The part of Node's `fs.promises` the walker uses; hosts pass `fs.promises` itself. */
export interface FileSystemAccess {
  readdir(path: string, options: { withFileTypes: true }): Promise<{ name: string; isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }[]>;
  stat(path: string): Promise<{ isDirectory(): boolean; isFile(): boolean }>;
  realpath(path: string): Promise<string>;
}

export const IGNORED_FOLDERS = new Set([
  "node_modules",
  ".git",
  ".hg",
  ".svn",
  "dist",
  "build",
  "out",
  ".next",
  ".nuxt",
  ".turbo",
  ".venv",
  "venv",
  "env",
  "__pycache__",
  "site-packages",
  ".tox",
  ".mypy_cache",
  ".pytest_cache",
  "coverage",
  ".vscode-test",
]);

export interface SourceFile {
  path: string;
  language: LanguageId;
}

/**
 * Source files under `roots` (files or folders), in a stable order. A folder that cannot be
 * read is passed to `skipped` with why, and the walk goes on.
 */
export async function findSourceFiles(
  roots: string[],
  fs: FileSystemAccess,
  join: (a: string, b: string) => string,
  skipped: (path: string, reason: string) => void = () => undefined,
): Promise<SourceFile[]> {
  const found: SourceFile[] = [];
  const seen = new Set<string>();
  const kindOf = async (path: string, entry: { isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }) => {
    const target = entry.isSymbolicLink()
      ? await fs.stat(path).catch((error: { code?: string }) => {
          // A dangling link is no file; a link that loops on itself is worth saying.
          if (error?.code === "ELOOP") skipped(path, "symbolic link loops on itself");
          return null;
        })
      : entry;
    return target?.isDirectory() ? "directory" : target?.isFile() ? "file" : "other";
  };
  const visit = async (path: string, viaLink = false): Promise<void> => {
    const real = await fs.realpath(path).catch(() => path);
    if (seen.has(real)) {
      // A symlink loop, or a folder reached twice: read once.
      if (viaLink) skipped(path, "symbolic link to a folder already read");
      return;
    }
    seen.add(real);
    const entries = await fs.readdir(path, { withFileTypes: true }).catch((error: { code?: string }) => {
      // Gone since its parent was listed: nothing was lost.
      if (error?.code !== "ENOENT") skipped(path, `folder could not be read (${error?.code ?? String(error)})`);
      return [];
    });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = join(path, entry.name);
      const kind = await kindOf(child, entry);
      if (kind === "directory") {
        if (!IGNORED_FOLDERS.has(entry.name) && !entry.name.startsWith(".")) await visit(child, entry.isSymbolicLink());
      } else if (kind === "file") {
        const language = languageForPath(entry.name);
        if (language) found.push({ path: child, language });
      }
    }
  };
  for (const root of roots) {
    if ((await fs.stat(root).catch(() => null))?.isDirectory()) await visit(root);
    else {
      const language = languageForPath(root);
      if (language) found.push({ path: root, language });
    }
  }
  return found;
}
