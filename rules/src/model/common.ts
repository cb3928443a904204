/**
 * Extraction steps both adapters share: finding clients and model call sites through the
 * SDK catalogue, linking `json.loads`/`JSON.parse` to the model output they read, and
 * reading suppression comments. Language specifics come in through `AdapterHooks`.
 */
import type { Ecosystem, MethodEntry, SdkEntry } from "./catalogue";
import { FACTORY_METHODS, INFERENCE_PATH, MODEL_ENDPOINT, sdkForModule, sdksFor } from "./catalogue";
import type { LanguageId } from "../types";
import type { CallSite, ClientFact, Extraction, FileFacts, FileWideNames, ImportFacts, JsonParseFact, OptionEntry, OptionsBag, ResultUse, StringLiteralFact, Suppression } from "./facts";
import type { Grammar } from "./grammar";
import type { ImportTable } from "./imports";
import { assignmentSides, enclosingScope, isInsideTry, memberChain, referencedNames, simpleStatementOf, taintedNames, unwrapUp, withoutAwait } from "./flow";
import { errorNodeCount, isBroken, parentOf, spanOf, startsItsLine, statementFact, type Node } from "./syntax";
import { SDK_SERIALISERS } from "./validators";
import { callContext } from "./context";
import { promptFlow } from "./promptFlow";
import { isSanitized, type SinkCandidate } from "./sinks";
import { contentUseOf, logArguments, PROMPT_NAMES, type ContentUse } from "./outputUse";
import { CLIENT_WRAPPERS } from "./telemetryCatalogue";
import { matchesWithin } from "./textScan";

export interface ClientConstruction {
  sdk: SdkEntry;
  className: string;
  instrumented: boolean;
  /** The constructor call (`OpenAI(...)` / `new OpenAI(...)`), inside any wrapper. */
  call: Node;
}

export interface AdapterHooks {
  grammar: Grammar;
  ecosystem: Ecosystem;
  imports: ImportTable;
  /** `node` constructs an SDK client (possibly wrapped by an instrumenting function). */
  clientOf(node: Node): ClientConstruction | null;
  /** The name the value `outer` is bound to (`client`, `self.client`, `this.client`). */
  bindingOf(outer: Node): string | null;
  constructorOptions(call: Node, text: string): OptionsBag | null;
  callOptions(call: Node, text: string, sdk: SdkEntry): Pick<CallSite, "options" | "requestOptions" | "requestOptionsAppendAt">;
  /** Python `client.with_options(...)`: its options; undefined when `node` is not one. */
  withOptionsOf(node: Node, text: string): OptionsBag | null | undefined;
  insideSpan(node: Node): boolean;
  resultOf(outer: Node): ResultUse;
  /** JS: a `.catch()` handles the promise. */
  caught?(outer: Node): boolean;
  /** Python: the function is retried on failure (`@retry`). */
  retried?(node: Node): boolean;
  /** Nodes that are constructions or calls (`new_expression` in JS besides calls). */
  constructionTypes?: string[];
}

/** Resource names inside SDK clients: a receiver chain through one of them is a different API. */
const SDK_RESOURCES = new Set(["beta", "threads", "runs", "assistants", "vector_stores", "vectorStores", "files", "batches", "fine_tuning", "fineTuning", "audio", "images", "moderations", "models", "uploads", "realtime", "chat", "completions", "messages", "responses", "embeddings", "conversations", "containers", "evals"]);

const RAW_RESPONSE_ACCESSORS = ["with_raw_response", "with_streaming_response"];

interface Resolved {
  client: ClientFact | null;
  resolution: CallSite["clientResolution"];
  withOptions: OptionsBag | null;
  importedFrom?: CallSite["importedFrom"];
}

/**
 * The facts every adapter starts from: clients, call sites, suppressions, syntax errors.
 * The adapter then adds what needs its own grammar (JSON parses, literals, instrumentation).
 */
export function startFacts(
  root: Node,
  text: string,
  language: LanguageId,
  hooks: AdapterHooks,
  imports: ImportFacts,
  nodes: Map<string, Node[]>,
): { facts: FileFacts; callNodes: Node[] } & Omit<Extraction, "facts"> {
  const g = hooks.grammar;
  const constructions = [g.call, ...(hooks.constructionTypes ?? [])].flatMap((type) => nodes.get(type) ?? []).sort((a, b) => a.startIndex - b.startIndex);
  const assignments = g.assignments.flatMap(([type]) => nodes.get(type) ?? []);
  const { clients, callSites, callNodes, importedCalls, otherObjects, sdks } = findCallSites(constructions, text, hooks, assignments);
  const facts: FileFacts = {
    language,
    text,
    callSites,
    clients,
    jsonParses: [],
    sinks: [],
    uncheckedContents: [],
    loggedContent: [],
    stringLiterals: [],
    instrumentation: [],
    reexports: [],
    imports,
    suppressions: collectSuppressions(nodes.get(g.comment) ?? [], text),
    syntaxErrors: errorNodeCount(root),
  };
  return {
    facts,
    callNodes,
    // Asked only by the statement memo (an open document): not worked out for a scan's files.
    fileWide: () => ({ names: fileWideNames(hooks, clients), bindings: bindingsOf(hooks.imports, clients, otherObjects, importedCalls, sdks) }),
    relevantNames: relevantNames(hooks.imports, clients, importedCalls, callSites),
    moduleLevelCalls: callSites.some((site) => !site.broken && site.context.functionSpan === null),
    moduleOutputNames: moduleOutputNames(root, callSites, g),
  };
}

