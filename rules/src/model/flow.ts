/**
 * Grammar-neutral steps over the tree: scopes, try protection, member chains, what happens
 * to a call's result, and which names hold model output. Both language adapters use them.
 */
import type { Verdict } from "../types";
import type { ResultUse } from "./facts";
import type { Grammar } from "./grammar";
import { ancestors, type Node, parentOf } from "./syntax";
import { flowsOf, identifiersNamed, type Flow } from "./scopeWalks";

export const USAGE_FIELDS = ["usage", "usage_metadata", "totalUsage", "get_final_message", "get_final_completion", "finalMessage"];

/** Methods that turn the whole response into data handed on elsewhere (`r.model_dump()`). */
const SERIALISERS = ["model_dump", "model_dump_json", "dict", "to_dict", "json", "to_json", "toJSON"];

/** `result.toUIMessageStreamResponse({ messageMetadata: … part.totalUsage … })`: usage handed to the caller. */
function methodCallMentionsUsage(member: Node, g: Grammar): boolean {
  const call = parentOf(member);
  if (call?.type !== g.call || call.childForFieldName(g.callFunction)?.id !== member.id) return false;
  return /usage/i.test(call.childForFieldName(g.callArguments)?.text ?? "");
}

/** The function that holds `node`, or the module. */
export function enclosingScope(node: Node, g: Grammar): Node {
  let last = node;
  for (const parent of ancestors(node)) {
    if (g.functions.includes(parent.type)) return parent;
    last = parent;
  }
  return last;
}

/** Inside the body of a `try` that has a handler, within the same function. */
export function isInsideTry(node: Node, g: Grammar): boolean {
  let child = node;
  for (const parent of ancestors(node)) {
    if (g.functions.includes(parent.type)) return false;
    if (parent.type === g.tryStatement) {
      const body = parent.childForFieldName(g.tryBody);
      const hasHandler = g.tryHandler.field
        ? parent.childForFieldName(g.tryHandler.field) !== null
        : parent.namedChildren.some((c) => c.type === g.tryHandler.childType);
      if (hasHandler && body && body.id === child.id) return true;
    }
    child = parent;
  }
  return false;
}

/** `a.b.c` → root `a`, names `["b", "c"]`. The root is whatever is not a member access. */
export function memberChain(node: Node, g: Grammar): { root: Node; names: string[] } {
  const names: string[] = [];
  let current = node;
  while (current.type === g.member) {
    const property = current.childForFieldName(g.memberProperty);
    const object = current.childForFieldName(g.memberObject);
    if (!property || !object) break;
    names.unshift(property.text);
    current = object;
  }
  return { root: current, names };
}

/** Climbs out of `await` and parentheses; says whether the value was awaited. */
export function unwrapUp(node: Node, g: Grammar): { outer: Node; awaited: boolean } {
  let outer = node;
  let awaited = false;
  for (let parent = parentOf(outer); parent; parent = parentOf(outer)) {
    if (parent.type === g.await) awaited = true;
    else if (parent.type !== g.parenthesized && parent.type !== "non_null_expression" && parent.type !== "as_expression") break;
    outer = parent;
  }
  return { outer, awaited };
}

/** The statement that holds `node`, if it is one of the simple statements a fix may touch. */
export function simpleStatementOf(node: Node, g: Grammar): Node | null {
  for (const parent of [node, ...ancestors(node)]) {
    if (g.simpleStatements.includes(parent.type)) return parent;
    if (g.functions.includes(parent.type) || parent.type.endsWith("block") || parent.type === "module" || parent.type === "program") return null;
  }
  return null;
}

/**
 * What the program does with a model call's result. `outer` is the call after `unwrapUp`.
 * Language specifics (destructuring, `with … as`) are decided by the adapter before this.
 */
export function classifyResult(outer: Node, g: Grammar): ResultUse {
  const parent = parentOf(outer);
  if (!parent) return { kind: "other", usageRead: "unknown" };
  if (parent.type === g.expressionStatement) return { kind: "dropped" };
  if (g.returnStatements.includes(parent.type) || parent.type === "yield" || parent.type === "yield_expression") return { kind: "returned" };
  if (parent.type === "arrow_function" && parent.childForFieldName("body")?.id === outer.id) return { kind: "returned" };
  for (const [type, leftField, rightField] of g.assignments) {
    if (parent.type !== type || parent.childForFieldName(rightField)?.id !== outer.id) continue;
    const left = parent.childForFieldName(leftField);
    if (!left) break;
    if (left.type === g.identifier) {
      const scope = enclosingScope(parent, g);
      return { kind: "bound", name: left.text, usageRead: usageReadOf(scope, left.text, parent.endIndex, g), statement: null };
    }
    if (left.type === "object_pattern") {
      const names = left.namedChildren.map((c) => (c.type === "pair_pattern" ? c.childForFieldName("key")?.text ?? "" : c.text));
      return { kind: "destructured", names, locals: boundNames(left, g) };
    }
    return { kind: "other", usageRead: "unknown" };
  }
  if (parent.type === g.member && parent.childForFieldName(g.memberObject)?.id === outer.id) {
    const property = parent.childForFieldName(g.memberProperty)?.text ?? "";
    if (USAGE_FIELDS.includes(property) || methodCallMentionsUsage(parent, g)) return { kind: "other", usageRead: "pass" };
    // `(await create()).choices[0]`: the response is read once and its usage dropped.
    return { kind: "other", usageRead: ["then", "catch", "finally", "withResponse", "asResponse"].includes(property) ? "unknown" : "fail" };
  }
  return { kind: "other", usageRead: "unknown" };
}

