/**
 * Where a model call sits: the function around it (async or not), the wrappers it runs in
 * (decorators, `with` blocks, callbacks handed to a function), the loop that repeats it, and
 * what the `try` around it does with an error. Read once per call site, in one walk up.
 */
import type { Span } from "../types";
import type { CallContext, ErrorHandlerFact, LoopFact } from "./facts";
import type { Grammar } from "./grammar";
import { memberChain, referencedNames, boundNames } from "./flow";
import { ancestors, parentOf, spanOf, type Node } from "./syntax";

const LOOPS = new Set(["while_statement", "for_statement", "for_in_statement", "do_statement"]);

/** Names that mark a loop bound by a count (`step < max_steps`, `turns >= MAX_TURNS`). */
const COUNTER_NAME = /(max|limit|step|iter|turn|round|attempt|count|budget|depth|tries|hops|^i$|^n$|^idx$)/i;

export function callContext(call: Node, g: Grammar): CallContext {
  const wrappers: string[] = [];
  let loop: LoopFact | null = null;
  let handler: ErrorHandlerFact | null = promiseCatch(call);
  let child = call;
  for (const parent of ancestors(call)) {
    if (g.functions.includes(parent.type)) {
      loop ??= callbackLoop(parent, g);
      // Decorators and wrappers outside the function still wrap the call.
      for (const outer of ancestors(parent)) collectWrapper(outer, wrappers, g);
      return { wrappers, functionSpan: spanOf(parent), isAsync: isAsyncFunction(parent), loop: perItem(loop, call, g), handler };
    }
    collectWrapper(parent, wrappers, g);
    if (!loop && LOOPS.has(parent.type) && !isLoopHeader(parent, child)) loop = loopFact(parent, g);
    if (!loop && COMPREHENSIONS.has(parent.type)) loop = comprehensionLoop(parent, g);
    if (!handler && parent.type === g.tryStatement && parent.childForFieldName(g.tryBody)?.id === child.id) handler = handlerFact(parent, g);
    child = parent;
  }
  return { wrappers, functionSpan: null, isAsync: false, loop: perItem(loop, call, g), handler };
}

const COMPREHENSIONS = new Set(["list_comprehension", "generator_expression", "set_comprehension", "dictionary_comprehension"]);
const ITERATING_METHODS = new Set(["map", "forEach", "flatMap"]);

function comprehensionLoop(node: Node, g: Grammar): LoopFact {
  const variables = node.namedChildren.filter((c) => c.type === "for_in_clause").flatMap((clause) => {
    const left = clause.childForFieldName("left");
    return left ? boundNames(left, g) : [];
  });
  const iterable = node.namedChildren.find((c) => c.type === "for_in_clause")?.childForFieldName("right")?.text ?? null;
  return { span: spanOf(node), infinite: false, exits: true, counted: true, variables, iterable, perItem: false };
}

/** `items.map((item) => embed(...))`: the callback runs once per item. */
function callbackLoop(fn: Node, g: Grammar): LoopFact | null {
  const args = parentOf(fn);
  const call = args?.type === g.argumentList ? parentOf(args) : null;
  if (call?.type !== g.call || !ITERATING_METHODS.has(lastName(call.childForFieldName(g.callFunction), g))) return null;
  const parameters = fn.childForFieldName("parameters") ?? fn.childForFieldName("parameter");
  const receiver = call.childForFieldName(g.callFunction)?.childForFieldName(g.memberObject)?.text ?? null;
  return { span: spanOf(call), infinite: false, exits: true, counted: true, variables: parameters ? boundNames(parameters, g) : [], iterable: receiver, perItem: false };
}

function perItem(loop: LoopFact | null, call: Node, g: Grammar): LoopFact | null {
  return loop && { ...loop, perItem: readsLoopVariable(call, loop, g) };
}

function collectWrapper(node: Node, wrappers: string[], g: Grammar): void {
  if (node.type === "decorated_definition") wrappers.push(...decoratorNames(node, g));
  else if (node.type === "with_statement") {
    for (const item of node.descendantsOfType("with_item")) {
      const value = item.childForFieldName("value");
      const call = value?.type === "as_pattern" ? value.namedChildren[0] : value;
      if (call?.type === g.call) wrappers.push(lastName(call.childForFieldName(g.callFunction), g));
    }
  } else if (node.type === g.argumentList) {
    const call = parentOf(node);
    if (call?.type === g.call) wrappers.push(lastName(call.childForFieldName(g.callFunction), g));
  }
}