/** The module-level names that hold the output of a module-level model call (empty without such calls). */
function moduleOutputNames(root: Node, callSites: CallSite[], g: Grammar): string[] {
  const seeds = new Map<string, number>();
  callSites.forEach((site, index) => {
    if (site.broken || site.context.functionSpan !== null) return;
    const names = site.result.kind === "bound" ? [site.result.name] : site.result.kind === "destructured" ? site.result.locals : [];
    for (const name of names) seeds.set(name, index);
  });
  return seeds.size === 0 ? [] : [...taintedNames(root, seeds, g).keys()];
}

/**
 * The names whose every use must be walked (see relevance.ts): imports, clients (`self.client`
 * gives `client`), factories and derived runnables, names bound to imported calls, and the
 * receivers of call sites (a use elsewhere could rebind one to another object).
 */
function relevantNames(imports: ImportTable, clients: ClientFact[], importedCalls: Map<string, unknown>, callSites: CallSite[]): Set<string> {
  const names = new Set(imports.localNames());
  // `self.client` and `this.client` are found by their last name.
  const add = (dotted: string) => names.add(dotted.slice(dotted.lastIndexOf(".") + 1));
  for (const client of clients) add(client.name);
  for (const name of importedCalls.keys()) add(name);
  for (const site of callSites) {
    const [receiver, member] = site.calleeText.match(/[A-Za-z_$][\w$]*/g) ?? [];
    // `self.client.…`: the attribute is the name (`self` is in every method).
    const name = receiver === "self" || receiver === "this" ? member : receiver;
    if (name) names.add(name);
  }
  return names;
}

/** `constructions`: every call (and JS `new`) of the file, in document order. */
function findCallSites(
  constructions: Node[],
  text: string,
  hooks: AdapterHooks,
  assignments: Node[],
): { clients: ClientFact[]; callSites: CallSite[]; callNodes: Node[]; importedCalls: Map<string, unknown>; otherObjects: Set<string>; sdks: SdkEntry[] } {
  const g = hooks.grammar;
  const clients: ClientFact[] = [];
  const otherObjects = new Set<string>();
  const calls: Node[] = [];
  const methodNames = new Set(sdksFor(hooks.ecosystem).flatMap((sdk) => sdk.methods.map((m) => m.path.slice(m.path.lastIndexOf(".") + 1))));
  for (const node of constructions) {
    // The callee's last name decides cheaply whether the call can matter at all.
    const calleeText = node.childForFieldName(node.type === g.call ? g.callFunction : "constructor")?.text ?? "";
    const lastName = calleeText.slice(calleeText.lastIndexOf(".") + 1);
    if (node.type === g.call && methodNames.has(lastName)) calls.push(node);
    if (!/^[A-Z]/.test(lastName) && !CLIENT_WRAPPERS.includes(lastName) && !FACTORY_METHODS.has(lastName)) continue;
    const construction = hooks.clientOf(node);
    const { outer } = unwrapUp(node, g);
    const name = hooks.bindingOf(outer);
    const factory = construction ? factoryOf(outer, name, g) : null;
    if (construction && factory) clients.push({ ...clientFact(construction, factory.name, text, hooks), factory: true, exported: factory.exported });
    if (construction && name) {
      clients.push(clientFact(construction, name, text, hooks));
    } else if (!construction && name && isForeignConstructor(node, hooks)) {
      otherObjects.add(name);
    }
  }
  clients.push(...derivedClients(clients, assignments, hooks.grammar));
  const importedCalls = importedCallBindings(assignments, hooks);
  const sdks = sdksFor(hooks.ecosystem).filter((sdk) => hooks.imports.importsFrom(sdk.modules) || clients.some((c) => c.sdk === sdk) || sdk.http?.global);
  const callSites: CallSite[] = [];
  const callNodes: Node[] = [];
  for (const call of calls) {
    const callee = call.childForFieldName(g.callFunction);
    if (!callee) continue;
    const match = (sdks.length > 0 ? matchMethod(callee, sdks, hooks, clients, otherObjects, text) : null) ?? importedReceiverMatch(callee, hooks, importedCalls);
    // Plain HTTP is a model call only when it goes to a model API.
    if (!match || (match.sdk.http && !callsModelEndpoint(call, text, g, match.sdk.http.global !== undefined))) continue;
    callSites.push(callSiteFact(call, callee, match, text, hooks));
    callNodes.push(call);
  }
  return { clients, callSites, callNodes, importedCalls, otherObjects, sdks };
}

/** LangChain runnables that keep the model's settings: piped, bound, retried, structured. */
const DERIVING_METHODS = /^(with_structured_output|withStructuredOutput|bind_tools|bindTools|bind|with_retry|withRetry|with_config|withConfig|with_fallbacks|withFallbacks|pipe)$/;

