/** Small helpers shared by the benchmarks: a seeded PRNG, summaries of samples, JSON output. */
import { writeFileSync } from "node:fs";

/** mulberry32: tiny and seedable, so every run edits the same offsets with the same letters. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentiles: with 200 samples p95 is the 190th, a real measured value. */
export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Rounds for printing and for results.json: sub-millisecond figures keep three decimals. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function roundSummary(s: Summary, digits = 3): Summary {
  return { n: s.n, median: round(s.median, digits), p95: round(s.p95, digits), min: round(s.min, digits), max: round(s.max, digits) };
}

/** `--json <file>`: scripts/bench.mjs collects each benchmark's figures through this file. */
export function writeJsonIfAsked(results: unknown): void {
  const at = process.argv.indexOf("--json");
  const file = at >= 0 ? process.argv[at + 1] : undefined;
  if (file) writeFileSync(file, JSON.stringify(results, null, 2));
}

/** `--edits N`: letters per keystroke case (the figures in bench/README.md use the default, 200). */
export function editsArg(): number {
  const at = process.argv.indexOf("--edits");
  return at >= 0 ? Number(process.argv[at + 1]) : 200;
}

/** The keystroke cases named on the command line (`python:5000 typescript:1000`), else `defaults`. */
export function caseArgs(defaults: string[]): { name: string; language: "python" | "typescript"; lines: number }[] {
  const named = process.argv.slice(2).filter((a) => /^(python|typescript):\d+$/.test(a));
  return (named.length > 0 ? named : defaults).map((name) => {
    const [language, lines] = name.split(":");
    return { name, language: language as "python" | "typescript", lines: Number(lines) };
  });
}