function decoratorNames(decorated: Node, g: Grammar): string[] {
  return decorated.namedChildren
    .filter((c) => c.type === "decorator")
    .map((decorator) => {
      const expression = decorator.namedChildren[0];
      return lastName(expression?.type === g.call ? expression.childForFieldName(g.callFunction) : expression, g);
    });
}

function lastName(node: Node | null | undefined, g: Grammar): string {
  if (!node) return "";
  const { root, names } = memberChain(node, g);
  return names[names.length - 1] ?? root.text;
}

function isAsyncFunction(fn: Node): boolean {
  return fn.children.some((c) => c.type === "async");
}

/** The call is in the loop's condition or iterable, not its body: it runs once, not per item. */
function isLoopHeader(loop: Node, child: Node): boolean {
  const body = loop.childForFieldName("body");
  return body !== null && body.id !== child.id && child.type !== "block" && child.type !== "statement_block" && !isInside(child, body);
}

function isInside(node: Node, outer: Node): boolean {
  return node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
}

function loopFact(loop: Node, g: Grammar): LoopFact {
  const condition = loop.childForFieldName("condition");
  const infinite =
    (loop.type === "while_statement" && condition !== null && /^\(?\s*(True|true|1)\s*\)?$/.test(condition.text)) ||
    (loop.type === "for_statement" && loop.childForFieldName("left") === null && condition === null && loop.childForFieldName("initializer") !== null) ||
    (loop.type === "for_statement" && /^for\s*\(\s*;\s*;\s*\)/.test(loop.text));
  const left = loop.type === "for_statement" || loop.type === "for_in_statement" ? loop.childForFieldName("left") : null;
  const right = left ? loop.childForFieldName("right") : null;
  const body = loop.childForFieldName("body") ?? loop;
  return {
    span: spanOf(loop),
    infinite,
    exits: hasExit(body, loop, g),
    counted: hasCounter(body),
    variables: left ? boundNames(left, g) : [],
    iterable: right?.text ?? null,
    perItem: false,
  };
}

/** A `break`, `return`, `raise`/`throw` that leaves this loop (not one of a nested loop or function). */
function hasExit(body: Node, loop: Node, g: Grammar): boolean {
  const exits = ["break_statement", "return_statement", "raise_statement", "throw_statement"];
  return exits.some((type) =>
    body.descendantsOfType(type).some((exit) => {
      for (const parent of ancestors(exit)) {
        if (parent.id === loop.id) return true;
        if (g.functions.includes(parent.type)) return false;
        if (type === "break_statement" && LOOPS.has(parent.type)) return false;
      }
      return false;
    }),
  );
}

/** A comparison in the loop with a number or a counter-like name as an operand: the loop may be bounded by a count. */
function hasCounter(body: Node): boolean {
  const comparisons = [
    ...body.descendantsOfType("comparison_operator"),
    ...body.descendantsOfType("binary_expression").filter((b) => /^[<>]=?$|^[!=]==?$/.test(b.childForFieldName("operator")?.text ?? "")),
  ];
  return comparisons.some((comparison) => comparison.namedChildren.some(isCountLike));
}

function isCountLike(operand: Node): boolean {
  if (operand.type === "integer" || operand.type === "float" || operand.type === "number") return true;
  const name = /([A-Za-z_$][\w$]*)\s*$/.exec(operand.text)?.[1];
  return operand.type !== "call" && operand.type !== "call_expression" && name !== undefined && COUNTER_NAME.test(name);
}

