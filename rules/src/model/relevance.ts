/**
 * Which parts of a file the extraction walks.
 *
 * Walking a tree costs per node: every call and assignment crosses from the parser's
 * WebAssembly into JavaScript and is looked at. In an ordinary module most top-level
 * statements (functions, classes, constants) have nothing to do with model calls, and
 * walking them was most of a keystroke's time. So the extraction walks a top-level
 * statement only when its text could hold something the facts are made of:
 *
 * - a match of `RELEVANT_TEXT` or a word of `RELEVANT_WORDS` (model-call method chains,
 *   imports and `require`, suppression comments, instrumentation calls, prompt names a logger
 *   could print, key shapes, `fetch`);
 * - a name the file binds to something that matters: every imported name (an SDK is only
 *   reached through one, or through `require`/`import()`), and the clients,
 *   factories, derived runnables, receivers of call sites and names bound to imported calls
 *   that the extraction itself finds (`relevantNames` in common.ts).
 *
 * The names grow with what is found, so the extraction repeats until the choice stops
 * changing (`extractRelevant` in analyze.ts); usually the first round already holds them all.
 * Model output is followed only within a function, so a statement without any of these words
 * cannot take part, with one exception: output bound at module level flows through
 * module-level statements and class bodies. A file with a model call outside any function is
 * therefore walked whole, and so is a file whose text is mostly chosen anyway (most AI modules
 * use their imports all over). `test/relevance.test.ts` and every rule test check that the
 * facts equal a walk of the whole file.
 */
import { SDKS } from "./catalogue";
import { PROMPT_NAMES } from "./outputUse";
import { CLIENT_WRAPPERS, INSTRUMENTATION_CALLS, INSTRUMENTATION_CLASSES, INSTRUMENTATION_MARKER } from "./telemetryCatalogue";
import { KEY_MARKER } from "./secrets";
import { FileSkipped, treeOverBudget } from "../parse/budget";
import type { Node } from "./syntax";
import { escapeRegExp, matchesWithin } from "./textScan";

const identifiers = (texts: string[]) => [...new Set(texts.flatMap((t) => t.match(/[A-Za-z_$][\w$]*/g) ?? []))];

/** `a.b.c` with any spacing and optional chaining between the names. */
const methodChains = [...new Set(SDKS.flatMap((sdk) => sdk.methods.map((m) => m.path)).filter((p) => p.includes(".")))].map((path) =>
  path.split(".").map(escapeRegExp).join("\\s*\\??\\.\\s*"),
);

const RELEVANT_WORDS = [
  "import",
  "require",
  "fetch",
  "with_raw_response",
  "with_streaming_response",
  ...PROMPT_NAMES,
  // An instrumentation call holds the first name of its path (`Traceloop` of `Traceloop.init`).
  ...identifiers([...INSTRUMENTATION_CALLS, ...INSTRUMENTATION_CLASSES, ...CLIENT_WRAPPERS].map((call) => call.split(".")[0])),
];

/**
 * Text that makes a statement worth walking whatever the file binds. Compiled once, with the
 * `g` flag the scans need: V8 compiles a regular expression run over long texts to machine
 * code, and one of these per file would leave tens of megabytes of it behind on a workspace.
 */
