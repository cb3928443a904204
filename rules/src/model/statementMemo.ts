/**
 * Facts kept across keystrokes, top-level statement by top-level statement.
 *
 * In a file full of model calls, every function is relevant (model/relevance.ts) and a
 * keystroke re-extracted every call site: about half a millisecond each, hundreds of
 * milliseconds for a large file. Yet a keystroke changes one statement. The memo keeps the
 * facts of each top-level statement whose text did not change (functions, classes, constants,
 * `const handler = async () => …`), and re-extracts only the changed statements and those
 * that bind something file-wide (imports, clients), hold a call at module level or are error
 * nodes, then moves the kept facts to where their statement now is.
 *
 * A statement's facts depend on the rest of the file only through what the file binds
 * (imports, clients, names bound to other objects or to imported calls, the SDKs in use), the
 * module constants a request's URL is read from, and a few properties of the whole text (line
 * breaks, indentation unit, key shapes, whether the file has call sites). After each partial
 * extraction these are compared with the ones the kept facts were taken under (`contextOf`);
 * any difference means a whole extraction. For that to hold, a kept statement must bind
 * nothing file-wide itself: its text holds no import, construction (`X(…)`, `new`, an
 * instrumenting wrapper, a client factory method), call of an imported function bound to a
 * name, or name of a chat model a runnable can be derived from (`isolated`).
 *
 * Model output of a call outside any function flows through module-level code and class
 * bodies: a statement other than a function definition that names such output, or holds a
 * model call outside a function, is walked. A function's flows stay inside it. `test/statementMemo.test.ts` checks after each of many random edits
 * that the memo's facts equal a fresh extraction.
 */
import type { LanguageId, Span } from "../types";
import type { CallSite, ClientFact, Extraction, FileFacts, FileWideNames } from "./facts";
import type { Node } from "./syntax";
import type { WalkScope } from "./relevance";
import { indentUnit, newlineOf } from "./syntax";
import { mayHoldKeys } from "./secrets";
import { CLIENT_WRAPPERS } from "./telemetryCatalogue";
import { FACTORY_METHODS } from "./catalogue";
import { clientNamesShared, moduleConstantLines } from "./common";
import { escapeRegExp } from "./textScan";

/** Extracts the facts of some statements of a file (all of them without a scope); see analyze.ts. */
export type ScopedExtractor = (scope?: WalkScope) => Extraction;

/** The lists of facts that sit inside one statement each; every other field is file-wide. */
const LISTS = ["callSites", "jsonParses", "sinks", "uncheckedContents", "loggedContent", "stringLiterals", "instrumentation", "suppressions"] as const;
type ListName = (typeof LISTS)[number];
type Item = FileFacts[ListName][number];

const FUNCTIONS = new Set(["function_definition", "function_declaration", "generator_function_declaration"]);
const EXPORTED_FUNCTION = /^export\s+(?:default\s+)?(?:async\s+)?function\b/;


/**
 * Text through which a statement could bind a name for the whole file: imports and loaders;
 * a construction (a call of a capitalised name, `new`, an instrumenting wrapper, a client
 * factory method), which is how clients and other objects get bound.
 */
const BINDS_FILE_WIDE = new RegExp(
  [
    "(?<![\\w$])(?:import|require|new)(?![\\w$])",
    `(?<![\\w$])(?:[A-Z][\\w$]*|${[...CLIENT_WRAPPERS, ...FACTORY_METHODS].map(escapeRegExp).join("|")})\\s*(?:<[^<>()]*>\\s*)?\\(`,
  ].join("|"),
);

interface Entry {
  /** The statement's start offset and row when its facts were taken. */
  start: number;
  row: number;
  lists: { [K in ListName]: FileFacts[K] };
  /** The index of its first call site in the file's list then. */
  firstCallSite: number;
  /** Each call site's client, as an index into the file's clients (-1: none). */
  clientIndexes: number[];
  /** The facts were taken in a file with call sites. */
  fileHadCallSites: boolean;
}

interface Statement {
  node: Node;
  start: number;
  end: number;
  text: string;
  /** Its facts may be kept (see `isolated`). */
  keepable: boolean;
}

export class StatementMemo {
  /** What the entries were taken under (`contextOf`): another context means a whole extraction. */
  private context = "";
  /** Names that make a statement bind file-wide, as found by the last extraction. */
  private names: FileWideNames = { importedFunctions: [], derivable: [] };
  /**
   * Module-level names holding the output of a module-level model call, as found by the last
   * extraction. Code in a class body is in the module's scope and can read them, so a class
   * that names one is walked; a function's flows stay inside it.
   */
  private moduleOutputNames: string[] = [];
  /** Facts by the text of their statement (`keyOf`). */
  private entries = new Map<string, Entry>();
  /**
   * Two clients share a name: a call takes the nearest one before it, so the same text can mean
   * different things in different places, and entries are kept by place too.
   */
  private positional = false;
  /** `isolated` for each statement text seen under the current names (most texts stay the same from one keystroke to the next). */
  private isolatedTexts = new Map<string, boolean>();

