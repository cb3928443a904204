/** Provider API-key shapes, as data, and how to show a found key without revealing it. */
import { textMatches } from "./textScan";

interface KeyPattern {
  prefix: string;
  pattern: RegExp;
  env: string;
}

/** Most specific first: `sk-ant-` before `sk-`. */
export const KEY_PATTERNS: KeyPattern[] = [
  { prefix: "sk-ant-", pattern: /^sk-ant-[A-Za-z0-9_-]{20,}$/, env: "ANTHROPIC_API_KEY" },
  { prefix: "sk-proj-", pattern: /^sk-proj-[A-Za-z0-9_-]{20,}$/, env: "OPENAI_API_KEY" },
  { prefix: "sk-or-", pattern: /^sk-or-[A-Za-z0-9_-]{20,}$/, env: "OPENROUTER_API_KEY" },
  { prefix: "sk-", pattern: /^sk-[A-Za-z0-9_-]{20,}$/, env: "OPENAI_API_KEY" },
  { prefix: "AIza", pattern: /^AIza[A-Za-z0-9_-]{30,}$/, env: "GOOGLE_API_KEY" },
  { prefix: "hf_", pattern: /^hf_[A-Za-z0-9]{30,}$/, env: "HF_TOKEN" },
  { prefix: "gsk_", pattern: /^gsk_[A-Za-z0-9]{30,}$/, env: "GROQ_API_KEY" },
  { prefix: "xai-", pattern: /^xai-[A-Za-z0-9]{30,}$/, env: "XAI_API_KEY" },
  { prefix: "r8_", pattern: /^r8_[A-Za-z0-9]{30,}$/, env: "REPLICATE_API_TOKEN" },
  { prefix: "pplx-", pattern: /^pplx-[A-Za-z0-9]{30,}$/, env: "PERPLEXITY_API_KEY" },
];

/** A cheap look at a string's raw text: could it hold a provider key? */
export const KEY_MARKER = /sk-|AIza|hf_|gsk_|xai-|r8_|pplx-/;

/** A provider key's prefix, or an API-key option (whose literal is a key whatever it looks like), appears in the text. */
export function mayHoldKeys(text: string): boolean {
  return textMatches(text, KEY_MARKER) || textMatches(text, KEY_OPTION);
}

const KEY_OPTION = /api_?key|secret_access_key/i;

/** Words that mark a literal as a placeholder, not a real key. */
const PLACEHOLDER = /x{4,}|\.\.\.|your|example|placeholder|dummy|fake|redacted|changeme|replace|<|>|\*{3,}|^sk-(test|none|no-key|local)|not[-_ ]?needed|^(none|empty|ollama|lm-studio|lmstudio|test|secret|key|token|api[-_]?key|sk-\w{0,6})$/i;

/** A literal that looks like a real provider key; returns its pattern. */
export function matchProviderKey(value: string): KeyPattern | undefined {
  if (value.length > 300 || PLACEHOLDER.test(value) || !hasVariety(value)) return undefined;
  return KEY_PATTERNS.find((k) => value.startsWith(k.prefix) && k.pattern.test(value));
}

/**
 * A literal passed as an API key that is plausibly a real secret: not empty, not a
 * placeholder word (`"ollama"`, `"EMPTY"`, `"sk-xxxx"`), no spaces.
 */
export function looksLikeSecret(value: string): boolean {
  if (value.length < 12 || /\s/.test(value) || PLACEHOLDER.test(value)) return false;
  return hasVariety(value);
}

/** Real keys mix letters and digits; `aaaaaaaaaaaa` or `sk-1234567890` are fixtures. */
function hasVariety(value: string): boolean {
  const body = value.replace(/^[a-z]+[-_]/i, "");
  return /[A-Za-z]/.test(body) && /[0-9]/.test(body) && new Set(body).size >= 8;
}

/** Shows what kind of key it is and nothing of the secret part. */
export function maskSecret(value: string): string {
  const known = KEY_PATTERNS.find((k) => value.startsWith(k.prefix));
  return `${known ? known.prefix : ""}****`;
}

export function envForKey(value: string): string | undefined {
  return KEY_PATTERNS.find((k) => value.startsWith(k.prefix))?.env;
}
