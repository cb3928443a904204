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

/**
 * Wall and CPU milliseconds of one pass of `accepts` over every text, and how many it accepted.
 * CPU time is the steadier figure when other processes share the cores.
 */
function pass(texts: string[], accepts: (text: string) => boolean): { ms: number; cpuMs: number; accepted: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let accepted = 0;
  for (const text of texts) if (accepts(text)) accepted++;
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, accepted };
}

function timeWorkspace(name: string, texts: string[]) {
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  const regular = (text: string) => REGULAR_EXPRESSION_PREFILTER.test(text);
  const differences = texts.filter((text) => [mayContainModelCode, matchesAutomaton, matchesExpression].some((prefilter) => prefilter(text) !== regular(text))).length;
  // Warm-up; past a process's first 256 K characters `mayContainModelCode` is the automaton.
  pass(texts, regular);
  pass(texts, mayContainModelCode);
  const before: ReturnType<typeof pass>[] = [];
  const after: ReturnType<typeof pass>[] = [];
  for (let i = 0; i < PASSES; i++) {
    before.push(pass(texts, regular));
    after.push(pass(texts, mayContainModelCode));
  }
  const accepted = after[0]!.accepted;
  const mbPerSecond = (ms: number) => chars / 1e6 / (ms / 1000);
  const side = (passes: ReturnType<typeof pass>[]) => {
    const ms = summarize(passes.map((p) => p.ms));
    const cpuMs = summarize(passes.map((p) => p.cpuMs));
    return { ms: roundSummary(ms, 1), cpuMs: roundSummary(cpuMs, 1), mbPerSecond: { median: round(mbPerSecond(ms.median), 0), min: round(mbPerSecond(ms.max), 0), max: round(mbPerSecond(ms.min), 0) } };
  };
  const regularExpression = side(before);
  const automaton = side(after);
  const result = {
    name, files: texts.length, chars, accepted, differences, regularExpression, automaton,
    speedup: round(regularExpression.ms.median / automaton.ms.median, 2),
    cpuSpeedup: round(regularExpression.cpuMs.median / automaton.cpuMs.median, 2),
  };
  const line = (label: string, s: typeof automaton) =>
    `  ${label.padEnd(18)} median ${s.ms.median} ms (${s.ms.min}–${s.ms.max}), ${s.mbPerSecond.median} MB/s (${s.mbPerSecond.min}–${s.mbPerSecond.max}); CPU median ${s.cpuMs.median} ms`;
  console.log(`${name}: ${texts.length} files, ${(chars / 1e6).toFixed(1)} M characters, ${accepted} may hold model code, ${differences} different answers`);
  console.log(line("regular expression", regularExpression));
  console.log(line("automaton", automaton));
  console.log(`  automaton ${result.speedup}x as fast (medians; ${result.cpuSpeedup}x on CPU time)`);
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