  /** Drops everything kept (the next extraction is a whole one). */
  clear(): void {
    this.context = "";
    this.entries = new Map();
  }

  extract(root: Node, text: string, language: LanguageId, extractIn: ScopedExtractor): FileFacts {
    try {
      return this.extractKeeping(root, text, language, extractIn);
    } catch (error) {
      this.clear();
      throw error;
    }
  }

  private extractKeeping(root: Node, text: string, language: LanguageId, extractIn: ScopedExtractor): FileFacts {
    // An error node (a typo can wrap statements in one) is always walked.
    const statements = root.namedChildren.map((node) => this.statementOf(node, text));
    const kept = statements.map((s, i) => (s.keepable ? this.entries.get(this.keyOf(s, i)) : undefined));
    const walked = statements.filter((_, i) => !kept[i]);
    if (walked.length === statements.length) return this.whole(extractIn(), statements, text, language);
    const callSitesElsewhere = kept.some((entry) => entry && entry.lists.callSites.length > 0);
    const extraction = extractIn({ statements: walked.map((s) => s.node), callSitesElsewhere });
    const fileHasCallSites = extraction.facts.callSites.length > 0 || callSitesElsewhere;
    const fileWide = extraction.fileWide();
    const trusted =
      contextOf(fileWide.bindings, text, language) === this.context &&
      sameList(extraction.moduleOutputNames, this.moduleOutputNames) &&
      sameNames(fileWide.names, this.names) &&
      kept.every((entry) => !entry || entry.fileHadCallSites === fileHasCallSites);
    const facts = trusted ? merge(extraction.facts, statements, kept) : null;
    if (!facts) return this.whole(extractIn(), statements, text, language);
    this.remember(facts, statements, fileHasCallSites, kept);
    return facts;
  }

  /** The whole file's extraction; its statements' facts kept for the next keystroke. */
  private whole(extraction: Extraction, statements: Statement[], text: string, language: LanguageId): FileFacts {
    const fileWide = extraction.fileWide();
    this.context = contextOf(fileWide.bindings, text, language);
    if (!sameNames(fileWide.names, this.names) || !sameList(extraction.moduleOutputNames, this.moduleOutputNames)) {
      // These decide which statements are kept: classify again.
      this.names = fileWide.names;
      this.moduleOutputNames = extraction.moduleOutputNames;
      this.isolatedTexts = new Map();
      statements = statements.map((s) => this.statementOf(s.node, text));
    }
    this.remember(extraction.facts, statements, extraction.facts.callSites.length > 0);
    return extraction.facts;
  }

  private isolated(text: string): boolean {
    let answer = this.isolatedTexts.get(text);
    if (answer === undefined) {
      answer = isolated(text, this.names);
      this.isolatedTexts.set(text, answer);
    }
    return answer;
  }

  private keyOf(statement: Statement, index: number): string {
    return this.positional ? `${index}\u0000${statement.text}` : statement.text;
  }

  private statementOf(node: Node, text: string): Statement {
    const start = node.startIndex;
    const end = node.endIndex;
    const statementText = text.slice(start, end);
    const kind = statementKind(node, statementText);
    const keepable = kind !== "error" && this.isolated(statementText) && (kind === "function" || !mentions(statementText, this.moduleOutputNames));
    return { node, start, end, text: statementText, keepable };
  }

  /**
   * Keeps the facts of each keepable statement; only the current statements' entries stay. A
   * statement whose facts were `kept` keeps its entry as it is: an entry's facts are moved from
   * the place they were taken at, wherever that was.
   */
  private remember(facts: FileFacts, statements: Statement[], fileHasCallSites: boolean, kept: (Entry | undefined)[] = []): void {
    const entries = new Map<string, Entry>();
    this.positional = clientNamesShared(facts.clients);
    const walked = statements.filter((_, i) => !kept[i]);
    const parts = splitAmong(facts, walked);
    // Facts outside the statements walked belong to the kept ones; in a whole extraction, a fact
    // outside every statement means nothing can be kept safely.
    if (kept.length === 0 && parts.outside > 0) {
      this.entries = entries;
      return;
    }
    let firstCallSite = 0;
    let part = 0;
    statements.forEach((statement, i) => {
      const entry = kept[i];
      if (entry) {
        entries.set(this.keyOf(statement, i), entry);
        firstCallSite += entry.lists.callSites.length;
        return;
      }
      const lists = parts.inside[part++]!;
      if (statement.keepable) {
        const made = entryOf(statement, lists, firstCallSite, facts.clients, fileHasCallSites);
        if (made) entries.set(this.keyOf(statement, i), made);
      }
      firstCallSite += lists.callSites.length;
    });
    this.entries = entries;
    // Only the texts of the current statements are worth remembering.
    if (this.isolatedTexts.size > 2 * statements.length) this.isolatedTexts = new Map(statements.map((s) => [s.text, this.isolated(s.text)]));
  }
}

