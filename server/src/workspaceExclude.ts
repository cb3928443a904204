/**
 * Which paths of a workspace folder the scan leaves out: VS Code's `files.exclude`, pulled
 * per folder from the client. Globs are matched against the path relative to the folder,
 * and against each of its parent folders, as VS Code does. (`.gitignore` is honoured by the
 * walk itself, in rules/src/project/walk.ts; `ai-readiness.json`'s include/exclude per file,
 * by the config the reports lint each file with.)
 */

export class ExcludeFilter {
  private readonly patterns: RegExp[];

  constructor(readonly globs: readonly string[]) {
    this.patterns = globs.map(globToRegExp);
  }

  /** `relativePath` uses `/`; true when it or a folder above it matches a glob. */
  isExcluded(relativePath: string): boolean {
    if (this.patterns.length === 0) return false;
    const parts = relativePath.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join("/");
      if (this.patterns.some((p) => p.test(prefix))) return true;
    }
    return false;
  }
}

/**
 * The globs `files.exclude` turns on. An entry set to an object is a sibling condition
 * (`{ "when": "$(basename).ts" }`): it is not followed, so such files are scanned; scanning
 * one file too many is harmless, leaving out the user's code is not.
 */
export function filesExcludeGlobs(setting: unknown): string[] {
  if (!setting || typeof setting !== "object") return [];
  return Object.entries(setting as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}

/** A VS Code glob (`**`, `*`, `?`, `{a,b}`, `[abc]`) as an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  let braces = 0;
  const g = glob.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
  for (let i = 0; i < g.length; i++) {
    const ch = g[i];
    if (ch === "*") {
      if (g[i + 1] === "*") {
        // `**/` matches zero or more folders; a trailing `**` anything below.
        const slash = g[i + 2] === "/";
        source += slash ? "(?:[^/]*/)*" : ".*";
        i += slash ? 2 : 1;
      } else source += "[^/]*";
    } else if (ch === "?") source += "[^/]";
    else if (ch === "{") {
      braces++;
      source += "(?:";
    } else if (ch === "}" && braces > 0) {
      braces--;
      source += ")";
    } else if (ch === "," && braces > 0) source += "|";
    else if (ch === "[") {
      const end = g.indexOf("]", i + 1);
      if (end < 0) source += "\\[";
      else {
        const body = g.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\");
        source += `[${body}]`;
        i = end;
      }
    } else source += /[.+^$()|\\/]/.test(ch) ? `\\${ch}` : ch;
  }
  return new RegExp(`^${source}$`);
}
