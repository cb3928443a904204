/**
 * The `include`/`exclude` patterns of `ai-readiness.json`, matched against paths relative to
 * the config file's folder with `/` separators. The usual glob syntax: `*` and `?` stay inside
 * one path segment, `**` spans any number of segments, `{a,b}` picks one. As in `.gitignore`,
 * a pattern with no `/` matches at any depth (`tests` = `**\/tests`), and a pattern that
 * matches a folder matches everything inside it.
 */
export type PathMatcher = (relativePath: string) => boolean;

export function globMatcher(patterns: readonly string[]): PathMatcher {
  const regexes = patterns.map(globToRegExp);
  return (path) => regexes.some((regex) => regex.test(path));
}

export function globToRegExp(pattern: string): RegExp {
  let glob = pattern.trim().replace(/^\.\//, "").replace(/\/+$/, "");
  if (!glob.includes("/")) glob = `**/${glob}`;
  glob = glob.replace(/^\//, "");
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      // `**/` is zero or more whole segments; a trailing `**` is everything below.
      if (glob[i + 2] === "/") {
        source += "(?:[^/]+/)*";
        i += 2;
      } else {
        source += ".*";
        i += 1;
      }
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "{") {
      const close = glob.indexOf("}", i);
      if (close === -1) source += "\\{";
      else {
        source += `(?:${glob.slice(i + 1, close).split(",").map(escape).join("|")})`;
        i = close;
      }
    } else source += escape(c);
  }
  return new RegExp(`^${source}(?:/.*)?$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