/**
 * What kept facts depend on beyond their own statement's text: what the file binds, the
 * module constants a request's URL is read from, and properties of the whole text.
 */
function contextOf(bindings: string, text: string, language: LanguageId): string {
  return [language, newlineOf(text), indentUnit(text), String(mayHoldKeys(text)), bindings, ...moduleConstantLines(text)].join("\u0000");
}

/** Space, line continuations and comments between two tokens. */
const GAP = String.raw`(?:[\s\\]|\/\*[\s\S]*?\*\/|\/\/[^\n]*|#[^\n]*)*`;

/** The statement binds nothing another statement could read (see the file comment). */
function isolated(text: string, names: FileWideNames): boolean {
  if (BINDS_FILE_WIDE.test(text)) return false;
  // `x = get_client()`, `const x = await getClient<T>()` (comments and line continuations between).
  const called = names.importedFunctions.filter((n) => text.includes(n));
  if (called.length > 0 && new RegExp(`=${GAP}(?:await${GAP})?(?:${called.map(escapeRegExp).join("|")})${GAP}(?:<[^<>()]*>${GAP})?\\(`).test(text)) return false;
  return !mentions(text, names.derivable);
}

/**
 * A function's flows stay in its own scope; a class body and other module-level code share the
 * module's. An error node is never kept: its extent depends on the text around it.
 */
function statementKind(node: Node, text: string): "function" | "error" | "other" {
  const type = node.type; // each read crosses into the parser's WebAssembly
  if (FUNCTIONS.has(type)) return "function";
  if (type === "ERROR") return "error";
  if (type === "decorated_definition") return node.childForFieldName("definition")?.type === "function_definition" ? "function" : "other";
  if (type === "export_statement" && EXPORTED_FUNCTION.test(text)) return "function";
  return "other";
}