/**
 * Whether the usage of the value bound to `name` is read after `after` in `scope`:
 * `pass` when `name.usage` is read or `name` is returned, `unknown` when `name` is passed
 * somewhere the engine does not follow, `fail` when only other fields are read.
 */
export function usageReadOf(scope: Node, name: string, after: number, g: Grammar): Verdict {
  let verdict: Verdict = "fail";
  for (const node of identifiersNamed(scope, name, after, g)) {
    const parent = parentOf(node);
    if (!parent) continue;
    if (parent.type === g.member && parent.childForFieldName(g.memberObject)?.id === node.id) {
      const property = parent.childForFieldName(g.memberProperty)?.text ?? "";
      if (USAGE_FIELDS.includes(property) || methodCallMentionsUsage(parent, g)) return "pass";
      if (SERIALISERS.includes(property)) verdict = "unknown";
      continue;
    }
    if (g.returnStatements.includes(parent.type)) return "pass";
    if (parent.type === "shorthand_property_identifier") continue;
    // Passed whole to a function, put in a collection, re-bound: the engine stops following.
    verdict = "unknown";
  }
  return verdict;
}

/** The two sides of an assignment form (`x = v`, `const x = v`, `x += v`), or null for any other node. */
export function assignmentSides(node: Node, g: Grammar): { left: Node; right: Node } | null {
  const form = g.assignments.find(([type]) => type === node.type);
  const left = form ? node.childForFieldName(form[1]) : null;
  const right = form ? node.childForFieldName(form[2]) : null;
  return left && right ? { left, right } : null;
}

/** `await x` → `x`; anything else as it is. */
export function withoutAwait(node: Node, g: Grammar): Node {
  return node.type === g.await ? (node.namedChildren[0] ?? node) : node;
}

/** Identifier names referenced in an expression (not property names). */
export function referencedNames(node: Node, g: Grammar): Set<string> {
  const names = new Set<string>();
  const visit = (n: Node) => {
    if (n.type === g.identifier || n.type === "shorthand_property_identifier") {
      const parent = parentOf(n);
      const isProperty = parent?.type === g.member && parent.childForFieldName(g.memberProperty)?.id === n.id;
      const isKeyword = parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === n.id;
      if (!isProperty && !isKeyword) names.add(n.text);
    }
  };
  visit(node);
  for (const n of node.descendantsOfType([g.identifier, "shorthand_property_identifier"])) visit(n);
  return names;
}

/** Names bound by an assignment target: `x`, `a, b`, `{ a, b: c }`, `[a, b]`. */
export function boundNames(target: Node, g: Grammar): string[] {
  if (target.type === g.identifier) return [target.text];
  const names: string[] = [];
  for (const n of target.descendantsOfType(["shorthand_property_identifier_pattern", g.identifier])) {
    if (n.type === "shorthand_property_identifier_pattern") names.push(n.text);
    else if (n.type === g.identifier) {
      const parent = parentOf(n);
      const isKey = parent?.type === "pair_pattern" && parent.childForFieldName("key")?.id === n.id;
      if (!isKey) names.push(n.text);
    }
  }
  return names;
}

/** The assignments and loops of `scope` itself (not of functions inside it), walked once per extraction. */
export function ownFlows(scope: Node, g: Grammar): Flow[] {
  return flowsOf(scope, g, (node) => enclosingScope(node, g));
}

/**
 * Names in `scope` that hold model output, each mapped to the call site it came from.
 * Seeds are the names the calls' results were bound to; assignments and loops spread them
 * until nothing changes (order-insensitive, so a loop body counts). A value `blocks` accepts
 * (a sanitizer call) stops the spread.
 */
export function taintedNames(scope: Node, seeds: Map<string, number>, g: Grammar, blocks?: (value: Node) => boolean): Map<string, number> {
  const tainted = new Map(seeds);
  if (tainted.size === 0) return tainted;
  const flows = ownFlows(scope, g)
    .filter((flow) => !blocks?.(flow.right))
    .map(({ left, right }) => ({ targets: boundNames(left, g), sources: referencedNames(right, g) }));
  for (let changed = true; changed; ) {
    changed = false;
    for (const flow of flows) {
      const origin = [...flow.sources].map((s) => tainted.get(s)).find((o) => o !== undefined);
      if (origin === undefined) continue;
      for (const target of flow.targets) {
        if (!tainted.has(target)) {
          tainted.set(target, origin);
          changed = true;
        }
      }
    }
  }
  return tainted;
}
