/** The TypeScript/JavaScript adapter (TS, TSX, JS, JSX): a tree-sitter tree → the file's model facts. */
import type { LanguageId } from "../types";
import { AI_SDK_PROVIDER_FACTORIES, sdkForModule, type SdkEntry } from "./catalogue";
import { clientKeyLiteral, linkModelOutput, startFacts, type AdapterHooks, type ClientConstruction } from "./common";
import { sinkOf, type SinkCandidate } from "./sinks";
import type { ClientFact, Extraction, JsonParseFact, OptionEntry, OptionsBag, Reexport, StringLiteralFact } from "./facts";
import { classifyResult, enclosingScope, isInsideTry, memberChain, referencedNames, simpleStatementOf, unwrapUp } from "./flow";
import { JS_GRAMMAR as g } from "./grammar";
import { ImportTable } from "./imports";
import { KEY_MARKER, matchProviderKey, mayHoldKeys } from "./secrets";
import { ancestors, insertionInList, isBroken, literalValue, spanOf, statementFact, stringValue, type Node, parentOf } from "./syntax";
import { CLIENT_WRAPPERS, INSTRUMENTATION_CLASSES, isInstrumentationCall, isTracingModule, TRACING_HELPER_NAME } from "./telemetryCatalogue";
import { isValidatorCall } from "./validators";
import { nodesIn, type StatementSelection } from "./relevance";
import { keyStringCandidates } from "./keyStrings";
import { matchesWithin } from "./textScan";

