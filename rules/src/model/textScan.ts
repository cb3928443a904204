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

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
