/**
 * The text prefilter (rules/src/model/prefilter.ts) replaced one regular expression, kept below
 * as the reference, with an automaton (and, for a process's first texts, an expression built
 * from the same words). The contract is the same answer on every input: these tests compare
 * each of the two, and the function that chooses between them, with the reference on every
 * file of examples/ and the test fixtures, the rules' docs and their examples, the engine's own
 * sources, generated modules and workspaces, and many strings built from the markers with cuts
 * and edits around them.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pick, prng } from "../bench/common";
import { generateSource } from "../bench/generate";
import { ordinaryModule } from "../bench/ordinaryModule";
import { REGULAR_EXPRESSION_PREFILTER } from "../bench/prefilter";
import { generateWorkspace } from "../bench/workspace";
import { mayContainModelCode } from "../rules/src/analyze";
import { matchesAutomaton, matchesExpression } from "../rules/src/model/prefilter";
import { RULES } from "../rules/src/index";
import { docExamples } from "../rules/src/ruleDocs";
import { EXAMPLES, REPO_ROOT, RULES_DIR } from "./helpers";

/** The prefilter before the automaton, unchanged. */
const REFERENCE =
  /openai|anthropic|completions\.|messages\.(?:create|stream)|responses\.create|generate_?[cC]ontent|embeddings\.create|\.a?invoke\(|["'](?:ai|ai\/[\w-]+)["']|@ai-sdk|groq|mistral|cohere|together|genai|litellm|ollama|langchain|bedrock|api\.(?:openai|anthropic|groq|mistral|together|deepseek|x|perplexity|fireworks)\.|generativelanguage|openrouter|sk-|AIza|hf_|gsk_|xai-|r8_|pplx-|traceloop|openlit|logfire|weave|LLMObs|Instrument|registerOTel|registerTelemetry|Integration\(|LangfuseExporter|agentops|Laminar|autolog/;

/** A text of every form each alternative of the reference matches, written out by hand. */
const MARKER_TEXTS = [
  "openai", "anthropic", "completions.", "messages.create", "messages.stream", "responses.create",
  "generateContent", "generatecontent", "generate_content", "generate_Content", "embeddings.create", ".invoke(", ".ainvoke(",
  '"ai"', "'ai'", "\"ai'", "'ai\"", '"ai/react"', "'ai/rsc'", '"ai/x\'', "'ai/a-b_9\"", '"ai/-"',
  "@ai-sdk", "groq", "mistral", "cohere", "together", "genai", "litellm", "ollama", "langchain", "bedrock",
  "api.openai.", "api.anthropic.", "api.groq.", "api.mistral.", "api.together.", "api.deepseek.", "api.x.", "api.perplexity.", "api.fireworks.",
  "generativelanguage", "openrouter", "sk-", "AIza", "hf_", "gsk_", "xai-", "r8_", "pplx-",
  "traceloop", "openlit", "logfire", "weave", "LLMObs", "Instrument", "registerOTel", "registerTelemetry", "Integration(",
  "LangfuseExporter", "agentops", "Laminar", "autolog",
];

/**
 * Characters to edit with: the markers' own, their other case, neighbours in code, and
 * characters beyond ASCII, some whose low byte is a marker letter (a table indexed by a
 * truncated code would take them for one).
 */
const EDIT_CHARACTERS = [
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.(/\"'@ \n\t)[]{}:;,=",
  "\u0161", "\u016f", "\u0170", "\u0141", "\u012d", "\u00e9", "\u0430", "\u03bf", "\u2013", "\ud83d\ude00", "\ud83d", "\ude00", "\u0000", "\uffff",
];

/** The top-level alternatives of a regular expression's source. */
function alternatives(source: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      found.push(source.slice(start, i));
      start = i + 1;
    }
  }
  return [...found, source.slice(start)];
}

const PREFILTERS = [mayContainModelCode, matchesAutomaton, matchesExpression];

/** Compares each prefilter with the reference on each text; returns the texts where one differs (none, when it holds). */
function differences(texts: Iterable<string>): string[] {
  const differing: string[] = [];
  for (const text of texts) {
    const expected = REFERENCE.test(text);
    if (PREFILTERS.some((prefilter) => prefilter(text) !== expected)) differing.push(text);
  }
  return differing;
}

function assertSameAnswers(texts: string[], what: string): void {
  const differing = differences(texts);
  assert.equal(differing.length, 0, `${differing.length} of ${texts.length} ${what} differ, e.g. ${JSON.stringify(differing[0]?.slice(0, 200))}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Seeded versions of a text: a piece cut out, a marker put in, a marker cut short put in. */
function edited(text: string, seed: number, count: number): string[] {
  const random = prng(seed);
  const versions: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * (text.length + 1));
    const marker = pick(random, MARKER_TEXTS);
    const kind = random();
    if (kind < 0.3) versions.push(text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 40)));
    else if (kind < 0.6) versions.push(text.slice(0, at) + marker + text.slice(at));
    else versions.push(text.slice(0, at) + marker.slice(0, Math.floor(random() * marker.length)) + text.slice(at));
  }
  return versions;
}

/** Every marker cut at every place, each piece alone and glued to every other marker and piece. */
function cutsAndGlues(): string[] {
  const texts: string[] = [];
  for (const marker of MARKER_TEXTS) {
    for (let cut = 0; cut <= marker.length; cut++) {
      const head = marker.slice(0, cut);
      const tail = marker.slice(cut);
      texts.push(head, tail, `x${head}`, `${tail}x`, `${head}\n${tail}`, tail + head);
      for (const other of MARKER_TEXTS) texts.push(head + other, other + tail, head + other.slice(1), other.slice(0, -1) + tail);
    }
  }
  return texts;
}

/** Every marker with each character deleted, replaced or doubled, and one inserted at every place, at text start, end and middle. */
function singleEdits(): string[] {
  const texts: string[] = [];
  for (const marker of MARKER_TEXTS) {
    const places = [(s: string) => s, (s: string) => `const a = 1;\n${s}`, (s: string) => `${s} = 2\n`, (s: string) => `x = "${s}"; y`];
    for (let i = 0; i <= marker.length; i++) {
      const variants = [marker.slice(0, i) + marker.slice(i + 1), marker.slice(0, i + 1) + marker.slice(i)];
      for (const c of EDIT_CHARACTERS) variants.push(marker.slice(0, i) + c + marker.slice(i + 1), marker.slice(0, i) + c + marker.slice(i));
      for (const variant of variants) for (const place of places) texts.push(place(variant));
    }
  }
  return texts;
}

/** Seeded strings of random pieces of markers and random characters, 0 to 120 pieces long. */
function randomStrings(count: number, seed: number): string[] {
  const random = prng(seed);
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = "";
    const pieces = Math.floor(random() * 121);
    for (let p = 0; p < pieces; p++) {
      if (random() < 0.5) text += pick(random, EDIT_CHARACTERS);
      else {
        const marker = pick(random, MARKER_TEXTS);
        const from = Math.floor(random() * marker.length);
        text += marker.slice(from, from + 1 + Math.floor(random() * marker.length));
      }
    }
    texts.push(text);
  }
  return texts;
}

describe("the prefilter answers as the regular expression it replaced", () => {
  it("the benchmark times the same reference", () => assert.equal(REGULAR_EXPRESSION_PREFILTER.source, REFERENCE.source));

  it("each marker text alone is found, every alternative of the reference has one, and near misses are not found", () => {
    const alts = alternatives(REFERENCE.source);
    assert.equal(alts.length, 42);
    for (const alt of alts) assert.ok(MARKER_TEXTS.some((text) => new RegExp(`^(?:${alt})$`).test(text)), `no marker text for /${alt}/`);
    for (const prefilter of PREFILTERS) {
      for (const text of MARKER_TEXTS) assert.equal(prefilter(text), true, `${prefilter.name}: ${text}`);
      for (const text of ["", "x", "import json\n", '"ai/"', "'ai/ x'", '"ai', "ai\"", "'ai/rsc", "s k-", "gsk", "AIz", ". invoke(", "api.y.", "Openai", "OPENAI", "generate-content"]) {
        assert.equal(prefilter(text), false, `${prefilter.name}: ${text}`);
      }
    }
  });

  it("every marker cut at every place, alone and glued to the others", () => {
    const texts = cutsAndGlues();
    assertSameAnswers(texts, "cut and glued markers");
    const yes = texts.filter((text) => REFERENCE.test(text)).length;
    assert.ok(yes > 10_000 && texts.length - yes > 10_000, `both answers occur: ${yes} of ${texts.length}`);
  });

  it("every marker with a character deleted, replaced, doubled or inserted, at text start, end and middle", () => {
    const texts = singleEdits();
    assertSameAnswers(texts, "edited markers");
    const yes = texts.filter((text) => REFERENCE.test(text)).length;
    assert.ok(yes > 10_000 && texts.length - yes > 10_000, `both answers occur: ${yes} of ${texts.length}`);
  });

  it("random strings of marker pieces and characters", () => {
    const texts = randomStrings(30_000, 7);
    assertSameAnswers(texts, "random strings");
    const yes = texts.filter((text) => REFERENCE.test(text)).length;
    assert.ok(yes > 5_000 && texts.length - yes > 5_000, `both answers occur: ${yes} of ${texts.length}`);
  });

  it("the examples, the test fixtures and the engine's own sources, as they are and after edits", () => {
    const files = [...filesUnder(EXAMPLES), ...filesUnder(join(REPO_ROOT, "test/fixtures")), ...filesUnder(join(REPO_ROOT, "rules/src"))];
    assert.ok(files.length >= 100, `only ${files.length} files`);
    for (const [index, file] of files.entries()) {
      const text = readFileSync(file, "utf8");
      assertSameAnswers([text, ...edited(text, index + 1, 10)], file.slice(REPO_ROOT.length + 1));
    }
  });

  it("every rule's docs and each of their examples, as they are and after edits", () => {
    let examples = 0;
    for (const rule of RULES) {
      const docs = readFileSync(join(RULES_DIR, rule.id, "docs.md"), "utf8");
      const codes = docExamples(docs).map((example) => example.code);
      examples += codes.length;
      for (const [index, text] of [docs, ...codes].entries()) assertSameAnswers([text, ...edited(text, index + 1, 20)], `${rule.id} docs`);
    }
    assert.ok(examples >= 50, `only ${examples} examples`);
  });

  it("generated modules: dense with model calls, and ordinary ones with a call in one function of sixty", () => {
    for (const language of ["python", "typescript"] as const) {
      for (const seed of [1, 2, 3]) {
        const text = generateSource(language, 400, seed);
        assertSameAnswers([text, ...edited(text, seed, 30)], `generated ${language} modules`);
      }
      const ordinary = ordinaryModule(language, 3000);
      assertSameAnswers([ordinary, ...edited(ordinary, 4, 30)], `ordinary ${language} modules`);
      // Without its one import and its calls, an ordinary module holds no marker: the answer then is no.
      const plain = ordinary.split("\n").filter((line) => !REFERENCE.test(line)).join("\n");
      for (const prefilter of PREFILTERS) assert.equal(prefilter(plain), false, prefilter.name);
    }
  });

  it("generated workspaces of the scan benchmark's kind", () => {
    const scratch = mkdtempSync(join(tmpdir(), "ai-readiness-prefilter-test-"));
    try {
      for (const [aiShare, seed] of [[0.05, 1], [1, 2]] as const) {
        const ws = generateWorkspace(join(scratch, String(seed)), { files: 200, aiShare, seed });
        const texts = [...ws.python, ...ws.typescript].map((path) => readFileSync(path, "utf8"));
        assertSameAnswers(texts, "generated workspace files");
        if (aiShare < 1) assert.ok(texts.filter(mayContainModelCode).length < texts.length / 2, "most files of a 5% workspace are let through");
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
