/** The Python adapter: turns a tree-sitter Python tree into the file's model facts. */
import type { LanguageId } from "../types";
import { sdkForModule, sdksFor, type SdkEntry } from "./catalogue";
import type { ClientFact, Extraction, JsonParseFact, OptionEntry, OptionsBag, ResultUse, StringLiteralFact } from "./facts";
import { PYTHON_GRAMMAR as g } from "./grammar";
import { ImportTable } from "./imports";
import { classifyResult, enclosingScope, isInsideTry, memberChain, referencedNames, unwrapUp } from "./flow";
import { clientKeyLiteral, linkModelOutput, startFacts, type AdapterHooks, type ClientConstruction } from "./common";
import { sinkOf, type SinkCandidate } from "./sinks";
import { ancestors, insertionInList, isBroken, literalValue, spanOf, statementFact, stringValue, type Node, parentOf } from "./syntax";
import { KEY_MARKER, matchProviderKey, mayHoldKeys } from "./secrets";
import { CLIENT_WRAPPERS, INSTRUMENTED_CLIENT_MODULES, isInstrumentationCall, isTracingModule, SPAN_METHODS, TRACING_HELPER_NAME } from "./telemetryCatalogue";
import { isValidatorCall } from "./validators";
import { nodesIn, type StatementSelection } from "./relevance";
import { keyStringCandidates } from "./keyStrings";

const NODE_TYPES = ["assignment", "call", "comment"];
const IMPORT_TYPES = ["import_statement", "import_from_statement"];
const IMPORT_WORD = /\bimport\b/g;

export function extractPython(root: Node, text: string, language: LanguageId, selection: StatementSelection): Extraction {
  const importNodes = nodesIn(selection.matching(IMPORT_WORD), IMPORT_TYPES);
  const imports = readImports(root, text, [...importNodes.get("import_statement")!, ...importNodes.get("import_from_statement")!]);
  const walked = selection.relevant(imports.localNames());
  const nodes = nodesIn(walked, NODE_TYPES);
  const hooks: AdapterHooks = {
    grammar: g,
    ecosystem: "python",
    imports,
    clientOf: (call) => clientConstruction(call, imports),
    bindingOf: clientBindingName,
    constructorOptions: (call, t) => keywordOptions(call, t),
    callOptions: (call, t) => ({ options: keywordOptions(call, t), requestOptions: null, requestOptionsAppendAt: null }),
    withOptionsOf: (node, t) => (isWithOptionsCall(node) ? keywordOptions(node, t) : undefined),
    insideSpan: (node) => insideSpan(node, imports),
    resultOf,
    retried: isRetried,
  };
  const { facts, callNodes, relevantNames, moduleLevelCalls, moduleOutputNames, fileWide } = startFacts(root, text, language, hooks, {
    insertAt: imports.insertAt,
    sanitizerCall: imports.sanitizerCall(),
    hasOpenTelemetry: imports.get("trace")?.module === "opentelemetry",
    hasOs: imports.get("os")?.module === "os" && imports.get("os")?.name === null,
    hasLogging: imports.get("logging")?.module === "logging" && imports.get("logging")?.name === null,
    loggerName: moduleLogger(root, text),
  }, nodes);
  const jsonCandidates: { node: Node; fact: JsonParseFact }[] = [];
  const sinkCandidates: SinkCandidate[] = [];
  const lookForSinks = facts.callSites.length > 0 || selection.callSitesElsewhere;
  for (const node of nodes.get("call")!) {
    const callee = node.childForFieldName("function");
    if (!callee) continue;
    if (isInstrumentationCall(callee.text)) facts.instrumentation.push(spanOf(node));
    const sink = lookForSinks ? sinkOf(node, g, imports) : null;
    if (sink) sinkCandidates.push(sink);
    if (isJsonLoads(callee.text, imports)) {
      const fact = jsonParseFact(node, callee, imports, text);
      if (fact) jsonCandidates.push({ node, fact });
    }
  }
  // Strings are the most numerous nodes: only those that could hold a key, and only when one could be in the file.
  for (const node of mayHoldKeys(text) ? keyStringCandidates(root, text, walked, ["string"], facts.clients) : []) {
    const literal = stringLiteralFact(node, facts.clients, text);
    if (literal) facts.stringLiterals.push(literal);
  }
  linkModelOutput(facts, callNodes, walked, nodes, jsonCandidates, sinkCandidates, g, selection.callSitesElsewhere);
  // In Python every name a module imports can be imported from it in turn.
  for (const [name, imported] of imports.names) {
    if (imported.name !== null && !imported.module.startsWith("instrumented:")) facts.reexports.push({ name, module: imported.module, imported: imported.name });
  }
  return { facts, relevantNames, moduleLevelCalls, moduleOutputNames, fileWide };
}

