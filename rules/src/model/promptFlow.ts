/**
 * What flows into a model call's prompt, inside the function that makes it: request data
 * (a web handler's parameters and body) into the system prompt, and whole files, HTTP
 * bodies and query results into any part of the prompt with no truncation on the way.
 */
import type { Span } from "../types";
import type { OptionsBag } from "./facts";
import type { Grammar } from "./grammar";
import { enclosingScope, ownFlows, referencedNames, boundNames, taintedNames } from "./flow";
import { parentOf, spanOf, type Node } from "./syntax";

/** Request data in handlers: Flask/Django/FastAPI/Starlette, Express, Next.js. */
const REQUEST_SOURCE = /\b(request|req)\s*\.\s*(json|get_json|form|args|values|data|body|query|params|POST|GET|query_params|path_params)\b|\bsearchParams\s*\.\s*get\s*\(|\bformData\s*\(\s*\)|\bformData\s*\.\s*get\s*\(/;
/** Web framework decorators whose function's parameters come from the request. */
const ROUTE_DECORATOR = /^@\s*[\w.]*\b(app|router|api|bp|blueprint|route)\s*\.\s*(get|post|put|patch|delete|route|api_route|websocket)\s*\(/;
/** Parameters that are the framework's own objects, not request data. */
const FRAMEWORK_PARAMETER = /^(self|cls|request|req|res|response|db|session|background_tasks|current_user|user|settings|config)$/;

/** Where whole documents come from: files, HTTP responses, query results. */
const BULK_SOURCE = /\.\s*read\s*\(\s*\)|\.\s*read_text\s*\(|\.\s*fetchall\s*\(|readFileSync\s*\(|\bfs\.promises\.readFile\s*\(|\breadFile\s*\(|\.\s*text\s*\(\s*\)|\bget_text\s*\(|\.\s*body\s*\(\s*\)/;
/** Cutting text down before it reaches a prompt. */
const TRUNCATION = /\[\s*:\s*[\w.]+\s*\]|\[\s*-?\d*\s*:\s*-?\d+\s*\]|\.\s*(slice|substring|substr)\s*\(|truncat\w*\s*\(|\bencode\s*\(|num_tokens|count_tokens|countTokens|\bsplit_text\b|TextSplitter|chunk\w*\s*\(|summar\w*\s*\(/;

/** Option names that carry the system prompt; messages with one of these roles do too. */
const SYSTEM_OPTIONS = ["system", "instructions", "system_instruction", "systemInstruction", "system_prompt", "systemPrompt"];
const SYSTEM_ROLES = /["'`](system|developer)["'`]/;
/** Option names that carry the prompt. */
const PROMPT_OPTIONS = ["messages", "prompt", "input", "contents", "content", ...SYSTEM_OPTIONS];

export interface PromptFlow {
  /** Request data that reaches the system prompt: where it enters, and the source text. */
  requestInSystem: { span: Span; source: string } | null;
  /** A whole file, body or result reaching the prompt untruncated. */
  unboundedInput: { span: Span; source: string } | null;
}

export function promptFlow(call: Node, options: OptionsBag | null, g: Grammar): PromptFlow {
  const none = { requestInSystem: null, unboundedInput: null };
  if (!options) return none;
  const scope = enclosingScope(call, g);
  const nodeAt = (span: Span) => call.tree.rootNode.namedDescendantForIndex(span.start, span.end - 1);
  const systemParts = systemPromptNodes(options, nodeAt);
  const promptParts = options.entries.filter((e) => PROMPT_OPTIONS.includes(e.name)).map((e) => nodeAt(e.valueSpan)).filter((n): n is Node => n !== null);
  return {
    requestInSystem: systemParts.length > 0 ? firstFlow(systemParts, scope, requestSeeds(scope, g), REQUEST_SOURCE, g) : null,
    unboundedInput: promptParts.length > 0 ? firstFlow(promptParts, scope, bulkSeeds(scope, g), BULK_SOURCE, g, TRUNCATION) : null,
  };
}

/** `system=…`, `instructions=…`, and the `content` of a `{"role": "system", …}` message. */
function systemPromptNodes(options: OptionsBag, nodeAt: (span: Span) => Node | null): Node[] {
  const nodes: Node[] = [];
  for (const entry of options.entries) {
    const node = nodeAt(entry.valueSpan);
    if (!node) continue;
    if (SYSTEM_OPTIONS.includes(entry.name)) nodes.push(node);
    if (entry.name !== "messages" && entry.name !== "input") continue;
    for (const message of node.descendantsOfType(["dictionary", "object"])) {
      const pairs = message.namedChildren.filter((c) => c.type === "pair");
      const role = pairs.find((p) => /^["']?role["']?$/.test(p.childForFieldName("key")?.text ?? ""));
      if (!role || !SYSTEM_ROLES.test(role.childForFieldName("value")?.text ?? "")) continue;
      const content = pairs.find((p) => /^["']?content["']?$/.test(p.childForFieldName("key")?.text ?? ""))?.childForFieldName("value");
      if (content) nodes.push(content);
    }
  }
  return nodes;
}

/**
 * The first part that holds a source expression directly, or a name the source flowed into
 * (through assignments in the function; a `blocker` on the way, like truncation, stops it).
 */
function firstFlow(parts: Node[], scope: Node, seeds: Map<string, number>, source: RegExp, g: Grammar, blocker?: RegExp): { span: Span; source: string } | null {
  const origins = [...seeds.keys()];
  const tainted = taintedNames(scope, seeds, g, blocker ? (value) => blocker.test(value.text) : undefined);
  for (const part of parts) {
    if (blocker?.test(part.text)) continue;
    const direct = source.exec(part.text);
    if (direct) return { span: spanOf(part), source: direct[0].trim() };
    for (const name of referencedNames(part, g)) {
      const origin = tainted.get(name);
      if (origin !== undefined) return { span: spanOf(part), source: origins[origin] ?? name };
    }
  }
  return null;
}

/** Names bound to request data in the function, and a route handler's own parameters. */
function requestSeeds(scope: Node, g: Grammar): Map<string, number> {
  const names = assignedFrom(scope, REQUEST_SOURCE, g);
  const decorated = parentOf(scope);
  if (decorated?.type === "decorated_definition" && decorated.namedChildren.some((d) => d.type === "decorator" && ROUTE_DECORATOR.test(d.text))) {
    for (const parameter of scope.childForFieldName("parameters")?.namedChildren ?? []) {
      if (/Depends\s*\(|Request\b|Session\b|BackgroundTasks\b/.test(parameter.text)) continue;
      const name = parameter.type === "identifier" ? parameter.text : (parameter.childForFieldName("name") ?? parameter.namedChildren[0])?.text;
      if (name && !FRAMEWORK_PARAMETER.test(name)) names.push(name);
    }
  }
  return new Map(names.map((name, index) => [name, index]));
}

function bulkSeeds(scope: Node, g: Grammar): Map<string, number> {
  const names = assignedFrom(scope, BULK_SOURCE, g, TRUNCATION);
  return new Map(names.map((name, index) => [name, index]));
}

/** Names assigned (in this function) a value matching `source`, unless it also matches `unless`. */
function assignedFrom(scope: Node, source: RegExp, g: Grammar, unless?: RegExp): string[] {
  const names: string[] = [];
  for (const flow of ownFlows(scope, g)) {
    if (flow.assignment && source.test(flow.rightText) && !unless?.test(flow.rightText)) names.push(...boundNames(flow.left, g));
  }
  return names;
}
