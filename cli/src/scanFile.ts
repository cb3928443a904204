/**
 * One file of a scan: read it, look for model markers, parse and extract its facts. The same
 * code runs on the main thread and in the scan workers, so both give the same answer.
 */
import { promises as fs } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { analyzeText, emptyFacts, mayContainModelCode, type FileFacts, type WasmLocator } from "../../rules/src/index";
import { initParsers, parserReady, parsersStarted } from "../../rules/src/parse/parser";
import { FileSkipped } from "../../rules/src/parse/budget";
import { readSource } from "../../rules/src/project/readSource";

/** Up to this many files, a scan parses too little for optimised WebAssembly to pay for itself. */
export const SMALL_SCAN = 50;

/** The skip reason of a file whose root did not parse: it is linted (nothing found) and listed as skipped. */
export const UNPARSED = "does not parse (a syntax error early in the file); nothing in it was checked";

export type ScannedFile = { facts: FileFacts } | { skipped: string };

/** Reads in flight ahead of the analysis: each read waits on the thread pool, not on the CPU. */
const READ_AHEAD = 32;

/**
 * Each file's facts, or why it was skipped, in order. Reads run ahead of the analysis (one
 * `await` per read, one after another, left the thread idle for a third of a large scan).
 * The grammar of a language is loaded on the first file that passes the text prefilter: a
 * workspace without AI code in TSX never pays for the TSX grammar.
 */
export async function* scanFiles(files: { absolute: string; language: FileFacts["language"] }[], locate: WasmLocator | undefined): AsyncGenerator<ScannedFile> {
  const reads: Promise<string | { skipped: string }>[] = [];
  for (let i = 0; i < files.length; i++) {
    for (let j = reads.length; j < Math.min(files.length, i + READ_AHEAD); j++) reads.push(readSource(files[j]!.absolute, fs));
    const text = await reads[i]!;
    delete reads[i];
    yield typeof text === "string" ? await analyseSource(text, files[i]!.language, locate) : text;
  }
}

/**
 * For a scan of a few files: run the grammars on V8's baseline WebAssembly compiler only.
 * By default V8 re-compiles the parser's hot functions with its optimising compiler in the
 * background, about 80 ms of CPU that a few files never win back, and Node waits for that
 * compilation before it exits. Must run before the first grammar loads (the flag is read
 * when a module is compiled); later calls change nothing.
 */
export function preferQuickStart(fileCount: number): void {
  if (fileCount <= SMALL_SCAN && !parsersStarted()) {
    setFlagsFromString("--liftoff-only");
    quickStart = true;
  }
}

let quickStart = false;

/**
 * Puts back the flags `preferQuickStart` set (`--liftoff-only` also turned off the two tier-up
 * flags), for a code cache made at exit: V8 only takes a cache under the flags it was made
 * under, and the next process starts with the defaults.
 */
export function restoreV8Flags(): void {
  if (quickStart) setFlagsFromString("--no-liftoff-only --wasm-tier-up --wasm-dynamic-tiering");
  quickStart = false;
}

export async function analyseSource(text: string, language: FileFacts["language"], locate: WasmLocator | undefined): Promise<ScannedFile> {
  if (!mayContainModelCode(text)) return { facts: emptyFacts(text, language) };
  // Outside the try: a grammar that does not load is a broken install, not a broken file.
  if (!parserReady(language) && locate) await initParsers(locate, [language]);
  try {
    return { facts: analyzeText(text, language) };
  } catch (error) {
    if (error instanceof FileSkipped) return { skipped: error.reason };
    return { skipped: `could not be analysed (${error instanceof Error ? error.message : String(error)})` };
  }
}