function isJsonLoads(callee: string, imports: ImportTable): boolean {
  if (callee === "json.loads") return imports.get("json")?.module === "json";
  const imported = imports.get(callee);
  return imported?.module === "json" && imported.name === "loads";
}

/** The first word of an import statement. */
const IMPORT_HEAD = /^(?:import|from)(?!\w)/;

function readImports(root: Node, text: string, allImports: Node[]): ImportTable {
  const table = new ImportTable();
  let lastImportEnd = -1;
  let docstringEnd = -1;
  for (const statement of root.namedChildren) {
    // Once the docstring is settled only imports count, and they begin with `import` or `from`:
    // the text is read first, as a node's type is read from the parser's WebAssembly.
    if (docstringEnd >= 0 && !IMPORT_HEAD.test(text.slice(statement.startIndex, statement.startIndex + 7))) continue;
    const type = statement.type;
    if (type === "import_statement" || type === "import_from_statement") {
      readImportStatement(statement, table);
      lastImportEnd = statement.endIndex;
    } else if (type === "future_import_statement") {
      lastImportEnd = statement.endIndex;
    } else if (type === "expression_statement" && docstringEnd < 0 && lastImportEnd < 0 && statement.firstNamedChild?.type === "string") {
      docstringEnd = statement.endIndex;
    } else if (type !== "comment") {
      if (docstringEnd < 0) docstringEnd = 0;
    }
  }
  // Imports inside functions or `try: … except ImportError` bind names too.
  for (const statement of allImports) {
    if (parentOf(statement)?.id !== root.id) readImportStatement(statement, table);
  }
  const after = lastImportEnd >= 0 ? lastImportEnd : docstringEnd > 0 ? docstringEnd : -1;
  table.insertAt = after < 0 ? firstCodeLine(text) : lineAfter(text, after);
  return table;
}

function readImportStatement(statement: Node, table: ImportTable): void {
  if (statement.type === "import_statement") {
    for (const name of statement.childrenForFieldName("name")) {
      if (name.type === "aliased_import") {
        table.add(name.childForFieldName("alias")!.text, name.childForFieldName("name")!.text, null);
      } else {
        // `import a.b` binds `a`; the module `a.b` is reachable through it.
        table.add(name.text.split(".")[0], name.text.split(".")[0], null);
        if (name.text.includes(".")) table.add(name.text, name.text, null);
      }
    }
    return;
  }
  const module = statement.childForFieldName("module_name")?.text ?? "";
  for (const name of statement.childrenForFieldName("name")) {
    const [imported, local] =
      name.type === "aliased_import" ? [name.childForFieldName("name")!.text, name.childForFieldName("alias")!.text] : [name.text, name.text];
    addFromImport(table, module, imported, local);
  }
}

/** `from langfuse.openai import OpenAI` is an instrumented drop-in for the `openai` client. */
function addFromImport(table: ImportTable, module: string, imported: string, local: string): void {
  if (INSTRUMENTED_CLIENT_MODULES.includes(module)) {
    const target = module.slice(module.indexOf(".") + 1);
    table.add(local, `instrumented:${target}`, imported === target ? null : imported);
    return;
  }
  const submodule = `${module}.${imported}`;
  // `from google import genai` imports a module, not a member.
  table.add(local, module, imported);
  if (sdkForModule("python", submodule) && !sdkForModule("python", module)) table.add(local, submodule, null);
}