/**
 * `chain = prompt | llm | parser`, `structured = llm.with_structured_output(Answer)`,
 * `prompt.pipe(llm)`: names bound to a runnable built from a chat model call that model, with
 * its timeout and limits. Followed through up to three steps (`chain2 = chain | other`).
 */
function derivedClients(clients: ClientFact[], assignments: Node[], g: Grammar): ClientFact[] {
  const derived: ClientFact[] = [];
  if (!clients.some((c) => c.sdk.limitsOnClient || c.factory)) return derived;
  const known = () => [...clients, ...derived].filter((c) => (c.sdk.limitsOnClient || c.factory) && c.name);
  for (let step = 0; step < 3; step++) {
    let added = false;
    for (const assignment of assignments) {
      const { left, right } = assignmentSides(assignment, g) ?? {};
      if (!left || !right || left.type !== g.identifier || known().some((c) => c.name === left.text)) continue;
      const source = known().find((c) => (c.factory ? callsFactory(right, c.name, g) : buildsOn(right, c.name, g)));
      if (!source) continue;
      derived.push({ ...source, factory: false, name: left.text, exported: !g.functions.includes(enclosingScope(assignment, g).type) });
      added = true;
    }
    if (!added) break;
  }
  return derived;
}

/** `right` is `name(…)` (awaited or not): a call of the factory. */
function callsFactory(right: Node, name: string, g: Grammar): boolean {
  const value = withoutAwait(right, g);
  return value.type === g.call && value.childForFieldName(g.callFunction)?.text === name;
}

/**
 * `def get_client(): return OpenAI(…)`, `const makeClient = () => new OpenAI(…)`, or a client
 * bound to a name the function then returns: the function's name, and whether other modules
 * can import it.
 */
function factoryOf(outer: Node, boundTo: string | null, g: Grammar): { name: string; exported: boolean } | null {
  const parent = parentOf(outer);
  const returned = parent !== null && (g.returnStatements.includes(parent.type) || (parent.type === "arrow_function" && parent.childForFieldName("body")?.id === outer.id));
  const fn = enclosingScope(outer, g);
  if (!g.functions.includes(fn.type)) return null;
  if (!returned && !(boundTo && new RegExp(`\\breturn\\s+${boundTo.replace(/[.$]/g, "\\$&")}\\s*($|[;\\n])`, "m").test(fn.text))) return null;
  const named = fn.childForFieldName("name");
  const declarator = named ? null : parentOf(fn);
  const name = named?.text ?? (declarator?.type === "variable_declarator" ? declarator.childForFieldName("name")?.text : undefined);
  if (!name || !/^[\w$]+$/.test(name)) return null;
  return { name, exported: !g.functions.includes(enclosingScope(declarator ?? fn, g).type) };
}

/**
 * Names through which a statement can give another name a meaning for the whole file:
 * imported functions, whose result bound to a name is followed (`client = get_client()`), and
 * chat models or factories a runnable can be derived from (`chain = prompt | llm`).
 */
function fileWideNames(hooks: AdapterHooks, clients: ClientFact[]): FileWideNames {
  return {
    importedFunctions: [...hooks.imports.names].filter(([, i]) => isImportedFunction(i, hooks.ecosystem)).map(([local]) => local),
    derivable: clients.filter((c) => c.sdk.limitsOnClient || c.factory).map((c) => c.name),
  };
}

function isImportedFunction(imported: { module: string; name: string | null } | undefined, ecosystem: Ecosystem): boolean {
  return !!imported?.name && imported.name !== "default" && !sdkForModule(ecosystem, imported.module);
}

/**
 * Everything a call elsewhere in the file is resolved against, as one string: the imports, the
 * clients (without their places, unless two share a name: then the nearest one before a call
 * counts), the names bound to other objects or to imported calls, and the SDKs in use.
 */
function bindingsOf(imports: ImportTable, clients: ClientFact[], otherObjects: Set<string>, importedCalls: Map<string, unknown>, sdks: SdkEntry[]): string {
  const shared = clientNamesShared(clients);
  // A call site holds its client by reference (its options are read at lint time), so only what resolves it counts.
  const client = (c: ClientFact) => [c.name, c.sdk.id, c.factory ?? false, shared ? c.span.start : 0];
  return JSON.stringify([[...imports.names], clients.map(client), [...otherObjects], [...importedCalls], sdks.map((sdk) => sdk.id)]);
}

/** `client = get_client()` where `get_client` is imported: the name holds whatever that module's factory makes. */
function importedCallBindings(assignments: Node[], hooks: AdapterHooks): Map<string, { module: string; name: string }> {
  const g = hooks.grammar;
  const bindings = new Map<string, { module: string; name: string }>();
  for (const assignment of assignments) {
    const sides = assignmentSides(assignment, g);
    const left = sides?.left;
    const right = sides && withoutAwait(sides.right, g);
    const callee = right?.type === g.call ? right.childForFieldName(g.callFunction) : null;
    const imported = callee?.type === g.identifier ? hooks.imports.get(callee.text) : undefined;
    if (!left || left.type !== g.identifier || !imported?.name || !isImportedFunction(imported, hooks.ecosystem)) continue;
    bindings.set(left.text, { module: imported.module, name: imported.name });
  }
  return bindings;
}

