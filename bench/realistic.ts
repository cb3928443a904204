/**
 * One keystroke in an ordinary module: plain functions with a model call in about one of
 * every 60, unlike keystroke.ts's files dense with them. Python and TypeScript, 5,000 and
 * 20,000 lines. Each letter goes in at a random place and is taken back (untimed) before the
 * next (linted too, untimed, as the server does); prints p50/p95/max of the whole path (update,
 * incremental parse, `lintDocument`, which keeps the facts of unchanged statements) and of its parts,
 * split by whether the letter broke the syntax (a Python definition left out for it counts).
 *
 * The baseline, timed on the same edited texts in the same run: the same lint with the
 * extraction walking the whole file instead of the statements that can hold facts.
 *
 *   node out/bench/realistic.js [python:5000 …] [--edits N] [--json FILE]
 */
import { performance } from "node:perf_hooks";
import { DEFAULT_CONFIG, EMPTY_PROJECT, SourceDocument, lintDocument, lintFacts } from "../rules/src/index";
import { extractWhole } from "../rules/src/analyze";
import { withParentCache } from "../rules/src/model/syntax";
import { initTestEngine } from "../rules/src/testing";
import type { LanguageId } from "../rules/src/types";
import { caseArgs, editsArg, prng, round, roundSummary, summarize, writeJsonIfAsked } from "./common";
import { ordinaryModule } from "./ordinaryModule";

interface Row {
  parse: number;
  lint: number;
  wholeWalkLint: number;
  broken: boolean;
}

function measure(language: LanguageId, lines: number, edits: number) {
  const text = ordinaryModule(language, lines);
  const doc = new SourceDocument(language, text);
  lintDocument(doc, DEFAULT_CONFIG, EMPTY_PROJECT);
  const random = prng(7);
  const rows: Row[] = [];
  let calls = 0;
  for (let i = 0; i < edits + 20; i++) {
    const at = Math.floor(random() * doc.text.length);
    const t0 = performance.now();
    doc.update([{ start: at, end: at, text: "x" }]);
    const tree = doc.syntaxTree();
    const t1 = performance.now();
    const result = lintDocument(doc, DEFAULT_CONFIG, EMPTY_PROJECT);
    const t2 = performance.now();
    // The baseline on the same tree: every statement walked.
    lintFacts(withParentCache(() => extractWhole(tree.rootNode, doc.text, language)), DEFAULT_CONFIG, EMPTY_PROJECT);
    const t3 = performance.now();
    if (i >= 20) rows.push({ parse: t1 - t0, lint: t2 - t1, wholeWalkLint: t3 - t2, broken: tree.rootNode.hasError || doc.brokenDefinitions.length > 0 }); // the first 20 warm up
    calls = Math.max(calls, result.facts.callSites.length);
    doc.update([{ start: at, end: at + 1, text: "" }]);
    lintDocument(doc, DEFAULT_CONFIG, EMPTY_PROJECT);
  }
  doc.dispose();
  const whole = summarize(rows.map((r) => r.parse + r.lint));
  const baseline = summarize(rows.map((r) => r.parse + r.wholeWalkLint));
  return {
    language,
    lines: text.split("\n").length,
    callSites: calls,
    keystroke: roundSummary(whole),
    reparse: roundSummary(summarize(rows.map((r) => r.parse))),
    lint: roundSummary(summarize(rows.map((r) => r.lint))),
    keptValid: roundSummary(summarize(rows.filter((r) => !r.broken).map((r) => r.parse + r.lint))),
    brokeSyntax: roundSummary(summarize(rows.filter((r) => r.broken).map((r) => r.parse + r.lint))),
    wholeWalk: roundSummary(baseline),
    speedup: round(baseline.median / whole.median, 2),
  };
}

async function main(): Promise<void> {
  await initTestEngine();
  const edits = editsArg();
  const results = caseArgs(["python:5000", "python:20000", "typescript:5000", "typescript:20000"]).map(({ language, lines }) => measure(language, lines, edits));
  console.log(`ordinary module, one letter in and out, ${edits} letters; ms (p50 / p95 / max)`);
  for (const r of results) {
    const s = (x: { median: number; p95: number; max: number }) => `${x.median.toFixed(2)} / ${x.p95.toFixed(2)} / ${x.max.toFixed(2)}`;
    console.log(`${r.language} ${r.lines} lines, ${r.callSites} calls`);
    console.log(`  whole path ${s(r.keystroke)}   reparse ${s(r.reparse)}   lint ${s(r.lint)}`);
    console.log(`  letter kept the file valid ${s(r.keptValid)}   broke the syntax ${s(r.brokeSyntax)}`);
    console.log(`  baseline, whole file walked ${s(r.wholeWalk)}   speedup ${r.speedup}x`);
  }
  writeJsonIfAsked({ edits, cases: results });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
