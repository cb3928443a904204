/**
 * The source lines around a finding, with the finding's line marked and its range
 * underlined, as ESLint's and Ruff's frames show it. Provider keys in the shown lines are
 * masked: a report never prints a secret.
 */
import { KEY_PATTERNS, looksLikeSecret, matchProviderKey } from "../model/secrets";
import type { Range } from "../types";

export type FrameStyle = "gutter" | "marker";
export type Paint = (style: FrameStyle, text: string) => string;

/** Lines shown before and after the finding's first line. */
const CONTEXT_LINES = 1;
/** Longer lines (minified code) are cut to a window around the finding. */
const MAX_WIDTH = 140;
const LEAD = 40;

/** A run of characters that might be a provider key: masked when it is one. */
const KEY_CANDIDATE = /(?<![A-Za-z0-9_-])(?:sk-|AIza|hf_|gsk_|xai-|r8_|pplx-)[A-Za-z0-9_-]{20,}/g;
/**
 * A string given to something named like a credential (`api_key="…"`, `apiKey: '…'`): masked
 * when it looks like a secret, even when the rule that reports keys is not selected.
 */
const CREDENTIAL_VALUE = /(\b\w*(?:api_?key|apikey|secret|token|password)\w*["']?\s*[:=]\s*[rRbBuUfF]{0,2}(["'`]))([^"'`\n]+)(?=\2)/gi;

/**
 * The frame's lines, without a trailing newline. `secrets` are ranges known to hold a key
 * (the hardcoded-api-key findings of the file); key-shaped text is masked wherever it is.
 */
export function codeFrame(text: string, range: Range, secrets: Range[], paint: Paint): string[] {
  const lines = text.split("\n");
  const line = range.start.line;
  if (line < 1 || line > lines.length) return [];
  const first = Math.max(1, line - CONTEXT_LINES);
  const last = Math.min(lines.length, line + CONTEXT_LINES);
  const shown = new Map<number, string>();
  for (let n = first; n <= last; n++) shown.set(n, masked(lines[n - 1].replace(/\r$/, ""), n, secrets));

  const source = shown.get(line)!;
  const start = Math.min(range.start.column - 1, source.length);
  const end = range.end.line === line ? Math.min(range.end.column - 1, source.length) : source.trimEnd().length;
  const offset = source.length > MAX_WIDTH ? Math.max(0, start - LEAD) : 0;
  const window = (s: string) => {
    if (offset === 0 && s.length <= MAX_WIDTH) return s;
    const cut = s.slice(offset, offset + MAX_WIDTH);
    return `${offset > 0 ? "…" : ""}${cut}${s.length > offset + MAX_WIDTH ? "…" : ""}`;
  };

  const width = String(last).length;
  const out: string[] = [];
  for (const [n, s] of shown) {
    const marker = n === line ? paint("marker", ">") : " ";
    out.push(`  ${marker} ${paint("gutter", `${String(n).padStart(width)} |`)} ${window(s)}`.trimEnd());
    if (n === line) {
      const lead = offset > 0 ? 1 : 0;
      // Tabs stay tabs under the code, so the carets line up whatever the tab width.
      const indent = source.slice(offset, start).replace(/[^\t]/g, " ");
      const carets = Math.max(1, Math.min(end - start, MAX_WIDTH - (start - offset)));
      out.push(`    ${paint("gutter", `${" ".repeat(width)} |`)} ${" ".repeat(lead)}${indent}${paint("marker", "^".repeat(carets))}`);
    }
  }
  return out;
}

/** The line with every key in it replaced by its prefix and stars of the same length. */
function masked(line: string, n: number, secrets: Range[]): string {
  let out = line
    .replace(KEY_CANDIDATE, (candidate) => (matchProviderKey(candidate) ? starred(candidate) : candidate))
    .replace(CREDENTIAL_VALUE, (whole, lead: string, _quote: string, value: string) => (looksLikeSecret(value) ? lead + starred(value) : whole));
  for (const secret of secrets) {
    if (secret.start.line > n || secret.end.line < n) continue;
    const from = secret.start.line === n ? secret.start.column - 1 : 0;
    const to = secret.end.line === n ? secret.end.column - 1 : out.length;
    const literal = /^([rRbBuUfF]{0,2}["'`]+)?([\s\S]*?)(["'`]*)$/.exec(out.slice(from, to))!;
    out = `${out.slice(0, from)}${literal[1] ?? ""}${starred(literal[2])}${literal[3]}${out.slice(to)}`;
  }
  return out;
}

/** Same length, so columns keep their place; only a known key prefix stays readable. */
function starred(value: string): string {
  const prefix = KEY_PATTERNS.find((k) => value.startsWith(k.prefix))?.prefix ?? "";
  return prefix + "*".repeat(Math.max(0, value.length - prefix.length));
}