/** `right` is a pipe containing `name`, or a deriving method called on it or given it. */
function buildsOn(right: Node, name: string, g: Grammar): boolean {
  const value = withoutAwait(right, g);
  // Python's LCEL pipe; JS pipes with `.pipe()`.
  if (value.type === "binary_operator") return value.childForFieldName("operator")?.text === "|" && referencedNames(value, g).has(name);
  if (value.type !== g.call) return false;
  const callee = value.childForFieldName(g.callFunction);
  if (callee?.type !== g.member) return /^RunnableSequence\.from$/.test(callee?.text ?? "") && referencedNames(value, g).has(name);
  const method = callee.childForFieldName(g.memberProperty)?.text ?? "";
  if (!DERIVING_METHODS.test(method)) return false;
  const receiver = callee.childForFieldName(g.memberObject);
  const args = value.childForFieldName(g.callArguments);
  if (receiver?.text === name || (method === "pipe" && args !== null && referencedNames(args, g).has(name))) return true;
  return receiver?.type === g.call && buildsOn(receiver, name, g);
}

/**
 * `Client(...)`, `MagicMock(...)`, `mocks.FakeOpenAI(...)`: a class that is not an SDK
 * client. A name bound to one is surely not a model client, whatever methods it has.
 */
function isForeignConstructor(node: Node, hooks: AdapterHooks): boolean {
  const callee = node.childForFieldName(node.type === hooks.grammar.call ? hooks.grammar.callFunction : "constructor");
  if (!callee) return false;
  const { root, names } = memberChain(callee, hooks.grammar);
  const className = names[names.length - 1] ?? root.text;
  if (!/^[A-Z]/.test(className)) return false;
  const imported = root.type === hooks.grammar.identifier ? hooks.imports.get(root.text) : undefined;
  return !imported || !sdksFor(hooks.ecosystem).some((sdk) => sdk.modules.includes(imported.module));
}

function clientFact(construction: ClientConstruction, name: string, text: string, hooks: AdapterHooks): ClientFact {
  const call = construction.call;
  return {
    sdk: construction.sdk,
    name,
    span: spanOf(call),
    className: construction.className,
    options: hooks.constructorOptions(call, text),
    instrumented: construction.instrumented,
    functionSpan: functionSpanOf(call, hooks.grammar),
    exported: functionSpanOf(call, hooks.grammar) === null && /^[\w$]+$/.test(name),
    line: call.startPosition.row,
  };
}

function functionSpanOf(node: Node, g: Grammar): ClientFact["functionSpan"] {
  const scope = enclosingScope(node, g);
  return g.functions.includes(scope.type) ? spanOf(scope) : null;
}

interface MethodMatch extends Resolved {
  sdk: SdkEntry;
  method: MethodEntry;
}

function matchMethod(
  callee: Node,
  sdks: SdkEntry[],
  hooks: AdapterHooks,
  clients: ClientFact[],
  otherObjects: Set<string>,
  text: string,
): MethodMatch | null {
  const g = hooks.grammar;
  const { root, names: chain } = memberChain(callee, g);
  // `client.messages.with_raw_response.create` is the same call, answered with the raw HTTP response.
  const names = chain.filter((n) => !RAW_RESPONSE_ACCESSORS.includes(n));
  for (const sdk of sdks) {
    if (sdk.http?.global && root.type === g.identifier && root.text === sdk.http.global && names.length === 0 && !hooks.imports.get(root.text)) {
      return { sdk, method: sdk.methods[0], client: null, resolution: "none", withOptions: null };
    }
    if (sdk.clientClasses.length === 0) {
      // Function-style SDK (`generateText(...)`, `ai.generateText(...)`).
      const imported = root.type === g.identifier ? hooks.imports.get(root.text) : undefined;
      if (!imported || !sdk.modules.includes(imported.module)) continue;
      // `import axios from "axios"; axios.post(…)`: a default export used as a namespace.
      const namespace = imported.name === null || (imported.name === "default" && names.length > 0);
      const path = namespace ? names.join(".") : names.length === 0 ? imported.name : "";
      const method = sdk.methods.find((m) => m.path === path);
      if (method) return { sdk, method, client: null, resolution: "none", withOptions: null };
      continue;
    }
    const methods = [...sdk.methods].sort((a, b) => b.path.length - a.path.length);
    for (const method of methods) {
      const segments = method.path.split(".");
      if (names.length < segments.length || names.slice(names.length - segments.length).join(".") !== method.path) continue;
      const receiverNames = names.slice(0, names.length - segments.length);
      const resolved = resolveReceiver(root, receiverNames, sdk, hooks, clients, otherObjects, text, callee.startIndex);
      // `x.chat(…)`, `x.invoke(…)`: a one-word method is a model call only on a client the engine found.
      if (resolved && resolved.resolution === "unresolved" && !method.path.includes(".")) continue;
      if (resolved) return { sdk, method, ...resolved };
    }
  }
  return null;
}

