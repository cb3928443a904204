/**
 * Raw parse speed on real files: TypeScript's own parser (`ts.createSourceFile`) against
 * web-tree-sitter with the engine's grammars, on the same TS/JS inputs from node_modules, and
 * web-tree-sitter on Python (the system's standard library). MB/s, median of 5 timed passes
 * over all files after one untimed warm-up pass. Prints figures; asserts nothing.
 *
 *   node out/bench/parsers.js [--json file]
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import * as ts from "typescript";
import { parseText } from "../rules/src/parse/parser";
import { initTestEngine } from "../rules/src/testing";
import type { LanguageId } from "../rules/src/types";
import { round, summarize, writeJsonIfAsked } from "./common";
import { generateSource } from "./generate";

const RUNS = 5;
/** Bundles like typescript.js (9 MB) or lib.dom.d.ts (2.3 MB) are not code anyone edits. */
const MAX_FILE_BYTES = 1_000_000;
const MB = 1_000_000;

interface Input {
  path: string;
  text: string;
  bytes: number;
}

function walk(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out; // a missing folder just contributes nothing
  }
  for (const name of names) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path, keep, out);
    else if (keep(name) && stat.size <= MAX_FILE_BYTES) out.push(path);
  }
  return out;
}

function load(paths: string[]): Input[] {
  return paths.map((path) => {
    const text = readFileSync(path, "utf8");
    return { path, text, bytes: Buffer.byteLength(text) };
  });
}

function tsJsInputs(): Input[] {
  const nm = join(__dirname, "../../node_modules");
  const isTsJs = (name: string) => /\.(js|ts)$/.test(name);
  const dirs = ["typescript/lib", "@types/node", "vscode-jsonrpc", "vscode-languageserver", "vscode-languageserver-protocol", "vscode-languageserver-types"];
  return load(dirs.flatMap((d) => walk(join(nm, d), isTsJs)));
}

/** The system's Python standard library; generated model code when there is none. */
function pythonInputs(): Input[] {
  const roots = readdirSync("/usr/lib").filter((d) => /^python3\.\d+$/.test(d)).map((d) => join("/usr/lib", d));
  const found = load(roots.flatMap((r) => walk(r, (name) => name.endsWith(".py"))));
  if (found.length > 0) return found;
  return [20_000, 20_000, 20_000, 20_000].map((lines, i) => {
    const text = generateSource("python", lines, i + 1);
    return { path: `generated-${i}.py`, text, bytes: Buffer.byteLength(text) };
  });
}

const tsKind = (path: string) => (path.endsWith(".js") ? ts.ScriptKind.JS : ts.ScriptKind.TS);
const tsLanguage = (path: string): LanguageId => (path.endsWith(".js") ? "javascript" : "typescript");

interface ParserCase {
  name: string;
  inputs: Input[];
  /** Parses one file; returns true when the parser found a syntax error. */
  parse: (input: Input) => boolean;
}

function measure({ name, inputs, parse }: ParserCase) {
  const bytes = inputs.reduce((sum, i) => sum + i.bytes, 0);
  let filesWithErrors = 0;
  for (const input of inputs) if (parse(input)) filesWithErrors++; // warm-up, and the error count
  const speeds: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    for (const input of inputs) parse(input);
    speeds.push(bytes / MB / ((performance.now() - t0) / 1000));
  }
  const s = summarize(speeds);
  const result = { parser: name, files: inputs.length, mb: round(bytes / MB, 2), filesWithErrors, mbPerSecond: { median: round(s.median, 2), min: round(s.min, 2), max: round(s.max, 2) } };
  const f = (v: number) => v.toFixed(2).padStart(6);
  console.log(`${name.padEnd(40)} ${String(result.files).padStart(5)} ${result.mb.toFixed(2).padStart(7)}  ${f(s.median)} ${f(s.min)} ${f(s.max)}  ${String(filesWithErrors).padStart(5)}`);
  return result;
}

async function main(): Promise<void> {
  await initTestEngine();
  const tsJs = tsJsInputs();
  const python = pythonInputs();
  const cases: ParserCase[] = [
    {
      name: "typescript ts.createSourceFile (TS/JS)",
      inputs: tsJs,
      // No parent pointers: the cheapest mode, what a scan would use. `parseDiagnostics` is
      // internal but long-standing; it only feeds the error column.
      parse: (i) => {
        const file = ts.createSourceFile(i.path, i.text, ts.ScriptTarget.Latest, false, tsKind(i.path));
        return (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0;
      },
    },
    {
      name: "web-tree-sitter (TS/JS)",
      inputs: tsJs,
      // The tree lives in wasm memory: delete it, as a workspace scan must (timed too).
      parse: (i) => treeSitterParse(tsLanguage(i.path), i.text),
    },
    { name: "web-tree-sitter (Python)", inputs: python, parse: (i) => treeSitterParse("python", i.text) },
  ];
  console.log(`parsers: MB/s (1 MB = 10^6 bytes of UTF-8), median of ${RUNS} passes, min, max; files over 1 MB left out`);
  console.log(`${"parser".padEnd(40)} files      MB  median    min    max errors`);
  const results = cases.map(measure);
  writeJsonIfAsked({ runs: RUNS, parsers: results, pythonSource: python[0]?.path.startsWith("/usr/lib") ? "system standard library" : "generated" });
}

function treeSitterParse(language: LanguageId, text: string): boolean {
  const tree = parseText(language, text);
  const hasError = tree.rootNode.hasError;
  tree.delete();
  return hasError;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
