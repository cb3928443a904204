/**
 * One file of a scan: read it, look for model markers, parse and extract its facts. The same
 * code runs on the main thread and in the scan workers, so both give the same answer.
 */
import { promises as fs, readFileSync, statSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { EMPTY_PROJECT, analyzeText, emptyFacts, lintFacts, mayContainModelCode, type FileFacts, type LintConfig, type WasmLocator } from "../../rules/src/index";
import { initParsers, parserReady, parsersStarted } from "../../rules/src/parse/parser";
import { FileSkipped } from "../../rules/src/parse/budget";
import { readSource } from "../../rules/src/project/readSource";
import type { IndexRecord } from "./metadataIndex";
import type { ResultCache } from "./resultCache";

/** Up to this many files, a scan parses too little for optimised WebAssembly to pay for itself. */
export const SMALL_SCAN = 50;

/** The skip reason of a file whose root did not parse: it is linted (nothing found) and listed as skipped. */
export const UNPARSED = "does not parse (a syntax error early in the file); nothing in it was checked";

export type ScannedFile = { facts: FileFacts } | { skipped: string };

/** Reads in flight ahead of the analysis: each read waits on the thread pool, not on the CPU. */
const READ_AHEAD = 32;

/**
 * A file as the scan sees it: its facts or why it was skipped; with the metadata index, what
 * the index should keep of it (`record`), and `unread` when the index said its text adds
 * nothing to the report (its facts then hold no text: workspaceClients.ts reads it if an
 * import goes through it).
 */
export type Scanned = ScannedFile & { record?: IndexRecord; unread?: true };

/** A file to scan; with the metadata index, its config (a prefiltered-out file's record depends on it) and its record. */
export interface FileToRead {
  absolute: string;
  language: FileFacts["language"];
  config?: LintConfig;
  known?: IndexRecord;
}

/**
 * A file read ahead: its text; or, with the result cache, its answer when the text alone
 * gives it (no model code, or an entry in the cache), else its text and the key to keep the
 * answer under.
 */
type Read = string | Scanned | { text: string; key: string; record?: IndexRecord };

/**
 * Each file's facts, or why it was skipped, in order. Reads run ahead of the analysis (one
 * `await` per read, one after another, left the thread idle for a third of a large scan);
 * so do the cache's look-ups, which are reads too. The grammar of a language is loaded on
 * the first file that passes the text prefilter: a workspace without AI code in TSX never
 * pays for the TSX grammar.
 */
export async function* scanFiles(files: FileToRead[], locate: WasmLocator | undefined, cache?: ResultCache): AsyncGenerator<Scanned> {
  const reads: Promise<Read>[] = [];
  for (let i = 0; i < files.length; i++) {
    for (let j = reads.length; j < Math.min(files.length, i + READ_AHEAD); j++) reads.push(readAhead(files[j]!, cache));
    const read = await reads[i]!;
    delete reads[i];
    const { language } = files[i]!;
    if (typeof read === "string") yield await analyseSource(read, language, locate);
    else if ("key" in read) {
      const scanned = await analyseSource(read.text, language, locate);
      cache!.store(read.key, language, scanned);
      yield read.record && "facts" in scanned ? { ...scanned, record: read.record } : scanned;
    } else yield read;
  }
}

async function readAhead(file: FileToRead, cache: ResultCache | undefined): Promise<Read> {
  if (cache?.usesMetadata && file.config) return readByMetadata(file, file.config, cache);
  const text = await readSource(file.absolute, fs);
  if (typeof text !== "string" || !cache) return text;
  if (!mayContainModelCode(text)) return { facts: emptyFacts(text, file.language) };
  const found = cache.lookup(text, file.language);
  return "hit" in found ? found.hit : { text, key: found.key };
}

/**
 * `readAhead` through the metadata index (metadataIndex.ts): `stat` first; a file whose stamp
 * is the recorded one is not read (prefiltered out, nothing found under this config) or is
 * read and not hashed (its entry's key is recorded). Otherwise as without the index, and the
 * file's new record goes back to the index. Files skipped (too large, binary, unreadable) and
 * answers that are not facts get no record: they are read every run, as they are rare.
 */
async function readByMetadata(file: FileToRead, config: LintConfig, cache: ResultCache): Promise<Read> {
  // Synchronous: a few microseconds on a cached inode, a third of what the promise's round trip costs.
  const stat = statSync(file.absolute, { bigint: true, throwIfNoEntry: false });
  const stamp = stat?.isFile() ? cache.trustedStamp(stat) : null;
  const known = stamp !== null && file.known?.stamp === stamp ? file.known : undefined;
  if (known && "config" in known && known.config === configText(config)) return { facts: emptyFacts("", file.language), record: known, unread: true };
  // A known file is read at once, with the size just taken: the promise API's stat and read
  // cost about 0.3 ms of this thread's time per file, the synchronous read a tenth of that.
  const text = await readSource(file.absolute, known && stat ? { stat: async () => ({ size: Number(stat.size) }), readFile: async (path) => readFileSync(path) } : fs);
  if (typeof text !== "string") return text;
  if (known && "key" in known) {
    const found = cache.lookupKey(known.key, text, file.language);
    return "hit" in found ? withRecord(found.hit, known) : { text, key: found.key, record: known };
  }
  if (!mayContainModelCode(text)) {
    const facts = emptyFacts(text, file.language);
    return stamp !== null && inertUnder(facts, config) ? { facts, record: { stamp, config: configText(config) } } : { facts };
  }
  const key = cache.keyOf(text, file.language);
  const found = cache.lookupKey(key, text, file.language);
  const record = stamp !== null ? { stamp, key } : undefined;
  return "hit" in found ? withRecord(found.hit, record) : { text, key, record };
}

/** A config as the index keeps it; files share config objects (check.ts), so each is written out once. */
const configTexts = new WeakMap<LintConfig, string>();
function configText(config: LintConfig): string {
  let text = configTexts.get(config);
  if (text === undefined) configTexts.set(config, (text = JSON.stringify(config)));
  return text;
}

function withRecord(scanned: ScannedFile, record: IndexRecord | undefined): Scanned {
  return record && "facts" in scanned ? { ...scanned, record } : scanned;
}

/**
 * A prefiltered-out file adds nothing to the report when the checks that read its text alone
 * (a public build variable naming a model key, for one) find nothing in it under its config.
 * Facts with nothing extracted take nothing from the project (no call site, client or sink to
 * resolve against it), so the empty project stands for any.
 */
export function inertUnder(facts: FileFacts, config: LintConfig): boolean {
  try {
    return lintFacts(facts, config, EMPTY_PROJECT).findings.length === 0;
  } catch {
    return false;
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

/** `analyseSource`, through the result cache when there is one: for one file, not read ahead (stdin). */
export async function analyseCached(text: string, language: FileFacts["language"], locate: WasmLocator | undefined, cache: ResultCache | undefined): Promise<ScannedFile> {
  if (!cache || !mayContainModelCode(text)) return analyseSource(text, language, locate);
  const found = cache.lookup(text, language);
  if ("hit" in found) return found.hit;
  const scanned = await analyseSource(text, language, locate);
  cache.store(found.key, language, scanned);
  return scanned;
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

