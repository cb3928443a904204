/**
 * One file of a scan: read it, look for model markers, parse and extract its facts. The same
 * code runs on the main thread and in the scan workers, so both give the same answer.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { MAX_FILE_CHARS, analyzeText, emptyFacts, mayContainModelCode, type FileFacts, type WasmLocator } from "../../rules/src/index";
import { initParsers, parserReady, parsersStarted } from "../../rules/src/parse/parser";

/** Up to this many files, a scan parses too little for optimised WebAssembly to pay for itself. */
export const SMALL_SCAN = 50;

/** Bytes looked at for a NUL, the sign of a binary file. */
const BINARY_PROBE = 8000;

/** The skip reason of a file whose root did not parse: it is linted (nothing found) and listed as skipped. */
export const UNPARSED = "does not parse (a syntax error early in the file); nothing in it was checked";

export type ScannedFile = { facts: FileFacts } | { skipped: string };

/**
 * The file's facts, or why it was skipped. The grammar of its language is loaded on the
 * first file that passes the text prefilter: a workspace without AI code in TSX never pays
 * for the TSX grammar.
 */
export async function scanFile(path: string, language: FileFacts["language"], locate: WasmLocator): Promise<ScannedFile> {
  const text = readSource(path);
  if (typeof text !== "string") return text;
  return analyseSource(text, language, locate);
}

/**
 * For a scan of a few files: run the grammars on V8's baseline WebAssembly compiler only.
 * By default V8 re-compiles the parser's hot functions with its optimising compiler in the
 * background, about 80 ms of CPU that a few files never win back, and Node waits for that
 * compilation before it exits. Must run before the first grammar loads (the flag is read
 * when a module is compiled); later calls change nothing.
 */
export function preferQuickStart(fileCount: number): void {
  if (fileCount <= SMALL_SCAN && !parsersStarted()) setFlagsFromString("--liftoff-only");
}

export async function analyseSource(text: string, language: FileFacts["language"], locate: WasmLocator): Promise<ScannedFile> {
  if (!mayContainModelCode(text)) return { facts: emptyFacts(text, language) };
  // Outside the try: a grammar that does not load is a broken install, not a broken file.
  if (!parserReady(language)) await initParsers(locate, [language]);
  try {
    return { facts: analyzeText(text, language) };
  } catch (error) {
    return { skipped: `could not be analysed (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * The file's text, or why it was skipped (too large, binary, unreadable). Synchronous on
 * purpose: thousands of small files read one after another cost a thread-pool round trip
 * each when read with promises, and the scan has nothing else to do meanwhile.
 */
export function readSource(path: string): string | { skipped: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    // UTF-8 takes at least one byte per UTF-16 unit; more bytes than 3 units each is surely too long.
    if (size > MAX_FILE_CHARS * 3) return { skipped: `too large (${(size / 1e6).toFixed(1)} MB)` };
    const bytes = readAll(fd, size);
    if (bytes.subarray(0, BINARY_PROBE).includes(0)) return { skipped: "binary content" };
    const text = bytes.toString("utf8");
    if (text.length > MAX_FILE_CHARS) return { skipped: `too large (${text.length} characters, the limit is ${MAX_FILE_CHARS})` };
    return text;
  } catch (error) {
    return { skipped: `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads to the end: the size from fstat is a hint, a file can grow or shrink meanwhile. */
function readAll(fd: number, size: number): Buffer {
  // One byte more than the size, so that a file of unchanged size is read in one call plus the 0 of its end.
  let buffer = Buffer.allocUnsafe(size + 1);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (total > MAX_FILE_CHARS * 3) break; // grew past the limit while read: the length check reports it
      buffer = Buffer.concat([buffer, Buffer.allocUnsafe(65536)]);
    }
    const read = readSync(fd, buffer, total, buffer.length - total, null);
    if (read === 0) break;
    total += read;
  }
  return buffer.subarray(0, total);
}