/** `create(…).catch(() => null)`: a promise handler that drops the error. */
function promiseCatch(call: Node): ErrorHandlerFact | null {
  // `create(…).then(use).catch(…)`: the catch sees the call's rejection through the `then`.
  let chained = call;
  for (let parent = parentOf(chained); parent?.type === "member_expression" && /^(then|finally)$/.test(parent.childForFieldName("property")?.text ?? ""); parent = parentOf(chained)) {
    const next = parentOf(parent);
    if (next?.type !== "call_expression") break;
    chained = next;
  }
  const member = parentOf(chained);
  if (member?.type !== "member_expression" || member.childForFieldName("property")?.text !== "catch") return null;
  const catchCall = parentOf(member);
  const callback = catchCall?.type === "call_expression" ? catchCall.childForFieldName("arguments")?.namedChildren[0] : undefined;
  if (!catchCall || !callback || (callback.type !== "arrow_function" && callback.type !== "function_expression")) return null;
  const body = callback.childForFieldName("body");
  if (!body) return null;
  const drops = body.type === "statement_block" ? swallowsBlock(body) : /^(null|undefined|\[\]|\{\}|""|''|\(\s*\{\s*\}\s*\))$/.test(body.text);
  // No fix: the callback's shape varies too much to edit safely.
  return { span: spanOf(catchCall), swallowing: drops ? { span: spanOf(callback), bodySpan: spanOf(body), firstStatement: null, errorName: null, headerSpan: spanOf(callback), fixable: false } : null };
}

/** What the handlers of a `try` do: a broad handler that neither re-raises nor logs swallows the error. */
function handlerFact(tryStatement: Node, g: Grammar): ErrorHandlerFact {
  const handlers = g.tryHandler.field
    ? [tryStatement.childForFieldName(g.tryHandler.field)].filter((h): h is Node => h !== null)
    : tryStatement.namedChildren.filter((c) => c.type === g.tryHandler.childType);
  const swallowing = handlers.find((h) => catchesBroadly(h) && swallows(h));
  return { span: spanOf(tryStatement), swallowing: swallowing ? swallowingHandler(swallowing) : null };
}

/** Bare `except:`, `except Exception`, an SDK error class, or any JS `catch`. */
function catchesBroadly(handler: Node): boolean {
  if (handler.type === "catch_clause") return true;
  const types = handler.namedChildren.filter((c) => c.type !== "block" && c.type !== "comment");
  if (types.length === 0) return true;
  const text = types.map((t) => t.text).join(" ");
  return /\b(BaseException|Exception|\w*APIError|APIConnectionError|APITimeoutError|RateLimitError|APIStatusError|AnthropicError|OpenAIError)\b/.test(text);
}

/** The handler's body does nothing with the error: empty, `pass`, `...`, `continue`, or returns an empty value. */
function swallows(handler: Node): boolean {
  const body = handler.childForFieldName("body") ?? handler.namedChildren.find((c) => c.type === "block" || c.type === "statement_block");
  return body ? swallowsBlock(body) : false;
}

function swallowsBlock(body: Node): boolean {
  const statements = body.namedChildren.filter((c) => c.type !== "comment");
  return statements.every((s) => {
    if (s.type === "pass_statement" || s.type === "continue_statement" || s.type === "break_statement" || s.type === "empty_statement") return true;
    if (s.type === "expression_statement") return /^(\.\.\.|None|null|undefined)$/.test(s.text.replace(/;$/, ""));
    // `return False`/`false` is an answer ("not reachable"), not a dropped result.
    if (s.type === "return_statement") return /^return\s*(None|null|undefined|""|''|\[\]|\{\})?\s*;?$/.test(s.text);
    return false;
  });
}

function swallowingHandler(handler: Node): NonNullable<ErrorHandlerFact["swallowing"]> {
  const body = handler.childForFieldName("body") ?? handler.namedChildren.find((c) => c.type === "block" || c.type === "statement_block")!;
  const statements = body.namedChildren.filter((c) => c.type !== "comment");
  const alias = handler.descendantsOfType("as_pattern_target")[0] ?? handler.childForFieldName("parameter");
  const first = statements[0];
  const span: Span = first ? spanOf(first) : spanOf(body);
  return {
    span: spanOf(handler),
    bodySpan: spanOf(body),
    firstStatement: first ? { span, isPlaceholder: first.type === "pass_statement" || first.text === "..." || first.type === "empty_statement" } : null,
    errorName: alias?.text ?? null,
    headerSpan: { start: handler.startIndex, end: body.startIndex },
    fixable: true,
  };
}

/** The call's arguments read one of the loop's variables: the call runs once per item. */
function readsLoopVariable(call: Node, loop: LoopFact, g: Grammar): boolean {
  if (loop.variables.length === 0) return false;
  const args = call.childForFieldName(g.callArguments);
  if (!args) return false;
  const names = referencedNames(args, g);
  return loop.variables.some((v) => names.has(v));
}
