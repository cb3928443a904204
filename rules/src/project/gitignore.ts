/**
 * `.gitignore` patterns, as git reads them (gitignore(5)): comments, escapes, negation,
 * directory-only patterns, patterns anchored by a slash, `*`, `?`, `[…]` and `**`.
 * Pure text in, answers out: the walker reads the files.
 */

interface IgnoreRule {
  regex: RegExp;
  negated: boolean;
  directoryOnly: boolean;
  /** No slash in the pattern: it matches a name at any depth, so it is tested on the name alone. */
  nameOnly: boolean;
}

/** The rules of one `.gitignore` file, for paths relative to its folder. */
export class Gitignore {
  /** All name rules, and all path rules, as one regex each: most paths match none, and are answered at once. */
  private readonly anyName: RegExp | null;
  private readonly anyPath: RegExp | null;

  private constructor(private readonly rules: IgnoreRule[]) {
    const union = (list: IgnoreRule[]) => (list.length === 0 ? null : new RegExp(list.map((r) => `(?:${r.regex.source})`).join("|")));
    this.anyName = union(rules.filter((r) => r.nameOnly));
    this.anyPath = union(rules.filter((r) => !r.nameOnly));
  }

  static parse(text: string): Gitignore {
    const rules: IgnoreRule[] = [];
    for (const line of text.split(/\r?\n/)) {
      const rule = parseLine(line);
      if (rule) rules.push(rule);
    }
    return new Gitignore(rules);
  }

  get isEmpty(): boolean {
    return this.rules.length === 0;
  }

  /**
   * `true` when the last rule that matches ignores the path, `false` when it re-includes it
   * (`!pattern`), `undefined` when no rule matches. `path` is relative to this file's folder,
   * with `/` between names.
   */
  match(path: string, isDirectory: boolean): boolean | undefined {
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (!this.anyName?.test(name) && !this.anyPath?.test(path)) return undefined;
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i];
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.regex.test(rule.nameOnly ? name : path)) return !rule.negated;
    }
    return undefined;
  }
}

/** The `.gitignore` files that apply to a folder, outermost first, each with the folder it sits in. */
export interface IgnoreLevel {
  gitignore: Gitignore;
  /** The names from the top of the walk to the `.gitignore`'s folder. */
  base: readonly string[];
}

/**
 * Whether `names` (a path from the top of the walk) is ignored: the deepest `.gitignore`
 * with a matching rule decides, as in git; a `.gitignore` speaks only of paths inside its
 * folder. Parents are the caller's business: a walker does not enter an ignored folder,
 * so nothing inside it can be re-included.
 */
export function isIgnored(levels: readonly IgnoreLevel[], names: readonly string[], isDirectory: boolean): boolean {
  return names.length > 0 && ignoredIn(levels, names.slice(0, -1))(names[names.length - 1], isDirectory);
}

/**
 * The same question for the entries of one folder (`folder`: its names from the top of the
 * walk), with each `.gitignore`'s path to the folder worked out once, not once per entry.
 */
export function ignoredIn(levels: readonly IgnoreLevel[], folder: readonly string[]): (name: string, isDirectory: boolean) => boolean {
  const applying = levels
    .filter(({ base }) => base.length <= folder.length && base.every((name, k) => folder[k] === name))
    .map(({ gitignore, base }) => ({ gitignore, prefix: folder.slice(base.length).map((n) => `${n}/`).join("") }))
    .reverse();
  return (name, isDirectory) => {
    for (const { gitignore, prefix } of applying) {
      const answer = gitignore.match(prefix + name, isDirectory);
      if (answer !== undefined) return answer;
    }
    return false;
  };
}

function parseLine(raw: string): IgnoreRule | null {
  let line = trimTrailingSpaces(raw);
  if (line === "" || line.startsWith("#")) return null;
  let negated = false;
  if (line.startsWith("!")) {
    negated = true;
    line = line.slice(1);
  }
  let directoryOnly = false;
  if (line.endsWith("/") && !line.endsWith("\\/")) {
    directoryOnly = true;
    line = line.replace(/\/+$/, "");
  }
  if (line === "") return null;
  // A slash at the start or in the middle anchors the pattern to the .gitignore's folder.
  const anchored = line.includes("/");
  if (line.startsWith("/")) line = line.slice(1);
  const source = translate(line);
  if (source === null) return null;
  return { regex: new RegExp(`^${source}$`), negated, directoryOnly, nameOnly: !anchored };
}

/** Trailing spaces are dropped unless the last one is escaped with a backslash. */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === " ") {
    if (end >= 2 && line[end - 2] === "\\") break;
    end--;
  }
  return line.slice(0, end);
}

/** The glob as a regular expression source, or null when it cannot match anything. */
function translate(glob: string): string | null {
  const segments = glob.split("/");
  let out = "";
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    if (segment === "**") {
      // `**/x`: x in any folder; `a/**/b`: zero or more folders between; `a/**`: all inside a.
      out += last ? ".*" : "(?:[^/]*/)*";
      continue;
    }
    const part = translateSegment(segment);
    if (part === null) return null;
    out += part + (last ? "" : "/");
  }
  // `a/**` was written as `a/` + `.*`: it matches what is inside a, never a itself.
  return out.endsWith("/.*") ? `${out.slice(0, -2)}.+` : out;
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: "a-zA-Z0-9",
  alpha: "a-zA-Z",
  digit: "0-9",
  lower: "a-z",
  upper: "A-Z",
  space: " \\t\\r\\n\\v\\f",
  xdigit: "0-9a-fA-F",
  punct: "!-/:-@\\[-`{-~",
};

function translateSegment(segment: string): string | null {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === "\\") {
      i++;
      if (i < segment.length) out += escapeRegex(segment[i]);
    } else if (c === "*") {
      while (segment[i + 1] === "*") i++; // `**` inside a name is a plain `*`
      out += "[^/]*";
    } else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const cls = charClass(segment, i);
      if (cls) {
        out += cls.source;
        i = cls.end;
      } else out += "\\[";
    } else out += escapeRegex(c);
  }
  return out;
}

/** A `[…]` bracket expression starting at `start`, or null when it is not closed (then `[` is literal). */
function charClass(segment: string, start: number): { source: string; end: number } | null {
  let i = start + 1;
  let negated = false;
  if (segment[i] === "!" || segment[i] === "^") {
    negated = true;
    i++;
  }
  let body = "";
  let first = true;
  for (; i < segment.length; i++) {
    const c = segment[i];
    if (c === "]" && !first) return { source: `[${negated ? "^" : ""}${body}${negated ? "/" : ""}]`, end: i };
    first = false;
    if (c === "[" && segment[i + 1] === ":") {
      const close = segment.indexOf(":]", i + 2);
      const name = close < 0 ? "" : segment.slice(i + 2, close);
      if (name in POSIX_CLASSES) {
        body += POSIX_CLASSES[name];
        i = close + 1;
        continue;
      }
    }
    if (c === "\\" && i + 1 < segment.length) {
      i++;
      body += escapeClassChar(segment[i]);
    } else body += c === "-" ? "-" : escapeClassChar(c);
  }
  return null;
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
}

function escapeClassChar(c: string): string {
  return /[\]\\^[]/.test(c) ? `\\${c}` : c;
}