function firstCodeLine(text: string): number {
  // After a shebang and encoding comments at the very top.
  let offset = 0;
  while (text.startsWith("#", offset)) {
    const end = text.indexOf("\n", offset);
    if (end < 0) return text.length;
    offset = end + 1;
  }
  return offset;
}

function lineAfter(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return end < 0 ? text.length : end + 1;
}

/** A module-level `logger = logging.getLogger(...)`, whose name a fix can reuse. */
function moduleLogger(root: Node, text: string): string | undefined {
  if (!text.includes("getLogger")) return undefined;
  for (const statement of root.namedChildren) {
    const named = text.indexOf("getLogger", statement.startIndex);
    if (named < 0) break;
    if (named >= statement.endIndex) continue;
    const assignment = statement.type === "expression_statement" ? statement.firstNamedChild : null;
    if (assignment?.type !== "assignment") continue;
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (left?.type === "identifier" && right?.type === "call" && /getLogger$/.test(right.childForFieldName("function")?.text ?? "")) return left.text;
  }
  return undefined;
}

/** `OpenAI(...)`, `openai.OpenAI(...)`, `wrap_openai(OpenAI(...))`. */
function clientConstruction(call: Node, imports: ImportTable): { sdk: SdkEntry; className: string; instrumented: boolean; call: Node } | null {
  const callee = call.childForFieldName("function");
  if (!callee) return null;
  if (callee.type === "identifier" && CLIENT_WRAPPERS.includes(callee.text)) {
    const inner = call.childForFieldName("arguments")?.namedChildren[0];
    const wrapped = inner?.type === "call" ? clientConstruction(inner, imports) : null;
    return wrapped ? { ...wrapped, instrumented: true } : null;
  }
  const { root, names } = memberChain(callee, g);
  const factory = factoryClient(call, names, imports);
  if (factory) return factory;
  if (root.type !== "identifier") return null;
  const imported = imports.get(root.text);
  if (!imported) return null;
  const instrumented = imported.module.startsWith("instrumented:");
  const module = instrumented ? imported.module.slice("instrumented:".length) : imported.module;
  // `from google import genai; genai.Client()` is `google.genai.Client`: split the full path at its last name.
  const full = [module, ...(imported.name ? [imported.name] : []), ...names].join(".");
  const className = full.slice(full.lastIndexOf(".") + 1);
  const sdk = sdkForModule("python", full.slice(0, full.lastIndexOf(".")));
  if (!sdk || !sdk.clientClasses.includes(className)) return null;
  return { sdk, className, instrumented, call };
}

/** `boto3.client("bedrock-runtime")`, `session.client("bedrock-runtime", …)` in a file that imports boto3. */
function factoryClient(call: Node, names: string[], imports: ImportTable): ClientConstruction | null {
  const method = names[names.length - 1];
  if (!method) return null;
  const first = call.childForFieldName("arguments")?.namedChildren[0];
  const service = first ? stringValue(first) : undefined;
  if (service === undefined) return null;
  const sdk = sdksFor("python").find((s) => s.factory?.method === method && s.factory.service === service && imports.importsFrom(s.modules));
  return sdk ? { sdk, className: service, instrumented: false, call } : null;
}

/** The name a client construction is bound to: `client`, `self.client`, or a class attribute. */
function clientBindingName(outer: Node): string | null {
  const parent = parentOf(outer);
  if (parent?.type !== "assignment" || parent.childForFieldName("right")?.id !== outer.id) return null;
  const left = parent.childForFieldName("left");
  if (!left) return null;
  if (left.type === "identifier") {
    // A class attribute is read as `self.<name>`.
    const inClassBody = parentOf(parentOf(parent))?.type === "block" && parentOf(parentOf(parentOf(parent)))?.type === "class_definition";
    return inClassBody ? `self.${left.text}` : left.text;
  }
  if (left.type === "attribute" && left.childForFieldName("object")?.text === "self") return left.text;
  return null;
}

function isWithOptionsCall(node: Node): boolean {
  return node.type === "call" && /\.with_options$/.test(node.childForFieldName("function")?.text ?? "");
}

/** `types.GenerateContentConfig(max_output_tokens=…)`, `HttpOptions(timeout=…)`: an options object built from keywords. */
function isOptionsObject(value: Node): boolean {
  return value.type === "call" && /(Config|Options)$/.test(value.childForFieldName("function")?.text ?? "");
}