function mentions(text: string, names: string[]): boolean {
  return names.some((n) => text.includes(n) && new RegExp(`(?<![\\w$])${escapeRegExp(n)}(?![\\w$])`).test(text));
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

function sameNames(a: FileWideNames, b: FileWideNames): boolean {
  return sameList(a.importedFunctions, b.importedFunctions) && sameList(a.derivable, b.derivable);
}

function emptyLists(): Entry["lists"] {
  return { callSites: [], jsonParses: [], sinks: [], uncheckedContents: [], loggedContent: [], stringLiterals: [], instrumentation: [], suppressions: [] };
}

function spanOfItem(item: Item): Span {
  return "span" in item ? item.span : item;
}

/**
 * Each of `statements`' share of the lists (facts come in document order), and how many facts
 * lie in none of them.
 */
function splitAmong(facts: Pick<FileFacts, ListName>, statements: Statement[]): { inside: Entry["lists"][]; outside: number } {
  const inside = statements.map(() => emptyLists());
  let outside = 0;
  for (const list of LISTS) {
    let i = 0;
    for (const item of facts[list] as Item[]) {
      const { start } = spanOfItem(item);
      while (i < statements.length && statements[i]!.end <= start) i++;
      if (i < statements.length && start >= statements[i]!.start) (inside[i]![list] as Item[]).push(item);
      else outside++;
    }
  }
  return { inside, outside };
}

/** An entry for the statement's facts, or null when they point outside it. */
function entryOf(statement: Statement, lists: Entry["lists"], firstCallSite: number, clients: ClientFact[], fileHadCallSites: boolean): Entry | null {
  const count = lists.callSites.length;
  // A call in a class body reads the module's scope (its prompt's flows, its result's uses): never kept.
  if (lists.callSites.some((site) => site.context.functionSpan === null)) return null;
  const inside = (source: number | null) => source === null || (source >= firstCallSite && source < firstCallSite + count);
  const linked = [...lists.jsonParses, ...lists.sinks, ...lists.uncheckedContents, ...lists.loggedContent];
  if (!linked.every((fact) => inside(fact.source))) return null;
  const clientIndexes = lists.callSites.map((site) => (site.client ? clients.indexOf(site.client) : -1));
  if (lists.callSites.some((site, k) => site.client && clientIndexes[k] === -1)) return null;
  return { start: statement.start, row: statement.node.startPosition.row, lists, firstCallSite, clientIndexes, fileHadCallSites };
}

/**
 * The file's facts: those of the walked statements from `walked`, the others from their
 * entries, moved to where their statement is now; call-site indexes and clients re-pointed.
 * Null when a walked fact lies outside the walked statements.
 */
function merge(walked: FileFacts, statements: Statement[], kept: (Entry | undefined)[]): FileFacts | null {
  const { inside: fresh, outside } = splitAmong(walked, statements.filter((_, i) => !kept[i]));
  if (outside > 0) return null;
  // Where each statement's call sites start in the file's list, and where each walked one goes.
  const walkedIndex: number[] = [];
  const bases: number[] = [];
  let count = 0;
  let part = 0;
  statements.forEach((_, i) => {
    bases.push(count);
    const sites = kept[i] ? kept[i]!.lists.callSites.length : fresh[part++]!.callSites.length;
    if (!kept[i]) for (let k = 0; k < sites; k++) walkedIndex.push(count + k);
    count += sites;
  });
  const lists = emptyLists();
  part = 0;
  statements.forEach((statement, i) => {
    const entry = kept[i];
    if (!entry) {
      // Walked facts may link to call sites of other walked statements (module-level code).
      addPart(lists, fresh[part++]!, (fact) => fact, (site) => site, (index) => (index === null ? null : walkedIndex[index]!));
      return;
    }
    const delta = statement.start - entry.start;
    const rows = statement.node.startPosition.row - entry.row;
    const client = (k: number) => (entry.clientIndexes[k]! >= 0 ? walked.clients[entry.clientIndexes[k]!]! : null);
    const repointed = (site: CallSite, k: number) => (site.client === client(k) ? site : { ...site, client: client(k) });
    if (delta === 0 && rows === 0 && bases[i] === entry.firstCallSite) {
      // A statement before the edit: its facts stand as they are (facts are never changed once made).
      addPart(lists, entry.lists, (fact) => fact, repointed, (index) => index);
      return;
    }
    const source = (index: number | null) => (index === null ? null : bases[i]! + index - entry.firstCallSite);
    addPart(lists, entry.lists, (fact) => shift(fact, delta, rows), repointed, source);
  });
  return { ...walked, ...lists };
}

/** Appends one statement's facts: each moved by `move`, call sites re-pointed by `site`, links by `source`. */
function addPart(
  lists: Entry["lists"],
  part: Entry["lists"],
  move: <T extends object>(fact: T) => T,
  site: (site: FileFacts["callSites"][number], k: number) => FileFacts["callSites"][number],
  source: (index: number | null) => number | null,
): void {
  const linked = <T extends { source: number | null }>(fact: T): T => {
    const moved = move(fact);
    const index = source(fact.source);
    return index === moved.source ? moved : { ...moved, source: index };
  };
  lists.callSites.push(...part.callSites.map((s, k) => site(move(s), k)));
  lists.jsonParses.push(...part.jsonParses.map(linked));
  lists.sinks.push(...part.sinks.map(linked));
  lists.uncheckedContents.push(...part.uncheckedContents.map(linked));
  lists.loggedContent.push(...part.loggedContent.map(linked));
  lists.stringLiterals.push(...part.stringLiterals.map(move));
  lists.instrumentation.push(...part.instrumentation.map(move));
  lists.suppressions.push(...part.suppressions.map(move));
}

/** Keys whose numbers are offsets into the text; `line` is a row. Catalogue entries and clients are not copied. */
const OFFSETS = new Set(["start", "end", "offset", "requestOptionsAppendAt"]);
const SHARED = new Set(["sdk", "method", "client"]);

/** A copy of plain fact data with every offset moved by `delta` and every row by `rows`. */
function shift<T>(value: T, delta: number, rows: number): T {
  if (Array.isArray(value)) return value.map((v) => shift(v, delta, rows)) as T;
  if (value === null || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key in source) {
    const field = source[key];
    if (typeof field === "number") copy[key] = OFFSETS.has(key) ? field + delta : key === "line" ? field + rows : field;
    else if (field === null || typeof field !== "object" || SHARED.has(key)) copy[key] = field;
    else if (key === "frozenLineStarts") copy[key] = (field as number[]).map((n) => n + delta);
    else copy[key] = shift(field, delta, rows);
  }
  return copy as T;
}
