/**
 * The model of one file that the language adapters extract and the rules read.
 * Plain data only: the syntax tree is deleted once the facts are out, so facts never
 * hold tree nodes. Every offset is into `FileFacts.text`.
 */
import type { LanguageId, Span, Verdict } from "../types";
import type { MethodEntry, SdkEntry } from "./catalogue";
import type { PromptFlow } from "./promptFlow";

/** A literal value the engine could read, or `undefined` when the expression is not a literal. */
export type LiteralValue = string | number | boolean | null;

export interface OptionEntry {
  name: string;
  span: Span;
  valueSpan: Span;
  valueText: string;
  /** Set when the value is a literal (`None`/`null` → null). */
  literal?: LiteralValue;
  /** Names of properties when the value is itself an object/dict literal. */
  nested?: OptionsBag;
}

/**
 * The named options of a call or constructor: Python keyword arguments, or the properties
 * of a JS object literal. Knows how to add one more in the file's own style.
 */
export interface OptionsBag {
  span: Span;
  entries: OptionEntry[];
  /** `**kwargs` or `...options`: any name may be set where the engine cannot see. */
  hasSpread: boolean;
  /** Where and how a new `name=value` goes; null when the engine cannot add one safely. */
  insertion: Insertion | null;
}

export interface Insertion {
  offset: number;
  /** Text before and after the new entry (commas, line breaks, indentation). */
  before: string;
  after: string;
  /** `=` for Python keyword arguments, `: ` for object literals. */
  assign: string;
}

/** The simple statement around an expression, for fixes that wrap it. */
export interface StatementFact {
  span: Span;
  /** The indentation of its first line. */
  indent: string;
  /** Line-start offsets inside the statement that lie inside a multi-line string: never re-indent those. */
  frozenLineStarts: number[];
  kind: "expression" | "assignment" | "declaration" | "return" | "other";
}

export interface ClientFact {
  sdk: SdkEntry;
  /** The name it is bound to (`client`, `self.client`, `this.openai`). */
  name: string;
  span: Span;
  className: string;
  /** Constructor options; null when passed in a form the engine cannot read (`OpenAI(**cfg)` counts as a bag with spread). */
  options: OptionsBag | null;
  /** Wrapped by an instrumenting function or imported from an instrumented drop-in. */
  instrumented: boolean;
  /** The function it is constructed in; null at module or class level. */
  functionSpan: Span | null;
  /** Bound at module level, so other modules can import it. */
  exported: boolean;
  /** A function that returns the client (`def get_client(): return OpenAI(…)`): `name` is the function's. */
  factory?: boolean;
  line: number;
}

export type ResultUse =
  /** The value is dropped (an expression statement). */
  | { kind: "dropped" }
  /** Bound to a name; `usageRead` says whether usage is read from it. */
  | { kind: "bound"; name: string; usageRead: Verdict; statement: StatementFact | null }
  /** Destructured (`const { text, usage: used } = …`): property names, and the local names they are bound to. */
  | { kind: "destructured"; names: string[]; locals: string[] }
  /** Returned or yielded to the caller, who may record it. */
  | { kind: "returned" }
  /** Passed on in a way the engine does not follow. */
  | { kind: "other"; usageRead: Verdict };

/** A loop around a model call, within its function. */
export interface LoopFact {
  span: Span;
  /** `while True`, `while (true)`, `for (;;)`. */
  infinite: boolean;
  /** A `break`, `return` or `raise`/`throw` leaves it. */
  exits: boolean;
  /** A comparison with a counter-like name or a number appears in it: it may be bounded by a count. */
  counted: boolean;
  /** The names the loop binds per item (`for text in texts` → `text`). */
  variables: string[];
  /** What it iterates over (`texts`, `chunked(texts, 100)`), as written. */
  iterable: string | null;
  /** The call's arguments read one of those names: one call per item. */
  perItem: boolean;
}

/** The `try` whose body holds a model call. */
export interface ErrorHandlerFact {
  span: Span;
  /** A broad handler (bare `except`, `Exception`, an SDK error, any `catch`) that neither re-raises nor logs. */
  swallowing: {
    span: Span;
    bodySpan: Span;
    /** The handler's first statement; a placeholder (`pass`, `...`) is replaced by a fix, anything else is kept after it. */
    firstStatement: { span: Span; isPlaceholder: boolean } | null;
    /** `except Exception as e` → `e`; `catch (err)` → `err`. */
    errorName: string | null;
    /** From `except`/`catch` to the body: where a JS fix adds the missing `(error)`. */
    headerSpan: Span;
    /** A `try` handler the fix can edit (a `.catch()` callback is not). */
    fixable: boolean;
  } | null;
}

/** Where a call sits: its function, wrappers, loop and error handling. */
export interface CallContext {
  /** Names of the decorators, context managers and functions the call runs inside (`traced`, `call_llm`). */
  wrappers: string[];
  /** The innermost function around the call; null at module level. */
  functionSpan: Span | null;
  isAsync: boolean;
  loop: LoopFact | null;
  handler: ErrorHandlerFact | null;
}

