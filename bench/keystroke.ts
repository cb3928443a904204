/**
 * What one keystroke costs the language server: a letter typed into an open document, then
 * `update` + incremental `syntaxTree()` + `lintTree()`, the path the server runs on every
 * change. Baseline: a full parse + lint (`lintText`) of the same text, as if nothing were
 * kept between keystrokes. Prints figures; asserts nothing.
 *
 *   node out/bench/keystroke.js [--json file]
 */
import { performance } from "node:perf_hooks";
import { DEFAULT_CONFIG, EMPTY_PROJECT, SourceDocument, lintText, lintTree } from "../rules/src/index";
import { initTestEngine } from "../rules/src/testing";
import { prng, round, roundSummary, summarize, writeJsonIfAsked, type Summary } from "./common";
import { generateSource } from "./generate";

const LANGUAGES = ["python", "typescript"] as const;
const SIZES = [1_000, 5_000, 20_000];
const EDITS = 200;
/** A full parse of 20,000 lines takes a good fraction of a second: sample every 10th text (20 samples). */
const BASELINE_EVERY = 10;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

interface CaseResult {
  language: string;
  lines: number;
  chars: number;
  callSites: number;
  findings: number;
  /** Syntax errors after the 200 letters: random letters break identifiers and keywords. */
  syntaxErrorsAfter: number;
  /** The whole keystroke path, in ms. */
  keystroke: Summary;
  /** Its parts, in ms, to see which one dominates. */
  update: Summary;
  reparse: Summary;
  lint: Summary;
  /** Full parse + lint of the same texts, in ms. */
  full: Summary;
  /** full median / keystroke median: how much the incremental path saves. */
  speedup: number;
}

function runCase(language: (typeof LANGUAGES)[number], lines: number, edits: number, seed: number): CaseResult {
  const text = generateSource(language, lines, seed);
  const doc = new SourceDocument(language, text);
  doc.syntaxTree(); // the document was opened: its first, full parse is not a keystroke
  const random = prng(seed);
  const total: number[] = [], update: number[] = [], reparse: number[] = [], lint: number[] = [], full: number[] = [];
  let last = lintText(text, language, DEFAULT_CONFIG, EMPTY_PROJECT);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (doc.text.length + 1));
    const letter = LETTERS[Math.floor(random() * LETTERS.length)]!;
    const t0 = performance.now();
    doc.update([{ start: at, end: at, text: letter }]);
    const t1 = performance.now();
    const tree = doc.syntaxTree();
    const t2 = performance.now();
    last = lintTree(tree, doc.text, language, DEFAULT_CONFIG, EMPTY_PROJECT);
    const t3 = performance.now();
    update.push(t1 - t0);
    reparse.push(t2 - t1);
    lint.push(t3 - t2);
    total.push(t3 - t0);
    if (i % BASELINE_EVERY === 0) {
      const f0 = performance.now();
      lintText(doc.text, language, DEFAULT_CONFIG, EMPTY_PROJECT);
      full.push(performance.now() - f0);
    }
  }
  doc.dispose();
  const keystroke = summarize(total);
  const baseline = summarize(full);
  return {
    language,
    lines,
    chars: text.length,
    callSites: last.facts.callSites.length,
    findings: last.findings.length,
    syntaxErrorsAfter: last.facts.syntaxErrors,
    keystroke: roundSummary(keystroke),
    update: roundSummary(summarize(update)),
    reparse: roundSummary(summarize(reparse)),
    lint: roundSummary(summarize(lint)),
    full: roundSummary(baseline),
    speedup: round(baseline.median / keystroke.median, 1),
  };
}

async function main(): Promise<void> {
  await initTestEngine();
  // Warm-up: let V8 compile the hot paths before anything is measured.
  for (const language of LANGUAGES) runCase(language, 1_000, 50, 99);

  const results: CaseResult[] = [];
  console.log(`keystroke: ${EDITS} random letters per file, ms (p50 / p95 / max); full parse + lint of the same texts as baseline`);
  console.log("language    lines  chars     calls  | keystroke p50   p95     max     | update  reparse lint (p50) | full p50  speedup");
  for (const language of LANGUAGES) {
    for (const lines of SIZES) {
      const c = runCase(language, lines, EDITS, lines);
      results.push(c);
      const ms = (v: number) => v.toFixed(2).padStart(7);
      console.log(
        `${language.padEnd(10)} ${String(lines).padStart(6)} ${String(c.chars).padStart(8)} ${String(c.callSites).padStart(6)}  | ` +
          `${ms(c.keystroke.median)}      ${ms(c.keystroke.p95)} ${ms(c.keystroke.max)} | ` +
          `${ms(c.update.median)} ${ms(c.reparse.median)} ${ms(c.lint.median)}    | ${ms(c.full.median)}  ${String(c.speedup).padStart(5)}x`,
      );
    }
  }
  writeJsonIfAsked({ edits: EDITS, baselineSamples: EDITS / BASELINE_EVERY, cases: results });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
