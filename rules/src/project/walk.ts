/**
 * Finds the source files under some paths. File access is passed in by the host, so the
 * engine stays free of `fs`. Skips dependency, build and VCS folders, what `.gitignore`
 * files ignore, and symlink loops.
 */
import { languageForPath } from "../parse/parser";
import type { LanguageId } from "../types";
import { Gitignore, ignoredIn, type IgnoreLevel } from "./gitignore";

/** The part of Node's `fs.promises` the walker uses; hosts pass `fs.promises` itself. */
export interface FileSystemAccess {
  readdir(path: string, options: { withFileTypes: true }): Promise<{ name: string; isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }[]>;
  stat(path: string): Promise<{ isDirectory(): boolean; isFile(): boolean }>;
  realpath(path: string): Promise<string>;
  /** Reads `.gitignore` files; without it the walk ignores them. */
  readFile?(path: string, encoding: "utf8"): Promise<string>;
}

export interface WalkOptions {
  /** Leave out what `.gitignore` files ignore (default true, when `fs.readFile` is given). */
  gitignore?: boolean;
  /** Told of each folder that cannot be read and each looping link, with why; the walk goes on. */
  skipped?: (path: string, reason: string) => void;
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
 * Source files under `roots` (files or folders), in a stable order. A file named in `roots`
 * is always included; `.gitignore` files only prune the walk inside folders. Those in the
 * folders walked apply, and so do those between a folder and its repository's root, and
 * the repository's `.git/info/exclude`.
 */
export async function findSourceFiles(
  roots: string[],
  fs: FileSystemAccess,
  join: (a: string, b: string) => string,
  options: WalkOptions = {},
): Promise<SourceFile[]> {
  const readFile = options.gitignore !== false && fs.readFile ? fs.readFile.bind(fs) : null;
  const skipped = options.skipped ?? (() => undefined);
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
  const gitignoreAt = async (path: string): Promise<Gitignore | null> => {
    const text = readFile ? await readFile(path, "utf8").catch(() => null) : null;
    const parsed = text === null ? null : Gitignore.parse(text);
    return parsed && !parsed.isEmpty ? parsed : null;
  };
  const gitignoreIn = (folder: string) => gitignoreAt(join(folder, ".gitignore"));
  /** `names`: the path from the top of the walk (the repository's root, when there is one). */
  const visit = async (path: string, names: string[], levels: IgnoreLevel[], viaLink = false): Promise<void> => {
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
    if (readFile && entries.some((e) => e.name === ".gitignore")) {
      const gitignore = await gitignoreIn(path);
      if (gitignore) levels = [...levels, { gitignore, base: names }];
    }
    const ignored = ignoredIn(levels, names);
    for (const entry of entries) {
      const child = join(path, entry.name);
      const kind = await kindOf(child, entry);
      if (kind === "directory") {
        if (!IGNORED_FOLDERS.has(entry.name) && !entry.name.startsWith(".") && !ignored(entry.name, true)) await visit(child, [...names, entry.name], levels, entry.isSymbolicLink());
      } else if (kind === "file") {
        const language = languageForPath(entry.name);
        if (language && !ignored(entry.name, false)) found.push({ path: child, language });
      }
    }
  };
  /**
   * The ignore files above `folder` up to its repository's root (`.git/info/exclude` first,
   * the weakest), and `folder`'s path from that root.
   */
  const enclosing = async (folder: string): Promise<{ names: string[]; levels: IgnoreLevel[] }> => {
    const none = { names: [], levels: [] };
    if (!readFile) return none;
    const chain = [await fs.realpath(folder).catch(() => folder)];
    let git: { isDirectory(): boolean } | null;
    for (;;) {
      const dir = chain[chain.length - 1];
      git = await fs.stat(join(dir, ".git")).catch(() => null);
      if (git) break;
      const parent = await fs.realpath(join(dir, "..")).catch(() => dir);
      if (parent === dir) return none; // not in a repository: only the folder's own .gitignore files count
      chain.push(parent);
    }
    const names: string[] = [];
    const levels: IgnoreLevel[] = [];
    // A linked worktree's `.git` is a file; its exclude file lives in the main repository, and is left out.
    const exclude = git.isDirectory() ? await gitignoreAt([".git", "info", "exclude"].reduce((path, name) => join(path, name), chain[chain.length - 1])) : null;
    if (exclude) levels.push({ gitignore: exclude, base: [] });
    for (let k = chain.length - 1; k >= 1; k--) {
      const gitignore = await gitignoreIn(chain[k]);
      if (gitignore) levels.push({ gitignore, base: [...names] });
      names.push(chain[k - 1].slice(chain[k].length).replace(/^[\\/]+/, ""));
    }
    return { names, levels };
  };
  for (const root of roots) {
    if ((await fs.stat(root).catch(() => null))?.isDirectory()) {
      const { names, levels } = await enclosing(root);
      await visit(root, names, levels);
    } else {
      const language = languageForPath(root);
      if (language) found.push({ path: root, language });
    }
  }
  return found;
}
