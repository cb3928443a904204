/**
 * Questions about the whole text that rules and checks ask once per call site or finding
 * (does the file define the JSON helper, give a provider its own `fetch`, use `require`?).
 * Each scan of a 5,000-line file costs about as much as the rest of a call site's checks, so
 * the answers are kept for the last text asked about.
 */
let last: { text: string; answers: Map<RegExp, boolean> } = { text: "", answers: new Map() };

/** Whether `pattern` matches `text`; kept by the pattern object, so the pattern should be a constant. */
export function textMatches(text: string, pattern: RegExp): boolean {
  if (text !== last.text) last = { text, answers: new Map() };
  let answer = last.answers.get(pattern);
  if (answer === undefined) {
    pattern.lastIndex = 0;
    answer = pattern.test(text);
    last.answers.set(pattern, answer);
  }
  return answer;
}

/**
 * The matches of `pattern` (a `g` pattern) within [start, end) of `text`, in order. The scan
 * stops at `end` (the slice shares the text's characters): one per statement that ran on to
 * the next match, wherever it is, would be quadratic in a file of many statements.
 */
export function* matchesWithin(text: string, pattern: RegExp, start: number, end: number): Generator<RegExpExecArray> {
  // Without `g`, `exec` ignores `lastIndex` and would find the same match forever.
  if (!pattern.global) throw new Error(`matchesWithin needs a g pattern: /${pattern.source}/`);
  const upToEnd = text.slice(0, end);
  pattern.lastIndex = start;
  for (let match = pattern.exec(upToEnd); match; match = pattern.exec(upToEnd)) {
    yield match;
    if (match[0].length === 0) pattern.lastIndex++;
  }
}

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