/** The keyword arguments of a call, and where one more goes. */
export function keywordOptions(call: Node, text: string): OptionsBag | null {
  const args = call.childForFieldName("arguments");
  if (!args || args.type !== "argument_list") return null;
  const entries: OptionEntry[] = [];
  let hasSpread = false;
  for (const arg of args.namedChildren) {
    if (arg.type === "keyword_argument") {
      const name = arg.childForFieldName("name");
      const value = arg.childForFieldName("value");
      if (!name || !value) continue;
      const literal = literalValue(value);
      entries.push({
        name: name.text,
        span: spanOf(arg),
        valueSpan: spanOf(value),
        valueText: value.text,
        ...(literal !== undefined ? { literal } : {}),
        ...(value.type === "dictionary" ? { nested: dictOptions(value) } : isOptionsObject(value) ? { nested: keywordOptions(value, text) ?? undefined } : {}),
      });
    } else if (arg.type === "dictionary_splat" || arg.type === "list_splat") {
      hasSpread = true;
    }
  }
  const listed = args.namedChildren.filter((a) => a.type !== "comment");
  return {
    span: spanOf(args),
    entries,
    hasSpread,
    insertion: insertionInList(text, args.startIndex, args.endIndex - 1, listed, "=", false),
  };
}

/** A dict literal's string keys, for nested options like `response_format={"type": …}`. */
function dictOptions(dict: Node): OptionsBag {
  const entries: OptionEntry[] = [];
  let hasSpread = false;
  for (const pair of dict.namedChildren) {
    if (pair.type === "dictionary_splat") hasSpread = true;
    if (pair.type !== "pair") continue;
    const key = pair.childForFieldName("key");
    const value = pair.childForFieldName("value");
    const name = key ? stringValue(key) : undefined;
    if (name === undefined || !value) continue;
    const literal = literalValue(value);
    entries.push({ name, span: spanOf(pair), valueSpan: spanOf(value), valueText: value.text, ...(literal !== undefined ? { literal } : {}) });
  }
  return { span: spanOf(dict), entries, hasSpread, insertion: null };
}

/** Inside `with …start_as_current_span(…)`, or a function decorated by a tracing library. */
function insideSpan(node: Node, imports: ImportTable): boolean {
  for (const parent of ancestors(node)) {
    if (parent.type === "with_statement") {
      for (const item of parent.descendantsOfType("with_item")) {
        const value = item.childForFieldName("value");
        const call = value?.type === "as_pattern" ? value.namedChildren[0] : value;
        if (call?.type === "call" && isTracingCallee(call.childForFieldName("function"), imports)) return true;
      }
    }
    if (parent.type === "decorated_definition") {
      for (const decorator of parent.namedChildren.filter((c) => c.type === "decorator")) {
        const expression = decorator.namedChildren[0];
        const callee = expression?.type === "call" ? expression.childForFieldName("function") : expression;
        if (isTracingCallee(callee, imports)) return true;
      }
    }
  }
  return false;
}

/** Inside a function retried on failure (`@retry(...)`, `@backoff.on_exception(...)`): its errors are handled. */
export function isRetried(node: Node): boolean {
  for (const parent of ancestors(node)) {
    if (parent.type !== "decorated_definition") continue;
    if (parent.namedChildren.some((d) => d.type === "decorator" && /^@\s*([\w.]+\.)?(retry|on_exception|retry_async)\b/.test(d.text))) return true;
  }
  return false;
}

function isTracingCallee(callee: Node | null | undefined, imports: ImportTable): boolean {
  if (!callee) return false;
  const { root, names } = memberChain(callee, g);
  const method = names[names.length - 1] ?? root.text;
  if (method === "start_as_current_span" || method === "start_span" || TRACING_HELPER_NAME.test(method)) return true;
  const imported = root.type === "identifier" ? imports.get(root.text) : undefined;
  return imported !== undefined && isTracingModule(imported.module) && (names.length === 0 || SPAN_METHODS.includes(method) || /^(op|observe|traceable|instrument|workflow|task|agent|tool)$/.test(method));
}

