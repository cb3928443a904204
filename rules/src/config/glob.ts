/**
 * Globs, one translation for the whole project: `*` and `?` stay inside one path segment,
 * `**` spans any number of segments, `{a,b}` picks one, `[abc]`/`[!abc]` is a character class.
 * Paths are relative, with `/` separators.
 *
 * `globToRegExp` is the glob alone, anchored (VS Code's `files.exclude`). `globMatcher` reads
 * the `include`/`exclude` patterns of `ai-readiness.json` as `.gitignore` does: a pattern with
 * no `/` matches at any depth (`tests` = `**\/tests`), and a pattern that matches a folder
 * matches everything inside it.
 */
export type PathMatcher = (relativePath: string) => boolean;

export function globMatcher(patterns: readonly string[]): PathMatcher {
  const regexes = patterns.map((pattern) => {
    let glob = clean(pattern.trim());
    if (!glob.includes("/")) glob = `**/${glob}`;
    return new RegExp(`^${globSource(glob.replace(/^\//, ""))}(?:/.*)?$`);
  });
  return (path) => regexes.some((regex) => regex.test(path));
}

export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${globSource(clean(glob))}$`);
}

/** Backslashes as separators, no leading `./`, no trailing `/`. */
function clean(glob: string): string {
  return glob.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
}

function globSource(g: string): string {
  let source = "";
  let braces = 0;
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
    else if (ch === "{" && g.indexOf("}", i) > i) {
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
    } else source += /[.+^$()|\\/{}\]]/.test(ch) ? `\\${ch}` : ch;
  }
  return source;
}
