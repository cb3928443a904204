import { Language, Parser, type Tree } from "web-tree-sitter";
import type { LanguageId } from "../types";
import { budgetExpired, checkText, FileSkipped, LIMITS } from "./budget";

/**
 * Where a `.wasm` file lives. The hosts decide: the bundles load them from their own folder,
 * tests from `node_modules`. The engine never touches the file system itself.
 */
export type WasmLocator = (fileName: string) => string;

export const GRAMMAR_FILES: Record<LanguageId, string> = {
  python: "tree-sitter-python.wasm",
  typescript: "tree-sitter-typescript.wasm",
  tsx: "tree-sitter-tsx.wasm",
  javascript: "tree-sitter-javascript.wasm",
};
export const RUNTIME_WASM = "web-tree-sitter.wasm";

const parsers = new Map<LanguageId, Parser>();
const grammarsLoading = new Map<LanguageId, Promise<void>>();
let runtimeLoading: Promise<void> | undefined;

/**
 * Loads the runtime once, then the grammars of `languages` (every language by default) that
 * are not loaded yet; later calls wait for the first. A host that knows which languages it
 * will meet asks for those only: each grammar costs milliseconds of WebAssembly compilation.
 */
export function initParsers(locate: WasmLocator, languages: readonly LanguageId[] = Object.keys(GRAMMAR_FILES) as LanguageId[]): Promise<void> {
  const runtime = (runtimeLoading ??= Parser.init({ locateFile: (name: string) => locate(name) }));
  return Promise.all(
    languages.map((id) => {
      let loading = grammarsLoading.get(id);
      if (!loading) {
        loading = (async () => {
          await runtime;
          const parser = new Parser();
          parser.setLanguage(await Language.load(locate(GRAMMAR_FILES[id])));
          parsers.set(id, parser);
        })();
        grammarsLoading.set(id, loading);
      }
      return loading;
    }),
  ).then(() => undefined);
}

/** Whether any WebAssembly has been loaded yet (V8 flags for WebAssembly still apply when not). */
export function parsersStarted(): boolean {
  return runtimeLoading !== undefined;
}

/** Whether `language` can be parsed now, without waiting for `initParsers`. */
export function parserReady(language: LanguageId): boolean {
  return parsers.has(language);
}

function parserFor(language: LanguageId): Parser {
  const parser = parsers.get(language);
  if (!parser) throw new Error(`AI Readiness: the ${language} parser is not initialised (call initEngine first)`);
  return parser;
}

/** Set when the parser's WebAssembly failed: its memory can no longer be trusted. */
let failure: string | null = null;

/**
 * The parser's WebAssembly trapped (out-of-bounds access, unreachable). Its memory may be
 * corrupt, so every later parse fails too: a long-lived host should restart its process.
 */
export class ParserFailed extends Error {
  constructor(reason: string) {
    super(`AI Readiness: the parser failed (${reason}) and must be restarted`);
    this.name = "ParserFailed";
  }
}

/**
 * Parses `text`; with `previous` (already edited to match `text`) the parse is incremental.
 * Throws `FileSkipped` for a text over the budget (checked first: some deep texts crash
 * the parser; `textChecked` when the caller knows it is within) and when the budget's time
 * runs out mid-parse.
 */
export function parseText(language: LanguageId, text: string, previous?: Tree, textChecked = false): Tree {
  const parser = parserFor(language);
  if (failure) throw new ParserFailed(failure);
  if (!textChecked) checkText(text, language === "python");
  let tree: Tree | null;
  try {
    tree = parser.parse(text, previous ?? null, { progressCallback: budgetExpired });
  } catch (error) {
    // A trap inside the WebAssembly (out-of-bounds access, unreachable): its memory may be corrupt.
    if (error instanceof Error && error.name === "RuntimeError") {
      failure = error.message;
      throw new ParserFailed(failure);
    }
    throw error;
  }
  if (!tree) {
    // Cancelled by the progress callback: start the next parse afresh.
    parser.reset();
    throw new FileSkipped(`took longer than ${LIMITS.timeMs / 1000} s to parse`);
  }
  return tree;
}

export type { Tree };

const EXTENSIONS: Record<string, LanguageId> = {
  ".py": "python",
  ".pyi": "python",
  ".ts": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".tsx": "tsx",
  ".js": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".jsx": "javascript",
};

/** The language of a file by its name, or undefined when the engine does not read it. */
export function languageForPath(path: string): LanguageId | undefined {
  if (path.endsWith(".d.ts")) return undefined;
  const dot = path.lastIndexOf(".");
  return dot < 0 ? undefined : EXTENSIONS[path.slice(dot).toLowerCase()];
}

/** Maps an LSP/VS Code language id to the engine's. */
export function languageForLanguageId(id: string): LanguageId | undefined {
  switch (id) {
    case "python":
      return "python";
    case "typescript":
      return "typescript";
    case "typescriptreact":
      return "tsx";
    case "javascript":
    case "javascriptreact":
      return "javascript";
    default:
      return undefined;
  }
}
