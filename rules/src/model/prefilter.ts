/**
 * The text prefilter: can this file hold a model call, a provider key or an instrumentation
 * call? Most files of a workspace cannot, and are never parsed, so every file of a scan passes
 * through here first.
 *
 * Why an automaton and not one regular expression: V8 runs an unanchored alternation of some
 * fifty words by trying the alternatives at every position of the text (about 6 ns a character
 * here: as much time as reading the files). The automaton below is built once from the same
 * words (Aho-Corasick) and reads each character once, with two table look-ups: three to four
 * times as fast on a workspace (bench/prefilter.ts). Measured and dropped: the expression split in a few by the shape of the
 * words (less than 2x); looking at every second or fourth character only (the three-letter key
 * prefixes need a pass of their own, and the characters skipped did not pay for the hashing);
 * two automata side by side on the two halves of a text (up to 1.2x more, in only some of the
 * ways of writing it: V8 compiled others slower than one automaton).
 */
import { escapeRegExp } from "./textScan";

/**
 * Every marker, written out as plain text (`generate_?[cC]ontent` is four words). The one
 * marker that is not plain text, a quoted `ai` module name, is `MODULE_NAME_STARTS` below.
 */
const MARKERS: readonly string[] = [
  // Providers, SDKs and frameworks by name.
  "openai", "anthropic", "groq", "mistral", "cohere", "together", "genai", "litellm", "ollama", "langchain", "bedrock",
  "generativelanguage", "openrouter", "@ai-sdk",
  "api.openai.", "api.anthropic.", "api.groq.", "api.mistral.", "api.together.", "api.deepseek.", "api.x.", "api.perplexity.", "api.fireworks.",
  // Model calls by method.
  "completions.", "messages.create", "messages.stream", "responses.create", "embeddings.create", ".invoke(", ".ainvoke(",
  "generateContent", "generatecontent", "generate_content", "generate_Content",
  // Provider key prefixes.
  "sk-", "AIza", "hf_", "gsk_", "xai-", "r8_", "pplx-",
  // Instrumentation.
  "traceloop", "openlit", "logfire", "weave", "LLMObs", "Instrument", "registerOTel", "registerTelemetry", "Integration(",
  "LangfuseExporter", "agentops", "Laminar", "autolog",
  // The Vercel AI SDK's module, `"ai"` with any pair of quotes.
  '"ai"', "\"ai'", "'ai\"", "'ai'",
];

/** `"ai/react"`, `'ai/rsc'`: a marker when one or more of [\w-] and a quote follow. */
const MODULE_NAME_STARTS: readonly string[] = ['"ai/', "'ai/"];
const MODULE_NAME_REST = /[\w-]+["']/y;

/**
 * The first texts of a process go through a regular expression of the same words: until V8
 * has compiled the automaton's loop (some 100,000 characters), it runs interpreted, at a fifth
 * of the expression's speed, and a check of ten files would pay about 3 ms more than before.
 * Past this many characters the automaton takes over and pays that once.
 */
const CHARACTERS_BEFORE_THE_AUTOMATON = 256 * 1024;
let charactersSeen = 0;

export function mayContainModelCode(text: string): boolean {
  if (charactersSeen < CHARACTERS_BEFORE_THE_AUTOMATON) {
    charactersSeen += text.length;
    return matchesExpression(text);
  }
  return matchesAutomaton(text);
}

/** The same words as one regular expression (plain alternatives: faster than the hand-written one it replaced). */
const EXPRESSION = new RegExp([...MARKERS.map(escapeRegExp), ...MODULE_NAME_STARTS.map((start) => escapeRegExp(start) + MODULE_NAME_REST.source)].join("|"));

export function matchesExpression(text: string): boolean {
  return EXPRESSION.test(text);
}

/** Made at the first text that needs it: a process that checks few files never pays for it (under 1 ms). */
let automaton: ((text: string) => boolean) | undefined;

export function matchesAutomaton(text: string): boolean {
  return (automaton ??= makeAutomaton())(text);
}

/**
 * The scan over the tables, which it holds as constants: V8 compiles it tighter than a scan
 * that loads its tables at each call (about 15% here).
 */
function makeAutomaton(): (text: string) => boolean {
  const { classOf, next } = buildAutomaton(MARKERS, MODULE_NAME_STARTS);
  return (text) => {
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      row = next[row + classOf[text.charCodeAt(i)]!]!;
      if (row < 0) {
        if (row === MARKER_FOUND) return true;
        MODULE_NAME_REST.lastIndex = i + 1;
        if (MODULE_NAME_REST.test(text)) return true;
        row = MODULE_NAME_START - row;
      }
    }
    return false;
  };
}

/**
 * The automaton as two tables: `classOf` maps a UTF-16 code unit to its character class (0 for
 * every character no marker holds); `next[row + class]` is the row of the next state (a state's
 * row is its number times the number of classes), or `MARKER_FOUND`, or, for a state where a
 * module-name start ends, `MODULE_NAME_START - row`. One comparison per character then tells
 * whether anything ended.
 */
const MARKER_FOUND = -1;
const MODULE_NAME_START = -2;

/** What ends at a state (0: nothing). */
const A_MODULE_NAME_START = 1;
const A_MARKER = 2;

function buildAutomaton(markers: readonly string[], moduleNameStarts: readonly string[]): { classOf: Uint8Array; next: Int32Array } {
  const classOf = new Uint8Array(65536);
  let classes = 1;
  let letters = 0;
  for (const word of [...markers, ...moduleNameStarts]) {
    letters += word.length;
    for (let i = 0; i < word.length; i++) if (classOf[word.charCodeAt(i)] === 0) classOf[word.charCodeAt(i)] = classes++;
  }
  // First the trie: a state per prefix of a word, `next` holding its children's numbers.
  const next = new Int32Array((letters + 1) * classes);
  const ends = new Uint8Array(letters + 1);
  const edges: number[][] = [[]];
  const add = (word: string, end: number) => {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const at = state * classes + classOf[word.charCodeAt(i)]!;
      if (next[at] === 0) {
        next[at] = edges.length;
        edges[state]!.push(classOf[word.charCodeAt(i)]!);
        edges.push([]);
      }
      state = next[at]!;
    }
    ends[state] = Math.max(ends[state]!, end);
  };
  for (const word of moduleNameStarts) add(word, A_MODULE_NAME_START);
  for (const word of markers) add(word, A_MARKER);

  // Then, breadth first (Aho-Corasick), a state's row becomes the row of its longest proper
  // suffix in the trie with its own edges on top, and a state ends what its suffix ends. A
  // state where a marker ends needs no row: the scan stops there.
  const stateOf = (entry: number) => (entry >= 0 ? entry : MODULE_NAME_START - entry) / classes;
  const suffix = new Int32Array(edges.length);
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const row = state * classes;
    const children = edges[state]!.map((c) => [c, next[row + c]!] as const);
    if (state !== 0) next.copyWithin(row, suffix[state]! * classes, suffix[state]! * classes + classes);
    for (const [c, child] of children) {
      const suffixEntry = state === 0 ? 0 : next[suffix[state]! * classes + c]!;
      if (suffixEntry === MARKER_FOUND) ends[child] = A_MARKER;
      else {
        suffix[child] = stateOf(suffixEntry);
        ends[child] = Math.max(ends[child]!, ends[suffix[child]!]!);
      }
      if (ends[child] === A_MARKER) next[row + c] = MARKER_FOUND;
      else {
        next[row + c] = ends[child] === A_MODULE_NAME_START ? MODULE_NAME_START - child * classes : child * classes;
        queue.push(child);
      }
    }
  }
  return { classOf, next };
}