/**
 * The request's URL (first argument or `url=`) is a model endpoint: written out, in an
 * f-string or template that starts with it, or a module constant holding it.
 */
function callsModelEndpoint(call: Node, text: string, g: Grammar, needsPostMethod: boolean): boolean {
  const args = call.childForFieldName(g.callArguments)?.namedChildren.filter((a) => a.type !== "comment") ?? [];
  const keyword = args.find((a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "url");
  const url = keyword?.childForFieldName("value") ?? args[0];
  if (!url || url.type === "keyword_argument") return false;
  // `fetch` GETs unless told otherwise, and a GET asks no model anything.
  if (needsPostMethod && !/\bmethod\s*:\s*["'`]POST["'`]/i.test(args[1]?.text ?? "")) return false;
  const literal = /^[fFrRbBuU]*["'`]([^"'`]*)/.exec(url.text)?.[1];
  const written = literal ?? (url.type === g.identifier ? moduleConstant(url.text, text) : undefined);
  return written !== undefined && MODEL_ENDPOINT.test(written) && INFERENCE_PATH.test(written);
}

/** The string a module-level constant is set to (`OPENAI_URL = "https://…"`). */
function moduleConstant(name: string, text: string): string | undefined {
  return constantLine(name, "").exec(text)?.[2];
}

/** A line that sets a constant named by `name` (a pattern) to a string: `OPENAI_URL = "https://…"`. */
function constantLine(name: string, flags: string): RegExp {
  return new RegExp(`(^|\\n)(?:export\\s+)?(?:const\\s+|let\\s+|var\\s+)?${name}\\s*(?::\\s*\\w+\\s*)?=\\s*[fF]?["'\`]([^"'\`]*)`, flags);
}

const ANY_CONSTANT_LINE = constantLine("[\\w$]+", "g");

/** Every line `moduleConstant` could read a constant from: kept facts depend on them (model/statementMemo.ts). */
export function moduleConstantLines(text: string): string[] {
  return text.match(ANY_CONSTANT_LINE) ?? [];
}

/** Two clients share a name: a call then takes the nearest one before it, so places matter. */
export function clientNamesShared(clients: ClientFact[]): boolean {
  const names = clients.map((c) => c.name);
  return names.some((name, i) => names.indexOf(name) !== i);
}

/**
 * `client.chat.completions.create(…)` where `client` is imported from a project module
 * (`from app.llm import client`): a call site whose client the workspace resolves at lint
 * time; the SDK here is provisional, the client's own replaces it (or the site is dropped).
 */
function importedReceiverMatch(callee: Node, hooks: AdapterHooks, importedCalls: Map<string, { module: string; name: string }>): MethodMatch | null {
  const g = hooks.grammar;
  const { root, names } = memberChain(callee, g);
  // `client.…` with `client` imported, or made by an imported factory (`get_client().…`, `client = get_client()`).
  const factoryCall = root.type === g.call ? root.childForFieldName(g.callFunction) : null;
  const receiver = factoryCall?.type === g.identifier ? factoryCall.text : root.type === g.identifier ? root.text : null;
  const direct = receiver ? hooks.imports.get(receiver) : undefined;
  const imported = direct?.name ? { module: direct.module, name: direct.name } : root.type === g.identifier ? importedCalls.get(root.text) : undefined;
  if (!imported || imported.name === "default" || sdkForModule(hooks.ecosystem, imported.module)) return null;
  const path = names.filter((n) => !RAW_RESPONSE_ACCESSORS.includes(n)).join(".");
  for (const sdk of sdksFor(hooks.ecosystem)) {
    if (sdk.clientClasses.length === 0) continue;
    const method = sdk.methods.find((m) => m.path === path);
    if (method) return { sdk, method, client: null, resolution: "imported", withOptions: null, importedFrom: { module: imported.module, name: imported.name } };
  }
  return null;
}

function resolveReceiver(
  root: Node,
  receiverNames: string[],
  sdk: SdkEntry,
  hooks: AdapterHooks,
  clients: ClientFact[],
  otherObjects: Set<string>,
  text: string,
  at: number,
): Resolved | null {
  const g = hooks.grammar;
  const imported = hooks.imports.importsFrom(sdk.modules);
  if (root.type === g.call || hooks.constructionTypes?.includes(root.type)) {
    const withOptions = hooks.withOptionsOf(root, text);
    if (withOptions !== undefined) {
      const inner = root.childForFieldName(g.callFunction)?.childForFieldName(g.memberObject);
      if (!inner) return null;
      const { root: innerRoot, names } = memberChain(inner, g);
      const resolved = resolveReceiver(innerRoot, [...names, ...receiverNames], sdk, hooks, clients, otherObjects, text, at);
      return resolved && { ...resolved, withOptions };
    }
    const construction = receiverNames.length === 0 ? hooks.clientOf(root) : null;
    if (construction) {
      if (construction.sdk !== sdk) return null;
      return { client: clientFact(construction, "", text, hooks), resolution: "local", withOptions: null };
    }
    // `get_client().chat.completions.create(…)`: the factory's client.
    const factoryName = root.childForFieldName(g.callFunction)?.text;
    const factory = receiverNames.length === 0 ? clients.find((c) => c.factory && c.name === factoryName) : undefined;
    if (factory) return factory.sdk === sdk ? { client: factory, resolution: "local", withOptions: null } : null;
    return imported ? { client: null, resolution: "unresolved", withOptions: null } : null;
  }
  // `client.beta.threads.messages.create` is the Assistants API, not Anthropic's `messages.create`.
  if (receiverNames.some((n) => SDK_RESOURCES.has(n))) return null;
  const name = receiverName(root, receiverNames, g);
  if (name !== null) {
    const candidates = clients.filter((c) => c.name === name);
    if (candidates.length > 0) {
      // The nearest construction before the call, else the first.
      const before = candidates.filter((c) => c.span.start < at);
      const client = before.length > 0 ? before[before.length - 1] : candidates[0];
      return client.sdk === sdk ? { client, resolution: "local", withOptions: null } : null;
    }
    if (otherObjects.has(name)) return null;
    const module = receiverNames.length === 0 ? hooks.imports.get(name) : undefined;
    if (module && module.name === null && sdk.modules.includes(module.module)) {
      return hooks.ecosystem === "python" ? { client: null, resolution: "module", withOptions: null } : null;
    }
    // `import ollama from "ollama"`: the package's default export is a ready client.
    if (module && module.name === "default" && sdk.defaultExportIsClient && sdk.modules.includes(module.module)) {
      return { client: null, resolution: "module", withOptions: null };
    }
  }
  return imported ? { client: null, resolution: "unresolved", withOptions: null } : null;
}

/** `client`, `self.client`, `this.client`; null for longer or computed receivers. */
function receiverName(root: Node, receiverNames: string[], g: Grammar): string | null {
  if (root.type === g.identifier && receiverNames.length === 0) return root.text;
  if ((root.type === "this" || root.text === "self") && receiverNames.length === 1) return `${root.text}.${receiverNames[0]}`;
  return null;
}

function callSiteFact(call: Node, callee: Node, match: MethodMatch, text: string, hooks: AdapterHooks): CallSite {
  const g = hooks.grammar;
  const { options, requestOptions, requestOptionsAppendAt } = hooks.callOptions(call, text, match.sdk);
  const { outer, awaited } = unwrapUp(call, g);
  // Inside broken code every check is unknown: skip the costly flow analysis (the scope
  // of a half-typed function can be the whole module).
  const broken = isBroken(call);
  let result: ResultUse = broken ? { kind: "other", usageRead: "unknown" } : hooks.resultOf(outer);
  const statementNode = broken ? null : simpleStatementOf(outer, g);
  const statement = statementNode && startsItsLine(text, statementNode) ? statementFact(text, statementNode, statementKind(statementNode, g), g.strings) : null;
  if (result.kind === "bound") result = { ...result, statement };
  return {
    sdk: match.sdk,
    method: match.method,
    span: spanOf(call),
    calleeSpan: spanOf(callee),
    calleeText: callee.text.replace(/\s+/g, ""),
    options,
    requestOptions,
    requestOptionsAppendAt,
    withOptions: match.withOptions,
    // LangChain: the model is named on the chat model object, not the call.
    model: modelOf(options) ?? (match.sdk.limitsOnClient ? modelOf(match.client?.options ?? null) : null),
    modelSpan: modelSpanOf(options) ?? (match.sdk.limitsOnClient ? modelSpanOf(match.client?.options ?? null) : null),
    clientResolution: match.resolution,
    ...(match.importedFrom ? { importedFrom: match.importedFrom } : {}),
    client: match.client,
    insideSpan: !broken && hooks.insideSpan(call),
    insideTry: !broken && (isInsideTry(call, g) || (hooks.caught?.(outer) ?? false) || (hooks.retried?.(call) ?? false)),
    isStream: options?.entries.some((e) => e.name === "stream" && e.literal === true) || /stream/i.test(match.method.path),
    awaited,
    result,
    statement,
    broken,
    rawResponse: RAW_RESPONSE_ACCESSORS.some((a) => callee.text.includes(a)),
    context: broken ? { wrappers: [], functionSpan: null, isAsync: false, loop: null, handler: null } : callContext(call, g),
    promptFlow: broken ? { requestInSystem: null, unboundedInput: null } : promptFlow(call, options, g),
    line: call.startPosition.row,
  };
}

function statementKind(node: Node, g: Grammar): NonNullable<CallSite["statement"]>["kind"] {
  if (g.returnStatements.includes(node.type)) return "return";
  if (node.type === "lexical_declaration" || node.type === "variable_declaration") return "declaration";
  const inner = node.firstNamedChild;
  if (inner && g.assignments.some(([type]) => type === inner.type)) return "assignment";
  return node.type === g.expressionStatement ? "expression" : "other";
}

/** The option naming the model: `engine` in the pre-1.0 OpenAI API, `modelId` for Bedrock. */
const MODEL_OPTIONS = ["model", "engine", "modelId", "model_id", "model_name"];

/** Where the id in `modelOf` sits: inside the quotes of the literal. */
function modelSpanOf(options: OptionsBag | null): CallSite["modelSpan"] {
  const entry = options?.entries.find((e) => MODEL_OPTIONS.includes(e.name));
  if (!entry) return null;
  const quoted = /(["'`])([^"'`$\\]+)\1/.exec(entry.valueText);
  if (!quoted || (typeof entry.literal !== "string" && !/^[\w.$]+\(\s*["'`]/.test(entry.valueText))) return null;
  const start = entry.valueSpan.start + quoted.index + 1;
  return { start, end: start + quoted[2].length };
}

/** `model="gpt-4o"`, or the AI SDK's `model: openai("gpt-4o")`. */
function modelOf(options: OptionsBag | null): string | null {
  const entry = options?.entries.find((e) => MODEL_OPTIONS.includes(e.name));
  if (!entry) return null;
  if (typeof entry.literal === "string") return entry.literal;
  const factory = /^[\w.$]+\(\s*["'`]([^"'`$]+)["'`]/.exec(entry.valueText);
  return factory ? factory[1] : null;
}

/**
 * Which model call's output an expression holds: the call itself, or a name the output
 * flowed into (assignments, loops, destructuring) within the same function.
 */
export class ModelOutputTracker {
  private seedsByScope: Map<number, Map<string, number>> | null = null;
  private readonly taintCache = new Map<string, Map<string, number>>();

  constructor(
    private readonly facts: FileFacts,
    private readonly callNodes: Node[],
    private readonly g: Grammar,
  ) {}

  /** The index of the call site whose output reaches `argument` (inside `node`), or null. */
  sourceOf(node: Node, argument: Node, stopAt?: (value: Node) => boolean): number | null {
    return this.originOf(node, argument, stopAt)?.source ?? null;
  }

  /** The call site, and the name the output arrives under (null when the call itself is in `argument`). */
  originOf(node: Node, argument: Node, stopAt?: (value: Node) => boolean): { source: number; name: string | null } | null {
    if (this.facts.callSites.length === 0) return null;
    // The call sites' spans, not their nodes: each `endIndex` of a node is a call into the parser.
    const [start, end] = [argument.startIndex, argument.endIndex];
    const direct = this.facts.callSites.findIndex((site) => site.span.start >= start && site.span.end <= end);
    if (direct >= 0) return { source: direct, name: null };
    const scope = enclosingScope(node, this.g);
    const key = `${scope.id}:${stopAt ? "stop" : "all"}`;
    let tainted = this.taintCache.get(key);
    if (!tainted) {
      tainted = taintedNames(scope, this.seeds().get(scope.id) ?? new Map(), this.g, stopAt);
      this.taintCache.set(key, tainted);
    }
    for (const name of referencedNames(argument, this.g)) {
      const origin = tainted.get(name);
      if (origin !== undefined) return { source: origin, name };
    }
    return null;
  }

  private seeds(): Map<number, Map<string, number>> {
    if (this.seedsByScope) return this.seedsByScope;
    this.seedsByScope = new Map();
    this.facts.callSites.forEach((site, index) => {
      const names = site.result.kind === "bound" ? [site.result.name] : site.result.kind === "destructured" ? site.result.locals : [];
      const scope = enclosingScope(this.callNodes[index], this.g);
      const seeds = this.seedsByScope!.get(scope.id) ?? new Map<string, number>();
      for (const name of names) seeds.set(name, index);
      this.seedsByScope!.set(scope.id, seeds);
    });
    return this.seedsByScope;
  }
}

/** Where model output goes in a file: JSON parses, sinks, unchecked content and log lines, each linked to its call site. */
export function linkModelOutput(
  facts: FileFacts,
  callNodes: Node[],
  walked: Node[],
  nodes: Map<string, Node[]>,
  jsonCandidates: { node: Node; fact: JsonParseFact }[],
  sinkCandidates: SinkCandidate[],
  g: Grammar,
  callSitesElsewhere: boolean,
): void {
  const tracker = new ModelOutputTracker(facts, callNodes, g);
  linkJsonParses(jsonCandidates, facts, tracker, g);
  linkSinks(sinkCandidates, facts, tracker);
  if (facts.callSites.length === 0 && !callSitesElsewhere) return;
  const contentUses = messageContentNodes(facts.text, walked, g).map((node) => contentUseOf(node, g)).filter((use): use is ContentUse => use !== null);
  const logCalls = (nodes.get(g.call) ?? []).flatMap((call) => {
    const args = logArguments(call, g);
    return args ? [{ call, args }] : [];
  });
  linkOutputUses(contentUses, logCalls, facts, tracker, g);
}

const MESSAGE_CONTENT = /choices\s*\[\s*0\s*\]\s*\.\s*message\s*\.\s*content\b/g;

/**
 * `….choices[0].message.content` accesses in the walked statements, found in the text (most
 * files have none, and member nodes are many). A statement with one always holds the words
 * the statement choice looks for (`choices[`), so none is missed.
 */
function messageContentNodes(text: string, walked: Node[], g: Grammar): Node[] {
  const found: Node[] = [];
  for (const statement of walked) {
    for (const match of matchesWithin(text, MESSAGE_CONTENT, statement.startIndex, statement.endIndex)) {
      const end = match.index + match[0].length;
      let node: Node | null = statement.namedDescendantForIndex(end - 1, end - 1);
      while (node && !(node.type === g.member && node.endIndex === end)) node = parentOf(node);
      if (node) found.push(node);
    }
  }
  return found;
}

/** Keeps the `json.loads`/`JSON.parse` calls that read model output and links each to its call site. */
function linkJsonParses(candidates: { node: Node; fact: JsonParseFact }[], facts: FileFacts, tracker: ModelOutputTracker, g: Grammar): void {
  for (const { node, fact } of candidates) {
    if (fact.broken) continue; // never reported, and its scope may be the whole file
    const argument = node.childForFieldName(g.callArguments)?.namedChildren[0];
    if (!argument) continue;
    if (SDK_SERIALISERS.some((s) => new RegExp(`\\.${s}\\s*\\(`).test(argument.text))) continue;
    const source = tracker.sourceOf(node, argument);
    if (source !== null) facts.jsonParses.push({ ...fact, source });
  }
}

/** A response's metadata fields (`response.usage.total_tokens`): logging these is not logging the conversation. */
const METADATA_READ = /[\w$]+(?:\s*\.\s*[\w$]+|\[[^\]]*\])*\s*\.\s*(?:usage|usage_metadata|usageMetadata|model|id|created|finish_reason|stop_reason|totalUsage|response_metadata|length)\b(?:\s*\.\s*[\w$]+|\[[^\]]*\])*/g;

/** Content read without a None check, and whole prompts or outputs handed to a logger. */
function linkOutputUses(contentUses: ContentUse[], logCalls: { call: Node; args: Node[] }[], facts: FileFacts, tracker: ModelOutputTracker, g: Grammar): void {
  for (const use of contentUses) {
    if (isBroken(use.content)) continue;
    const source = tracker.sourceOf(use.content, use.content);
    if (source !== null) facts.uncheckedContents.push({ span: spanOf(use.content), method: use.method, source });
  }
  for (const { call, args } of logCalls) {
    if (isBroken(call)) continue;
    for (const arg of args) {
      const prompt = [...referencedNames(arg, g)].find((n) => PROMPT_NAMES.has(n));
      const origin = tracker.originOf(call, arg);
      const withoutMetadata = arg.text.replace(METADATA_READ, "");
      const output = origin && (origin.name === null || new RegExp(`(^|[^\\w$.])${origin.name.replace(/\$/g, "\\$")}\\b`).test(withoutMetadata)) ? origin.source : null;
      if (prompt || output !== null) {
        facts.loggedContent.push({ span: spanOf(call), what: output !== null ? "output" : "prompt", name: prompt ?? facts.callSites[output!].calleeText, source: output });
        break;
      }
    }
  }
}

/** Keeps the sinks that model output reaches, each with its call site. */
function linkSinks(candidates: SinkCandidate[], facts: FileFacts, tracker: ModelOutputTracker): void {
  for (const candidate of candidates) {
    if (isBroken(candidate.node)) continue;
    const sanitized = isSanitized(candidate.argument);
    const source = tracker.sourceOf(candidate.node, candidate.argument, (value) => isSanitized(value));
    if (source === null) continue;
    facts.sinks.push({ kind: candidate.kind, span: spanOf(candidate.node), sinkText: candidate.sinkText, argumentSpan: spanOf(candidate.argument), source, sanitized });
  }
}

const SUPPRESSION = /ai-readiness:\s*ignore\[([^\]]*)\]/;

function collectSuppressions(comments: Node[], text: string): Suppression[] {
  const found: Suppression[] = [];
  if (!text.includes("ai-readiness:")) return found;
  for (const node of comments) {
    const match = SUPPRESSION.exec(node.text);
    if (!match) continue;
    const rules = match[1].split(",").map((r) => r.trim()).filter(Boolean);
    found.push({ line: node.startPosition.row, ownLine: startsItsLine(text, node), rules, span: spanOf(node) });
  }
  return found;
}

/** The entries of a client's options that give its API key (`api_key=`, `apiKey:`, as its SDK names it). */
export function apiKeyEntries(client: ClientFact): OptionEntry[] {
  return client.options?.entries.filter((e) => e.name === client.sdk.apiKeyOption) ?? [];
}

/** The string node is the API-key option of a client built in this file: which option, which variable. */
export function clientKeyLiteral(node: Node, clients: ClientFact[]): Pick<StringLiteralFact, "apiKeyOf" | "localServer"> | null {
  for (const client of clients) {
    const entry = apiKeyEntries(client).find((e) => e.valueSpan.start === node.startIndex);
    if (entry) return { apiKeyOf: { option: entry.name, env: client.sdk.apiKeyEnv }, localServer: isLocalServer(client) };
  }
  return null;
}

/** The client talks to a server on this machine (Ollama, vLLM, LM Studio), whose API key is a placeholder. */
function isLocalServer(client: ClientFact): boolean {
  const baseUrl = client.options?.entries.find((e) => e.name === client.sdk.baseUrlOption)?.literal;
  return typeof baseUrl === "string" && /^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)\b/.test(baseUrl);
}