const LOADER_WORD = /\b(require|import)\b/g;
/** A provider factory's key: `createOpenAI({ apiKey: "…" })`. */
const AFTER_API_KEY = /apiKey["']?\s*:\s*/g;
/** How the statements `readImports` reads begin: imports, declarations, a `#!` line or a directive. */
const IMPORT_HEAD = /^import(?![\w$])/;
const DECLARATION_HEAD = /^(?:const|let|var)(?![\w$])/;
const PROLOGUE_HEAD = /^(?:#!|["'])/;
/** `export {`, `export *`, `export type {`, comments allowed between (sticky: tried where a statement starts). */
const REEXPORT_HEAD = /export(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*)*(?:type(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*)*)?[{*]/y;
const NODE_TYPES = ["variable_declarator", "call_expression", "new_expression", "comment", "assignment_expression", "jsx_attribute"];

export function extractJavaScript(root: Node, text: string, language: LanguageId, selection: StatementSelection): Extraction {
  const imports = readImports(root, text);
  // `require` and `import()` inside functions and constructors load SDKs too.
  for (const call of nodesIn(selection.matching(LOADER_WORD), ["call_expression"]).get("call_expression")!) {
    const loader = call.childForFieldName("function");
    if (loader?.text !== "require" && loader?.type !== "import") continue;
    const { outer } = unwrapUp(call, g);
    const declarator = parentOf(outer);
    if (declarator?.type === "variable_declarator") readRequire(declarator, imports);
  }
  const walked = selection.relevant(imports.localNames());
  const nodes = nodesIn(walked, NODE_TYPES);
  const hooks: AdapterHooks = {
    grammar: g,
    ecosystem: "js",
    imports,
    constructionTypes: ["new_expression"],
    clientOf: (node) => clientConstruction(node, imports),
    bindingOf,
    constructorOptions: (call) => firstObjectArgument(call, text, true),
    callOptions: (call, t, sdk) => callOptions(call, t, sdk),
    withOptionsOf: (node, t) => (node.type === "call_expression" && /\.withOptions$/.test(node.childForFieldName("function")?.text ?? "") ? firstObjectArgument(node, t, false) : undefined),
    insideSpan: (node) => insideSpan(node, imports),
    resultOf: (outer) => classifyResult(outer, g),
    caught: (outer) => {
      const parent = parentOf(outer);
      return parent?.type === "member_expression" && parent.childForFieldName("property")?.text === "catch";
    },
  };
  const { facts, callNodes, relevantNames, moduleLevelCalls, moduleOutputNames, fileWide } = startFacts(root, text, language, hooks, {
    insertAt: imports.insertAt,
    sanitizerCall: imports.sanitizerCall(),
    hasOpenTelemetry: imports.get("trace")?.module === "@opentelemetry/api",
    hasOs: false,
    hasLogging: false,
  }, nodes);
  const jsonCandidates: { node: Node; fact: JsonParseFact }[] = [];
  const sinkCandidates: SinkCandidate[] = [];
  if (facts.callSites.length > 0 || selection.callSitesElsewhere) {
    for (const type of ["call_expression", "new_expression", "assignment_expression", "jsx_attribute"]) {
      for (const node of nodes.get(type)!) {
        const sink = sinkOf(node, g, imports);
        if (sink) sinkCandidates.push(sink);
      }
    }
  }
  // Strings are the most numerous nodes: only those that could hold a key, and only when one could be in the file.
  const strings = mayHoldKeys(text) ? keyStringCandidates(root, text, walked, ["string", "template_string"], facts.clients, AFTER_API_KEY) : [];
  const interesting = [...nodes.get("call_expression")!, ...nodes.get("new_expression")!, ...strings];
  for (const node of interesting) {
    if (node.type === "call_expression") {
      const callee = node.childForFieldName("function");
      if (!callee) continue;
      const calleeText = callee.text.replace(/\s+/g, "");
      if (isInstrumentationCall(calleeText)) facts.instrumentation.push(spanOf(node));
      if (calleeText === "JSON.parse") {
        const fact = jsonParseFact(node, callee, text);
        if (fact) jsonCandidates.push({ node, fact });
      }
    } else if (node.type === "new_expression") {
      const constructor = node.childForFieldName("constructor")?.text ?? "";
      if (INSTRUMENTATION_CLASSES.includes(constructor.slice(constructor.lastIndexOf(".") + 1))) facts.instrumentation.push(spanOf(node));
    } else if (node.type === "string" || node.type === "template_string") {
      const literal = stringLiteralFact(node, facts.clients, text);
      if (literal) facts.stringLiterals.push(literal);
    }
  }
  // In document order, as every list of facts is (the statement memo splits them by statement).
  sinkCandidates.sort((a, b) => a.node.startIndex - b.node.startIndex);
  facts.instrumentation.sort((a, b) => a.start - b.start);
  linkModelOutput(facts, callNodes, walked, nodes, jsonCandidates, sinkCandidates, g, selection.callSitesElsewhere);
  facts.reexports.push(...reexportsOf(root, text, imports));
  return { facts, relevantNames, moduleLevelCalls, moduleOutputNames, fileWide };
}

function readImports(root: Node, text: string): ImportTable {
  const table = new ImportTable();
  let lastImportEnd = -1;
  let prologueEnd = 0;
  for (const statement of root.namedChildren) {
    // The text first: reading a node's type crosses into the parser's WebAssembly, and most
    // statements (definitions, constants that load nothing) need no more than their first word.
    const start = statement.startIndex;
    const head = text.slice(start, start + 8);
    const loads = DECLARATION_HEAD.test(head) && !matchesWithin(text, LOADER_WORD, start, statement.endIndex).next().done;
    const prologue = lastImportEnd < 0 && PROLOGUE_HEAD.test(head);
    if (!IMPORT_HEAD.test(head) && !loads && !prologue) continue;
    const type = statement.type;
    if (type === "import_statement") {
      readImportStatement(statement, table);
      lastImportEnd = statement.endIndex;
    } else if (type === "lexical_declaration" || type === "variable_declaration") {
      const declarators = statement.namedChildren.filter((c) => c.type === "variable_declarator");
      // CommonJS: new `require` lines go after the last top-level one.
      if (declarators.some((d) => readRequire(d, table))) lastImportEnd = statement.endIndex;
    } else if (lastImportEnd < 0 && (type === "hash_bang_line" || isDirective(statement))) {
      prologueEnd = statement.endIndex;
    }
  }
  const after = lastImportEnd >= 0 ? lastImportEnd : prologueEnd;
  if (after === 0) table.insertAt = 0;
  else {
    const end = text.indexOf("\n", after);
    table.insertAt = end < 0 ? text.length : end + 1;
  }
  return table;
}

/** `"use client";` / `"use strict";` at the top of a module. */
function isDirective(statement: Node): boolean {
  return statement.type === "expression_statement" && statement.firstNamedChild?.type === "string";
}

function readImportStatement(statement: Node, table: ImportTable): void {
  const source = statement.childForFieldName("source");
  const module = source ? stringValue(source) : undefined;
  if (module === undefined) return;
  const clause = statement.namedChildren.find((c) => c.type === "import_clause" || c.type === "import_require_clause");
  if (!clause) return;
  if (clause.type === "import_require_clause") {
    const name = clause.namedChildren.find((c) => c.type === "identifier");
    if (name) table.add(name.text, module, null);
    return;
  }
  for (const part of clause.namedChildren) {
    if (part.type === "identifier") table.add(part.text, module, "default");
    else if (part.type === "namespace_import") {
      const name = part.namedChildren.find((c) => c.type === "identifier");
      if (name) table.add(name.text, module, null);
    } else if (part.type === "named_imports") {
      for (const specifier of part.namedChildren.filter((c) => c.type === "import_specifier")) {
        const name = specifier.childForFieldName("name")?.text;
        const alias = specifier.childForFieldName("alias")?.text;
        if (name) table.add(alias ?? name, module, name);
      }
    }
  }
}

/** `export { openai } from "./ai"`, `export * from "./ai"`, and `export { openai }` of an imported name. */
function reexportsOf(root: Node, text: string, imports: ImportTable): Reexport[] {
  const found: Reexport[] = [];
  for (const statement of root.namedChildren) {
    // The text first (a node's type and children are read from the parser): only a re-export
    // has `{` or `*` after `export` (a declaration has neither).
    REEXPORT_HEAD.lastIndex = statement.startIndex;
    if (!REEXPORT_HEAD.test(text) || statement.type !== "export_statement") continue;
    const source = statement.childForFieldName("source");
    const module = source ? stringValue(source) : undefined;
    const clause = statement.namedChildren.find((c) => c.type === "export_clause");
    if (module !== undefined && !clause) found.push({ name: "*", module, imported: "*" });
    for (const specifier of clause?.namedChildren.filter((c) => c.type === "export_specifier") ?? []) {
      const name = specifier.childForFieldName("name")?.text;
      const alias = specifier.childForFieldName("alias")?.text ?? name;
      if (!name || !alias) continue;
      const imported = module === undefined ? imports.get(name) : undefined;
      if (module !== undefined) found.push({ name: alias, module, imported: name });
      else if (imported?.name) found.push({ name: alias, module: imported.module, imported: imported.name });
    }
  }
  return found;
}

/** `const OpenAI = require("openai")` and `const { OpenAI } = require("openai")`. */
function readRequire(declarator: Node, table: ImportTable): boolean {
  let value = declarator.childForFieldName("value");
  if (value?.type === "await_expression") value = value.namedChildren[0] ?? null;
  // `require("openai")`, or `await import("openai")` (its namespace; `default` is the class).
  const loader = value?.type === "call_expression" ? value.childForFieldName("function") : null;
  if (!value || !loader || (loader.text !== "require" && loader.type !== "import")) return false;
  const argument = value.childForFieldName("arguments")?.namedChildren[0];
  const module = argument ? stringValue(argument) : undefined;
  const name = declarator.childForFieldName("name");
  if (module === undefined || !name) return false;
  if (name.type === "identifier") table.add(name.text, module, loader.type === "import" ? null : "default");
  else if (name.type === "object_pattern") {
    for (const part of name.namedChildren) {
      if (part.type === "shorthand_property_identifier_pattern") table.add(part.text, module, part.text);
      else if (part.type === "pair_pattern") {
        const key = part.childForFieldName("key")?.text;
        const local = part.childForFieldName("value")?.text;
        if (key && local) table.add(local, module, key);
      }
    }
  }
  return true;
}

/** `new OpenAI(...)`, `new ns.OpenAI(...)`, `wrapOpenAI(new OpenAI(...))`. */
function clientConstruction(node: Node, imports: ImportTable): ClientConstruction | null {
  if (node.type === "call_expression") {
    const callee = node.childForFieldName("function");
    if (callee?.type !== "identifier" || !CLIENT_WRAPPERS.includes(callee.text)) return null;
    const inner = node.childForFieldName("arguments")?.namedChildren[0];
    const wrapped = inner?.type === "new_expression" ? clientConstruction(inner, imports) : null;
    return wrapped ? { ...wrapped, instrumented: true } : null;
  }
  if (node.type !== "new_expression") return null;
  const constructor = node.childForFieldName("constructor");
  if (!constructor) return null;
  const { root, names } = memberChain(constructor, g);
  const imported = root.type === "identifier" ? imports.get(root.text) : undefined;
  if (!imported) return null;
  const sdk = sdkForModule("js", imported.module);
  if (!sdk || sdk.clientClasses.length === 0) return null;
  const path = [...(imported.name ? [imported.name] : []), ...names];
  const className = path.length === 1 && path[0] === "default" ? sdk.clientClasses[0] : path.length === 1 ? path[0] : "";
  if (!sdk.clientClasses.includes(className) && !(path.length === 1 && path[0] === "default")) return null;
  return { sdk, className, instrumented: false, call: node };
}

function bindingOf(outer: Node): string | null {
  const parent = parentOf(outer);
  if (!parent) return null;
  if (parent.type === "variable_declarator" && parent.childForFieldName("value")?.id === outer.id) {
    const name = parent.childForFieldName("name");
    return name?.type === "identifier" ? name.text : null;
  }
  if ((parent.type === "public_field_definition" || parent.type === "field_definition") && parent.childForFieldName("value")?.id === outer.id) {
    const name = parent.childForFieldName("name") ?? parent.childForFieldName("property");
    return name ? `this.${name.text}` : null;
  }
  if (parent.type === "assignment_expression" && parent.childForFieldName("right")?.id === outer.id) {
    const left = parent.childForFieldName("left");
    if (left?.type === "identifier") return left.text;
    if (left?.type === "member_expression" && left.childForFieldName("object")?.type === "this") return left.text.replace(/\s+/g, "");
  }
  return null;
}

function callArguments(call: Node): Node[] {
  return (call.childForFieldName("arguments")?.namedChildren ?? []).filter((c) => c.type !== "comment");
}

/**
 * The options object passed first. With `emptyCallGetsObject`, `new OpenAI()` gets a bag
 * whose insertion writes a fresh `{ … }`.
 */
function firstObjectArgument(call: Node, text: string, emptyCallGetsObject: boolean): OptionsBag | null {
  const args = call.childForFieldName("arguments");
  if (!args) return null;
  const list = callArguments(call);
  if (list.length === 0) {
    if (!emptyCallGetsObject || args.type !== "arguments") return null;
    return { span: spanOf(args), entries: [], hasSpread: false, insertion: { offset: args.startIndex + 1, before: "{ ", after: " }", assign: ": " } };
  }
  return list[0].type === "object" ? objectOptions(list[0], text) : null;
}

function callOptions(call: Node, text: string, sdk: SdkEntry) {
  const list = callArguments(call);
  const at = sdk.http?.optionsArgument ?? 0;
  const options = list[at]?.type === "object" ? objectOptions(list[at], text) : null;
  const settingsAt = sdk.http?.requestOptionsArgument;
  if (settingsAt !== undefined) {
    const settings = list[settingsAt];
    return {
      options,
      requestOptions: settings?.type === "object" ? objectOptions(settings, text) : settings ? { span: spanOf(settings), entries: [], hasSpread: true, insertion: null } : null,
      requestOptionsAppendAt: list.length === settingsAt ? list[settingsAt - 1].endIndex : null,
    };
  }
  if (sdk.clientClasses.length === 0) return { options, requestOptions: null, requestOptionsAppendAt: null };
  const second = list[1];
  return {
    options,
    requestOptions: second?.type === "object" ? objectOptions(second, text) : second ? { span: spanOf(second), entries: [], hasSpread: true, insertion: null } : null,
    requestOptionsAppendAt: list.length === 1 ? list[0].endIndex : null,
  };
}

export function objectOptions(object: Node, text: string): OptionsBag {
  const entries: OptionEntry[] = [];
  let hasSpread = false;
  const members = object.namedChildren.filter((c) => c.type !== "comment");
  for (const member of members) {
    if (member.type === "spread_element") hasSpread = true;
    else if (member.type === "shorthand_property_identifier") {
      entries.push({ name: member.text, span: spanOf(member), valueSpan: spanOf(member), valueText: member.text });
    } else if (member.type === "pair" || member.type === "method_definition") {
      const key = member.childForFieldName(member.type === "pair" ? "key" : "name");
      const name = key ? (key.type === "string" ? stringValue(key) : key.type === "computed_property_name" ? undefined : key.text) : undefined;
      if (name === undefined) {
        hasSpread = true; // a computed key may be any name
        continue;
      }
      const value = member.type === "pair" ? member.childForFieldName("value") : member;
      if (!value) continue;
      const literal = literalValue(value);
      entries.push({
        name,
        span: spanOf(member),
        valueSpan: spanOf(value),
        valueText: value.text,
        ...(literal !== undefined ? { literal } : {}),
        ...(value.type === "object" ? { nested: objectOptions(value, text) } : {}),
      });
    }
  }
  return { span: spanOf(object), entries, hasSpread, insertion: insertionInList(text, object.startIndex, object.endIndex - 1, members, ": ", true) };
}

/** Inside a callback handed to a span helper (`tracer.startActiveSpan(…, async (span) => …)`) or a tracing wrapper (`traceable(fn)`). */
function insideSpan(node: Node, imports: ImportTable): boolean {
  for (const parent of ancestors(node)) {
    if (parent.type !== "arguments") continue;
    const call = parentOf(parent);
    const callee = call?.type === "call_expression" ? call.childForFieldName("function") : null;
    if (!callee) continue;
    const { root, names } = memberChain(callee, g);
    const method = names[names.length - 1] ?? root.text;
    if (method === "startActiveSpan" || method === "startSpan" || method === "startSpanManual" || TRACING_HELPER_NAME.test(method)) return true;
    const imported = root.type === "identifier" ? imports.get(root.text) : undefined;
    if (imported && isTracingModule(imported.module)) return true;
  }
  return false;
}

function jsonParseFact(call: Node, callee: Node, text: string): JsonParseFact | null {
  if (callArguments(call).length === 0) return null;
  const statement = simpleStatementOf(call, g);
  return {
    span: spanOf(call),
    calleeSpan: spanOf(callee),
    calleeText: "JSON.parse",
    argumentText: callArguments(call)[0].text,
    source: null,
    insideTry: isInsideTry(call, g),
    validated: isValidated(call),
    statement: statement ? statementFact(text, statement, "other", g.strings) : null,
    errorType: "SyntaxError",
    broken: isBroken(call),
  };
}

/** `Schema.parse(JSON.parse(x))`, or the parsed value later passed to a validator. */
function isValidated(call: Node): boolean {
  const { outer } = unwrapUp(call, g);
  const holder = parentOf(outer)?.type === "arguments" ? parentOf(parentOf(outer)) : null;
  const holderCallee = holder?.type === "call_expression" ? holder.childForFieldName("function")?.text ?? "" : "";
  if (holderCallee && holderCallee !== "JSON.parse" && isValidatorCall(holderCallee)) return true;
  const declarator = parentOf(outer)?.type === "variable_declarator" ? parentOf(outer) : null;
  const target = declarator?.childForFieldName("name");
  if (target?.type !== "identifier") return false;
  for (const node of enclosingScope(call, g).descendantsOfType("call_expression")) {
    if (node.startIndex < call.endIndex) continue;
    const callee = node.childForFieldName("function")?.text ?? "";
    const args = node.childForFieldName("arguments");
    if (args && callee !== "JSON.parse" && isValidatorCall(callee) && referencedNames(args, g).has(target.text)) return true;
  }
  return false;
}

function stringLiteralFact(node: Node, clients: ClientFact[], text: string): StringLiteralFact | null {
  const asOption = clientKeyLiteral(node, clients);
  const afterApiKey = /\bapiKey["']?\s*:\s*$/.test(text.slice(Math.max(0, node.startIndex - 40), node.startIndex));
  // Most strings are neither: decide on the raw text before touching the tree.
  if (!asOption && !afterApiKey && !KEY_MARKER.test(text.slice(node.startIndex, node.endIndex))) return null;
  const value = stringValue(node);
  if (value === undefined || value.length < 8) return null;
  if (asOption) return { span: spanOf(node), value, ...asOption };
  const factory = afterApiKey ? providerFactoryOf(node) : undefined;
  if (factory) return { span: spanOf(node), value, apiKeyOf: { option: "apiKey", env: AI_SDK_PROVIDER_FACTORIES[factory] } };
  return matchProviderKey(value) ? { span: spanOf(node), value } : null;
}

/** `createOpenAI({ apiKey: "…" })`: the factory's name, from the key's string node. */
function providerFactoryOf(value: Node): string | undefined {
  const call = parentOf(parentOf(parentOf(parentOf(value))));
  const callee = call?.type === "call_expression" ? call.childForFieldName("function")?.text : undefined;
  return callee && callee in AI_SDK_PROVIDER_FACTORIES ? callee : undefined;
}
