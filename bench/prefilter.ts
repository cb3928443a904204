/**
 * The text prefilter (`mayContainModelCode`, rules/src/model/prefilter.ts) against the regular
 * expression it replaced, on the texts of the two generated 5,000-file workspaces of the scan
 * benchmark (5% of files with model calls, and all of them). Both run over the same texts in
 * the same process, taking turns pass after pass after a warm-up pass; figures are the median,
 * min and max of the passes. Checks that both give the same answer on every file (and the
 * expression built from the same words that serves a process's first texts). Prints figures;
 * asserts nothing.
 *
 *   node out/bench/prefilter.js [--passes 15] [--json file]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { matchesAutomaton, matchesExpression, mayContainModelCode } from "../rules/src/model/prefilter";
import { round, roundSummary, summarize, writeJsonIfAsked } from "./common";
import { generateWorkspace } from "./workspace";

/** The prefilter before the automaton, as test/prefilter.test.ts keeps it (a test checks they are equal). */
export const REGULAR_EXPRESSION_PREFILTER =
  /openai|anthropic|completions\.|messages\.(?:create|stream)|responses\.create|generate_?[cC]ontent|embeddings\.create|\.a?invoke\(|["'](?:ai|ai\/[\w-]+)["']|@ai-sdk|groq|mistral|cohere|together|genai|litellm|ollama|langchain|bedrock|api\.(?:openai|anthropic|groq|mistral|together|deepseek|x|perplexity|fireworks)\.|generativelanguage|openrouter|sk-|AIza|hf_|gsk_|xai-|r8_|pplx-|traceloop|openlit|logfire|weave|LLMObs|Instrument|registerOTel|registerTelemetry|Integration\(|LangfuseExporter|agentops|Laminar|autolog/;

const passesArg = process.argv.indexOf("--passes");
const PASSES = passesArg >= 0 ? Number(process.argv[passesArg + 1]) : 15;

/** Milliseconds of one pass of `accepts` over every text, and how many it accepted. */
function pass(texts: string[], accepts: (text: string) => boolean): { ms: number; accepted: number } {
  const started = performance.now();
  let accepted = 0;
  for (const text of texts) if (accepts(text)) accepted++;
  return { ms: performance.now() - started, accepted };
}

function timeWorkspace(name: string, texts: string[]) {
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  const regular = (text: string) => REGULAR_EXPRESSION_PREFILTER.test(text);
  const differences = texts.filter((text) => [mayContainModelCode, matchesAutomaton, matchesExpression].some((prefilter) => prefilter(text) !== regular(text))).length;
  // Warm-up; past a process's first 256 K characters `mayContainModelCode` is the automaton.
  pass(texts, regular);
  pass(texts, mayContainModelCode);
  const before: number[] = [];
  const after: number[] = [];
  let accepted = 0;
  for (let i = 0; i < PASSES; i++) {
    before.push(pass(texts, regular).ms);
    const automaton = pass(texts, mayContainModelCode);
    after.push(automaton.ms);
    accepted = automaton.accepted;
  }
  const mbPerSecond = (ms: number) => chars / 1e6 / (ms / 1000);
  const side = (samples: number[]) => {
    const ms = summarize(samples);
    return { ms: roundSummary(ms, 1), mbPerSecond: { median: round(mbPerSecond(ms.median), 0), min: round(mbPerSecond(ms.max), 0), max: round(mbPerSecond(ms.min), 0) } };
  };
  const result = { name, files: texts.length, chars, accepted, differences, regularExpression: side(before), automaton: side(after), speedup: round(summarize(before).median / summarize(after).median, 2) };
  const line = (label: string, s: ReturnType<typeof side>) =>
    `  ${label.padEnd(18)} median ${s.ms.median} ms (${s.ms.min}–${s.ms.max}), ${s.mbPerSecond.median} MB/s (${s.mbPerSecond.min}–${s.mbPerSecond.max})`;
  console.log(`${name}: ${texts.length} files, ${(chars / 1e6).toFixed(1)} M characters, ${accepted} may hold model code, ${differences} different answers`);
  console.log(line("regular expression", result.regularExpression));
  console.log(line("automaton", result.automaton));
  console.log(`  automaton ${result.speedup}x as fast (medians)`);
  return result;
}

function main(): void {
  const scratch = mkdtempSync(join(tmpdir(), "ai-readiness-prefilter-bench-"));
  try {
    // The scan benchmark's workspaces (bench/cliScan.ts): same sizes, shares and seeds.
    const workspaces = [["5% AI", 0.05, 1], ["all AI", 1, 2]] as const;
    const results = workspaces.map(([name, aiShare, seed]) => {
      const ws = generateWorkspace(join(scratch, String(seed)), { files: 5000, aiShare, seed });
      return timeWorkspace(name, [...ws.python, ...ws.typescript].map((path) => readFileSync(path, "utf8")));
    });
    writeJsonIfAsked({ passes: PASSES, workspaces: results });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) main();
