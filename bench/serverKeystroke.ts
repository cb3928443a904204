/**
 * A keystroke through the language server, in process: from the `didChange` notification
 * to the `publishDiagnostics` of that version, over JSON-RPC on in-memory streams, with no
 * debounce (the editor's 100 ms wait is a choice, not work). Ordinary modules of 5,000 lines;
 * each letter goes in at a random place and is taken back before the next.
 *
 * Baseline, same run: the engine's path alone on the same texts (`SourceDocument.update`, the
 * incremental reparse and `lintDocument`), so the difference is the server's own cost (the protocol,
 * the project index, diagnostics conversion).
 *
 *   node out/bench/serverKeystroke.js [python:5000 …] [--edits N] [--json FILE]
 */
import { performance } from "node:perf_hooks";
import { DEFAULT_CONFIG, EMPTY_PROJECT, SourceDocument, lintDocument } from "../rules/src/index";
import { initTestEngine } from "../rules/src/testing";
import type { LanguageId } from "../rules/src/types";
import { TestClient } from "../test/lspClient";
import { caseArgs, editsArg, prng, round, roundSummary, summarize, writeJsonIfAsked } from "./common";
import { ordinaryModule } from "./ordinaryModule";

async function measure(client: TestClient, language: LanguageId, lines: number, edits: number) {
  const text = ordinaryModule(language, lines);
  const uri = `file:///bench/module${lines}.${language === "python" ? "py" : "ts"}`;
  const diagnostics = (await client.open(uri, language, text)).length;
  const engine = new SourceDocument(language, text);
  lintDocument(engine, DEFAULT_CONFIG, EMPTY_PROJECT);
  const random = prng(7);
  const server: number[] = [];
  const alone: number[] = [];
  const edit = async (start: number, end: number, inserted: string, timed: boolean) => {
    const send = client.changeAt(uri, start, end, inserted);
    const t0 = performance.now();
    await send();
    if (timed) server.push(performance.now() - t0);
    const t1 = performance.now();
    engine.update([{ start, end, text: inserted }]);
    lintDocument(engine, DEFAULT_CONFIG, EMPTY_PROJECT);
    if (timed) alone.push(performance.now() - t1);
  };
  for (let i = 0; i < edits + 20; i++) {
    const at = Math.floor(random() * text.length);
    await edit(at, at, "x", i >= 20); // the first 20 warm up
    await edit(at, at + 1, "", false);
  }
  engine.dispose();
  const s = summarize(server);
  const e = summarize(alone);
  return { language, lines: text.split("\n").length, diagnostics, server: roundSummary(s), engine: roundSummary(e), serverOverhead: round(s.median - e.median, 2) };
}

async function main(): Promise<void> {
  await initTestEngine();
  const edits = editsArg();
  const client = new TestClient(0);
  await client.initialize();
  const results = [];
  for (const { language, lines } of caseArgs(["python:5000", "typescript:5000"])) results.push(await measure(client, language, lines, edits));
  await client.dispose();
  console.log(`a letter through the language server (didChange to publishDiagnostics, no debounce), ${edits} letters; ms (p50 / p95 / max)`);
  for (const r of results) {
    const f = (x: { median: number; p95: number; max: number }) => `${x.median.toFixed(2)} / ${x.p95.toFixed(2)} / ${x.max.toFixed(2)}`;
    console.log(`${r.language} ${r.lines} lines: server ${f(r.server)}   engine alone ${f(r.engine)}   server's own p50 ${r.serverOverhead}`);
  }
  writeJsonIfAsked({ edits, cases: results });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