function resultOf(outer: Node): ResultUse {
  const parent = parentOf(outer);
  // `with client.messages.stream(...) as stream:` hands the result to the block.
  if (parent?.type === "as_pattern" || parent?.type === "with_item") return { kind: "other", usageRead: "unknown" } as const;
  return classifyResult(outer, g);
}

function jsonParseFact(call: Node, callee: Node, imports: ImportTable, text: string): JsonParseFact | null {
  const argument = call.childForFieldName("arguments")?.namedChildren[0];
  if (!argument || argument.type === "keyword_argument") return null;
  const statement = parseStatement(call);
  return {
    span: spanOf(call),
    calleeSpan: spanOf(callee),
    calleeText: callee.text,
    argumentText: argument.text,
    source: null,
    insideTry: isInsideTry(call, g) || isRetried(call),
    validated: isValidated(call),
    statement: statement ? statementFactFor(text, statement) : null,
    errorType: imports.get("json")?.name === null && callee.text === "json.loads" ? "json.JSONDecodeError" : "ValueError",
    broken: isBroken(call),
  };
}

/** The statement whose whole value is the parse (`x = json.loads(…)`, `return json.loads(…)`), which a fix may wrap. */
function parseStatement(call: Node): Node | null {
  const { outer } = unwrapUp(call, g);
  const parent = parentOf(outer);
  if (parent?.type === "expression_statement" || parent?.type === "return_statement") return parent;
  if (parent?.type === "assignment" && parent.childForFieldName("right")?.id === outer.id && parentOf(parent)?.type === "expression_statement") return parentOf(parent);
  return null;
}

function statementFactFor(text: string, statement: Node) {
  const inner = statement.firstNamedChild;
  const kind = statement.type === "return_statement" ? "return" : inner?.type === "assignment" ? "assignment" : "expression";
  return statementFact(text, statement, kind, g.strings);
}

/** `Model.model_validate(json.loads(x))`, or the parsed value later passed to a validator. */
function isValidated(call: Node): boolean {
  const { outer } = unwrapUp(call, g);
  const holder = parentOf(outer)?.type === "argument_list" ? parentOf(parentOf(outer)) : null;
  if (holder?.type === "call" && isValidatorCall(holder.childForFieldName("function")?.text ?? "")) return true;
  // `Plan(**json.loads(...))` builds a pydantic model from it: a schema check.
  const splatInto = parentOf(outer)?.type === "dictionary_splat" ? parentOf(parentOf(parentOf(outer))) : null;
  if (splatInto?.type === "call" && /^[A-Z]/.test(memberChain(splatInto.childForFieldName("function")!, g).names.at(-1) ?? splatInto.childForFieldName("function")!.text)) return true;
  const assignment = parentOf(outer)?.type === "assignment" ? parentOf(outer) : null;
  const target = assignment?.childForFieldName("left");
  if (target?.type !== "identifier") return false;
  const scope = enclosingScope(call, g);
  for (const node of scope.descendantsOfType("call")) {
    if (node.startIndex < call.endIndex) continue;
    const callee = node.childForFieldName("function")?.text ?? "";
    const args = node.childForFieldName("arguments");
    if (!args || !referencedNames(args, g).has(target.text)) continue;
    // `Model(**data)` builds a pydantic model: validation too.
    const splatted = args.namedChildren.some((a) => a.type === "dictionary_splat" && a.text === `**${target.text}`);
    if (isValidatorCall(callee) || (splatted && /^[A-Z]/.test(callee))) return true;
  }
  return false;
}

function stringLiteralFact(node: Node, clients: ClientFact[], text: string): StringLiteralFact | null {
  const asOption = clientKeyLiteral(node, clients);
  // Most strings are neither: decide on the raw text before touching the tree.
  if (!asOption && !KEY_MARKER.test(text.slice(node.startIndex, node.endIndex))) return null;
  if (parentOf(node)?.type === "expression_statement") return null; // a docstring
  const value = stringValue(node);
  if (value === undefined || value.length < 8) return null;
  if (asOption) return { span: spanOf(node), value, ...asOption };
  return matchProviderKey(value) ? { span: spanOf(node), value } : null;
}