const RELEVANT_TEXT = [
  wordsPattern(RELEVANT_WORDS)!,
  INSTRUMENTATION_MARKER,
  KEY_MARKER,
  /api_?key|secret_access_key/i,
  /ai-readiness:|choices\s*\[/,
  new RegExp(methodChains.join("|")),
].map((pattern) => (pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`)));

/** The share of the text above which a file is walked whole. */
const MOSTLY = 0.5;

/** A scan (`g`) for any of `words` as a whole name. */
function wordsPattern(words: Iterable<string>): RegExp | null {
  const alternatives = [...words].filter((w) => /^[A-Za-z_$][\w$]*$/.test(w)).map(escapeRegExp);
  return alternatives.length > 0 ? new RegExp(`(?<![\\w$])(?:${alternatives.join("|")})(?![\\w$])`, "g") : null;
}

/**
 * Part of a file to extract (statement memo, model/statementMemo.ts): the top-level statements
 * whose facts are not kept from an earlier keystroke, and whether the statements left out hold
 * call sites (a file with call sites reports prompts handed to a logger anywhere in it).
 */
export interface WalkScope {
  statements: Node[];
  callSitesElsewhere: boolean;
}

/**
 * The top-level statements an extraction walks, chosen by their text. `everything` walks the
 * whole file (the reference the selection is tested against, and the fallback).
 */
export class StatementSelection {
  private readonly statements: Node[];
  /** The statements cover little of the text (see `markEach`). */
  private readonly sparse: boolean;
  /** What a walk of everything covers: the root, or the statements of a `WalkScope`. */
  private readonly whole: Node[];
  private readonly depthChecked = new Set<number>();
  /** The names the last `relevant` call chose by, and what it chose. */
  private chosenBy = new Set<string>();
  private chosen: boolean[] = [];

  constructor(
    root: Node,
    private readonly text: string,
    /** Names found relevant by an earlier round. */
    private readonly knownNames: Set<string>,
    private readonly everything = false,
    private readonly scope?: WalkScope,
  ) {
    this.whole = scope ? scope.statements : [root];
    this.statements = scope ? scope.statements : everything ? [root] : statementsOf(root);
    this.sparse = scope !== undefined && scope.statements.reduce((sum, s) => sum + s.endIndex - s.startIndex, 0) < text.length / 4;
  }

  /** Call sites outside the walked statements (never, unless a `WalkScope` says so). */
  get callSitesElsewhere(): boolean {
    return this.scope?.callSitesElsewhere ?? false;
  }

  /** The statements whose text matches `pattern` (every statement when walking everything). */
  matching(pattern: RegExp): Node[] {
    const hits = this.statements.map(() => this.everything);
    if (!this.everything) this.mark(pattern, hits);
    return this.checked(this.statements.filter((_, i) => hits[i]));
  }

  /** The statements worth walking, given the names the adapter found bound so far (its imports). */
  relevant(names: Iterable<string>): Node[] {
    this.chosenBy = new Set([...this.knownNames, ...names]);
    this.chosen = this.choose(this.chosenBy);
    if (this.chosen.every((hit) => hit)) return this.checked(this.whole);
    return this.checked(this.statements.filter((_, i) => this.chosen[i]));
  }

  /** The last `relevant` call chose every statement: the walk was a walk of the whole file. */
  get choseEverything(): boolean {
    return this.chosen.length > 0 && this.chosen.every((hit) => hit);
  }

  /** The walk would take the same statements if it also knew `more` names. */
  wouldChooseTheSame(more: Iterable<string>): boolean {
    if (this.chosen.every((hit) => hit)) return true;
    // More names only add statements: the same choice means no statement left out uses a new one.
    const pattern = wordsPattern([...more].filter((name) => !this.chosenBy.has(name)));
    return pattern === null || this.mark(pattern, [...this.chosen]) === 0;
  }

  /**
   * Pattern by pattern, the statements that hold a match; everything once most of the text
   * is chosen: most AI modules use their imports all over, and then one walk of the whole
   * tree is cheaper than many, and saves the rounds that names found later cost.
   */
  private choose(names: Set<string>): boolean[] {
    const chosen = this.statements.map(() => this.everything);
    if (this.everything) return chosen;
    const total = this.statements.reduce((sum, s) => sum + s.endIndex - s.startIndex, 0);
    let length = 0;
    const byName = wordsPattern(names);
    for (const pattern of byName ? [byName, ...RELEVANT_TEXT] : RELEVANT_TEXT) {
      length += this.mark(pattern, chosen);
      if (length > MOSTLY * total) return chosen.map(() => true);
    }
    return chosen;
  }

  /**
   * Marks the statements that hold a match of `pattern`, in one scan of the text that steps
   * over statements already marked; returns the length of text newly marked.
   */
  private mark(pattern: RegExp, chosen: boolean[]): number {
    const scan = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
    if (this.sparse) return this.markEach(scan, chosen);
    scan.lastIndex = 0;
    const count = this.statements.length;
    let added = 0;
    for (let i = 0; ; ) {
      while (i < count && chosen[i]) i++;
      if (i >= count) break;
      // Each statement is tested on its own text: a scan never starts before one.
      scan.lastIndex = Math.max(scan.lastIndex, this.statements[i].startIndex);
      const match = scan.exec(this.text);
      if (!match) break;
      while (i < count - 1 && this.statements[i + 1].startIndex <= match.index) i++;
      const statement = this.statements[i];
      if (match.index < statement.endIndex && !chosen[i]) {
        chosen[i] = true;
        added += statement.endIndex - statement.startIndex;
      }
      // A match can run on into the next statement, which is then tested from its start.
      scan.lastIndex = statement.endIndex;
      i++;
    }
    return added;
  }

  /**
   * `mark` for statements that cover little of the text (the few a keystroke re-extracts, model/
   * statementMemo.ts): each statement's own text is scanned, not the text between them.
   */
  private markEach(scan: RegExp, chosen: boolean[]): number {
    let added = 0;
    this.statements.forEach((statement, i) => {
      if (chosen[i] || matchesWithin(this.text, scan, statement.startIndex, statement.endIndex).next().done) return;
      chosen[i] = true;
      added += statement.endIndex - statement.startIndex;
    });
    return added;
  }

  /** The depth limit, for the statements about to be walked (deep trees overflow walks up the parents). */
  private checked(statements: Node[]): Node[] {
    for (const statement of statements) {
      if (this.depthChecked.has(statement.id)) continue;
      const tooDeep = treeOverBudget(statement.walk());
      if (tooDeep) throw new FileSkipped(tooDeep);
      this.depthChecked.add(statement.id);
    }
    return statements;
  }
}

/**
 * The top-level statements, looking through `ERROR` nodes: a typo can wrap the rest of the file
 * in one, whose children are the statements again (everything inside is broken code, from
 * which no model output is followed).
 */
export function statementsOf(root: Node): Node[] {
  return root.namedChildren.flatMap((child) => (child.isError ? statementsOf(child) : [child]));
}

/**
 * Every node of the given types inside `statements` (themselves included), in document order.
 * Each `descendantsOfType` walks inside the parser: one walk for every type the adapter needs
 * is several times cheaper than one per type. (`ERROR` must not be among the types:
 * web-tree-sitter 0.27 then returns nothing at all.)
 */
export function descendantsIn(statements: Node[], types: string[]): Node[] {
  return statements.flatMap((statement) => statement.descendantsOfType(types));
}

/** `descendantsIn`, grouped by type. */
export function nodesIn(statements: Node[], types: string[]): Map<string, Node[]> {
  const byType = new Map<string, Node[]>(types.map((t) => [t, []]));
  for (const node of descendantsIn(statements, types)) byType.get(node.type)?.push(node);
  return byType;
}
