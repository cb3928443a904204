/**
 * What names the engine that made a file's facts, for the result cache: when the code that
 * parses and extracts could have changed, so does the stamp, and no fact an older engine made
 * is read. It is a hash of the code itself, not a version number someone must remember to
 * raise:
 * - installed, the engine is bundled into the CLI (`cliMain.js`, and the same sources again in
 *   `scanWorker.js`): both files;
 * - in a development build (`tsc` output, what the tests load), the compiled engine and CLI,
 *   every `.js` file under `rules/src` and `cli/src` but the tests;
 * - and in both, the grammars (`.wasm`), which a dependency update changes without a line of
 *   our code changing. Without a locator (a host that loaded the engine itself, as tests
 *   do) they are left out: where they came from is not known here.
 * Nothing of the machine, a path or a time goes in: a cache restored on another machine (a CI
 * cache) is still read by the same build.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { GRAMMAR_FILES, RUNTIME_WASM, type WasmLocator } from "../../rules/src/index";

/** The format of the cache's entries: part of the stamp, and written in each entry (resultCache.ts). */
export const ENTRY_FORMAT = 1;

export function engineStamp(locate: WasmLocator | undefined, moduleFile: string = __filename): string {
  const hash = createHash("sha256").update(`ai-readiness result cache, format ${ENTRY_FORMAT}\0`);
  for (const file of engineCode(moduleFile)) hash.update(`${basename(file)}\0`).update(readFileSync(file));
  if (locate) for (const wasm of grammarFiles()) hash.update(`${wasm}\0`).update(readFileSync(locate(wasm)));
  return hash.digest("hex").slice(0, 32);
}

/** Every file the stamp is made of (`engineStamp`), for knowing it unchanged by `stat` (resultCache.ts). */
export function engineFiles(locate: WasmLocator | undefined, moduleFile: string = __filename): string[] {
  return [...engineCode(moduleFile), ...(locate ? grammarFiles().map(locate) : [])];
}

function grammarFiles(): string[] {
  return [RUNTIME_WASM, ...Object.values(GRAMMAR_FILES)].sort();
}

/** The files holding the code that makes facts, in a fixed order. */
function engineCode(moduleFile: string): string[] {
  // Compiled one module per file (out/cli/src/engineStamp.js); bundled, this code sits in a bundle of any other name.
  if (basename(moduleFile) !== "engineStamp.js") {
    return [moduleFile, join(dirname(moduleFile), "scanWorker.js")];
  }
  const out = dirname(dirname(dirname(moduleFile)));
  return [...sourcesUnder(join(out, "rules/src")), ...sourcesUnder(join(out, "cli/src"))];
}

function sourcesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...sourcesUnder(path));
    else if (entry.name.endsWith(".js") && !entry.name.endsWith(".test.js")) found.push(path);
  }
  return found;
}