export interface CallSite {
  sdk: SdkEntry;
  method: MethodEntry;
  /** The whole call expression. */
  span: Span;
  /** The callee (`client.chat.completions.create`), where findings are shown. */
  calleeSpan: Span;
  calleeText: string;
  /** The call's named options (kwargs, or the body object in JS); null when passed as a variable. */
  options: OptionsBag | null;
  /** JS SDKs: the second argument (`{ timeout, signal }`), or where to add it. */
  requestOptions: OptionsBag | null;
  /** JS SDKs: the call has exactly one argument, so request options can be appended after it. */
  requestOptionsAppendAt: number | null;
  /** Python `client.with_options(timeout=…)` in the receiver chain. */
  withOptions: OptionsBag | null;
  model: string | null;
  /** The model id's text inside its string literal (without quotes), where a fix can replace it. */
  modelSpan: Span | null;
  /**
   * How the receiver was resolved. `local`: a client built in this file; `module`: the SDK's
   * module client; `imported`: a name imported from a project module, resolved at lint time
   * through the workspace (`importedFrom`).
   */
  clientResolution: "local" | "unresolved" | "module" | "none" | "imported";
  /** The project module and name the receiver was imported as (`app.llm`, `client`). */
  importedFrom?: { module: string; name: string };
  client: ClientFact | null;
  /** Inside a span, a traced function, or a tracing callback. */
  insideSpan: boolean;
  /** Inside a try with a handler, or a `.catch()`. */
  insideTry: boolean;
  isStream: boolean;
  awaited: boolean;
  result: ResultUse;
  statement: StatementFact | null;
  /** The call overlaps a syntax error: every check is unknown. */
  broken: boolean;
  /** Made through `with_raw_response`: the result is the HTTP response, its usage is read after `.parse()`. */
  rawResponse: boolean;
  context: CallContext;
  /** Request data in the system prompt; whole documents in the prompt. */
  promptFlow: PromptFlow;
  line: number;
}

export interface JsonParseFact {
  span: Span;
  calleeSpan: Span;
  calleeText: string;
  argumentText: string;
  /** Index into `callSites` of the model call whose output is parsed, when known. */
  source: number | null;
  insideTry: boolean;
  validated: boolean;
  statement: StatementFact | null;
  /** Python: the exception type to catch (`json.JSONDecodeError`, or `ValueError` when `json` is not imported as a module). */
  errorType: string;
  broken: boolean;
}

export type SinkKind = "code" | "shell" | "sql" | "html";

/** Model output reaching code execution, a shell, a SQL string or rendered HTML. */
export interface SinkFact {
  kind: SinkKind;
  /** The sink call, assignment or attribute. */
  span: Span;
  /** `eval`, `subprocess.run`, `innerHTML`, `cursor.execute`. */
  sinkText: string;
  argumentSpan: Span;
  /** Index into `callSites` of the model call whose output arrives. */
  source: number;
  /** The value passes through a sanitizer or escape call on the way. */
  sanitized: boolean;
}

/** `….choices[0].message.content.strip()`: content used as a string when it may be None/null. */
export interface UncheckedContentFact {
  span: Span;
  method: string;
  source: number;
}

/** A logger at info level or above given a whole prompt or the model's output. */
export interface LoggedContentFact {
  span: Span;
  what: "prompt" | "output";
  /** The prompt's name, or the model call whose output it is. */
  name: string;
  source: number | null;
}

export interface StringLiteralFact {
  span: Span;
  value: string;
  /** Set when the literal is the API-key option of a model client or provider factory. */
  apiKeyOf?: { option: string; env: string };
  /** The client's base URL points at a local server (`http://localhost:11434`), whose key is a placeholder. */
  localServer?: boolean;
}

export interface Suppression {
  /** 0-based line of the comment. */
  line: number;
  /** The comment stands alone on its line, so it covers the line below. */
  ownLine: boolean;
  rules: string[];
  span: Span;
}

export interface ImportFacts {
  /** Where a new import line goes, and the module aliases already in scope. */
  insertAt: number;
  hasOpenTelemetry: boolean;
  /** The name `os` (Python) is imported as a module. */
  hasOs: boolean;
  /** Python: `import logging` is there. */
  hasLogging: boolean;
  /** A module-level logger a fix can reuse (`logger = logging.getLogger(__name__)`). */
  loggerName?: string;
  /** The imported HTML sanitizer a fix can call (`bleach.clean`, `DOMPurify.sanitize`). */
  sanitizerCall?: string;
}

export interface Reexport {
  name: string;
  module: string;
  /** The name in `module` (`*`: every name). */
  imported: string;
}

export interface FileFacts {
  language: LanguageId;
  text: string;
  callSites: CallSite[];
  clients: ClientFact[];
  jsonParses: JsonParseFact[];
  sinks: SinkFact[];
  uncheckedContents: UncheckedContentFact[];
  loggedContent: LoggedContentFact[];
  stringLiterals: StringLiteralFact[];
  /** Calls that turn on auto-instrumentation for the whole process. */
  instrumentation: Span[];
  imports: ImportFacts;
  /** Names this module passes on from others (`from .llm import client`, `export { openai } from "./ai"`; `*` for all). */
  reexports: Reexport[];
  suppressions: Suppression[];
  /** The file did not parse cleanly: count of error nodes. */
  syntaxErrors: number;
  /** The file did not parse at all (the whole tree is one error): nothing in it was checked. */
  unparsed?: boolean;
}

/** What a language adapter returns: the facts, and what decides how much of the file it had to walk. */
export interface Extraction {
  facts: FileFacts;
  /** Names bound to something that matters (imports, clients, factories, receivers of call sites): a statement using one is walked. */
  relevantNames: Set<string>;
  /** A model call outside any function: its output can flow through any module-level statement. */
  moduleLevelCalls: boolean;
  /**
   * What a statement elsewhere can depend on: the names through which a statement can bind a
   * name for the whole file (`fileWideNames` in common.ts), and what the file binds that a call
   * anywhere in it is resolved against (`bindingsOf`).
   */
  fileWide(): { names: FileWideNames; bindings: string };
  /** Module-level names that hold the output of a module-level model call: code in a class body can read them. */
  moduleOutputNames: string[];
}

/** Imported functions whose result bound to a name is followed, and chat models or factories a runnable can be derived from. */
export interface FileWideNames {
  importedFunctions: string[];
  derivable: string[];
}
