/** Source text → model facts: parse (incrementally when a previous tree is given), extract, and free the tree. */
import type { LanguageId } from "./types";
import type { FileFacts } from "./model/facts";
import { extractJavaScript } from "./model/javascript";
import { extractPython } from "./model/python";
import { parseText, type Tree } from "./parse/parser";
import { withParentCache } from "./model/syntax";
import { withScopeWalks } from "./model/scopeWalks";
import { LIMITS, withBudget } from "./parse/budget";
import { StatementSelection, type WalkScope } from "./model/relevance";
import type { StatementMemo } from "./model/statementMemo";
import type { Extraction } from "./model/facts";
import type { Node } from "./model/syntax";

/** Files bigger than this are skipped with a message: a generated bundle is not AI code. */
export const MAX_FILE_CHARS = LIMITS.maxChars;

/** The text prefilter lives in model/prefilter.ts; hosts import it from here. */
export { mayContainModelCode } from "./model/prefilter";

export function extractFacts(tree: Tree, text: string, language: LanguageId): FileFacts {
  // One typo can make the grammar wrap the whole file in an error (`for await (x oqf y)` in
  // TS): every check would be unknown, and walking up such a tree can overflow
  // web-tree-sitter's stack. Nothing to report until the file parses again.
  if (tree.rootNode.type === "ERROR") return unparsedFacts(text, language);
  return extractIn(tree.rootNode, text, language).facts;
}

/**
 * The facts of an open document, keeping the facts of unchanged statements from the last
 * keystroke (model/statementMemo.ts).
 */
export function extractKeeping(tree: Tree, text: string, language: LanguageId, memo: StatementMemo): FileFacts {
  const root = tree.rootNode;
  if (root.type === "ERROR") {
    memo.clear();
    return unparsedFacts(text, language);
  }
  return memo.extract(root, text, language, (scope) => extractIn(root, text, language, scope));
}

export function unparsedFacts(text: string, language: LanguageId): FileFacts {
  return { ...emptyFacts(text, language), syntaxErrors: 1, unparsed: true };
}

/**
 * The facts of the statements of `scope` (of the whole file without one), with the caches one
 * extraction shares (parents, walks of each function).
 */
export function extractIn(root: Node, text: string, language: LanguageId, scope?: WalkScope): Extraction {
  return withParentCache(() => withScopeWalks(() => extractRelevant(root, text, language, scope)));
}

/** Rounds of growing names before the extraction gives up choosing and walks the whole file. */
const MAX_ROUNDS = 3;

/**
 * The facts, walking only the statements that can hold them (see model/relevance.ts). Each
 * round may find names that make more statements relevant; the facts stand once a round
 * would choose the same statements again.
 */
function extractRelevant(root: Node, text: string, language: LanguageId, scope: WalkScope | undefined): Extraction {
  let names = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const selection = new StatementSelection(root, text, names, false, scope);
    const extraction = extractWith(root, text, language, selection);
    // A round that chose every statement walked the whole file already: its facts are the reference's.
    if (selection.choseEverything) return extraction;
    if (extraction.moduleLevelCalls) break;
    if (selection.wouldChooseTheSame(extraction.relevantNames)) return extraction;
    names = new Set([...names, ...extraction.relevantNames]);
  }
  return extractWith(root, text, language, new StatementSelection(root, text, new Set(), true, scope));
}

/** The facts from a walk of every statement: the reference `extractRelevant` must equal. */
export function extractWhole(root: Node, text: string, language: LanguageId): FileFacts {
  return extractWith(root, text, language, new StatementSelection(root, text, new Set(), true)).facts;
}

function extractWith(root: Node, text: string, language: LanguageId, selection: StatementSelection): Extraction {
  return language === "python" ? extractPython(root, text, language, selection) : extractJavaScript(root, text, language, selection);
}

/** Parses and extracts in one step, deleting the tree (workspace scans keep no trees). */
export function analyzeText(text: string, language: LanguageId): FileFacts {
  return withBudget(() => {
    const tree = parseText(language, text);
    try {
      return extractFacts(tree, text, language);
    } finally {
      tree.delete();
    }
  });
}

/** Facts for a file that cannot hold AI code: nothing to check. */
export function emptyFacts(text: string, language: LanguageId): FileFacts {
  return {
    language,
    text,
    callSites: [],
    clients: [],
    jsonParses: [],
    sinks: [],
    uncheckedContents: [],
    loggedContent: [],
    stringLiterals: [],
    instrumentation: [],
    reexports: [],
    imports: { insertAt: 0, hasOpenTelemetry: false, hasOs: false, hasLogging: false },
    suppressions: [],
    syntaxErrors: 0,
  };
}
