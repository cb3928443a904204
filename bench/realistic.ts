/**
 * One keystroke in an ordinary 5,000-line Python module with a few model calls (one in
 * every ~60 functions), unlike keystroke.ts's file dense with them. Each letter goes in at
 * a random place and is taken back (untimed) before the next; prints p50/p95/max of the
 * whole path and of its parts, split by whether the letter broke the syntax.
 *
 *   node out/bench/realistic.js
 */
import { performance } from "node:perf_hooks";
import { DEFAULT_CONFIG, EMPTY_PROJECT, SourceDocument, lintTree } from "../rules/src/index";
import { initTestEngine } from "../rules/src/testing";
import { prng, summarize } from "./common";

function ordinaryModule(lines: number): string {
  const out = ["import json", "from openai import OpenAI", "", "client = OpenAI()", ""];
  for (let i = 1; out.length < lines; i++) {
    out.push(
      `def handler_${i}(request, items):`,
      "    total = 0",
      "    for item in items:",
      '        if item.get("price") and item["price"] > 10:',
      '            total += item["price"] * 1.2',
      "        else:",
      `            total += helper(item, key="value_${i}")`,
      `    result = {"total": total, "count": len(items), "name": "handler_${i}"}`,
    );
    if (i % 60 === 0) {
      out.push('    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": str(result)}])', "    return json.loads(r.choices[0].message.content)");
    } else out.push("    return result");
    out.push("");
  }
  return out.join("\n");
}

async function main(): Promise<void> {
  await initTestEngine();
  const text = ordinaryModule(5000);
  const doc = new SourceDocument("python", text);
  doc.syntaxTree();
  const random = prng(7);
  const rows: { parse: number; lint: number; broken: boolean }[] = [];
  let calls = 0;
  for (let i = 0; i < 220; i++) {
    const at = Math.floor(random() * doc.text.length);
    const t0 = performance.now();
    doc.update([{ start: at, end: at, text: "x" }]);
    const tree = doc.syntaxTree();
    const t1 = performance.now();
    const result = lintTree(tree, doc.text, "python", DEFAULT_CONFIG, EMPTY_PROJECT);
    const t2 = performance.now();
    if (i >= 20) rows.push({ parse: t1 - t0, lint: t2 - t1, broken: tree.rootNode.hasError }); // the first 20 warm up
    calls = Math.max(calls, result.facts.callSites.length);
    doc.update([{ start: at, end: at + 1, text: "" }]);
    doc.syntaxTree();
  }
  doc.dispose();
  const line = (label: string, values: number[]) => {
    const s = summarize(values);
    console.log(`${label.padEnd(28)} n=${String(s.n).padStart(3)}  p50 ${s.median.toFixed(2).padStart(7)}  p95 ${s.p95.toFixed(2).padStart(7)}  max ${s.max.toFixed(2).padStart(7)}`);
  };
  console.log(`Python, ${text.split("\n").length} lines, ${calls} model calls; ms per keystroke`);
  line("whole path", rows.map((r) => r.parse + r.lint));
  line("  reparse", rows.map((r) => r.parse));
  line("  lint", rows.map((r) => r.lint));
  line("letter kept the file valid", rows.filter((r) => !r.broken).map((r) => r.parse + r.lint));
  line("letter broke the syntax", rows.filter((r) => r.broken).map((r) => r.parse + r.lint));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
