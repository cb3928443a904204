/**
 * Finds the sinks of the output rules (code execution, shell, SQL, HTML) in a file and the
 * model call whose output reaches each, through the same taint as `json.loads` links.
 */
import type { ImportTable } from "./imports";
import type { Grammar } from "./grammar";
import type { SinkKind } from "./facts";
import { memberChain } from "./flow";
import { HTML_PROPERTIES, JS_SINKS, PYTHON_SINKS, SANITIZERS, SINK_LAST_NAME, SQL_METHODS, SQL_RECEIVER, type SinkEntry } from "./sinkCatalogue";
import type { Node } from "./syntax";

export interface SinkCandidate {
  node: Node;
  kind: SinkKind;
  /** The expression whose value reaches the sink. */
  argument: Node;
  sinkText: string;
}

/** `node` is a call, assignment or JSX attribute; returns the sink it is, if any. */
export function sinkOf(node: Node, g: Grammar, imports: ImportTable): SinkCandidate | null {
  if (node.type === g.call || node.type === "new_expression") return callSink(node, g, imports);
  if (node.type === "assignment_expression") {
    const left = node.childForFieldName("left");
    const property = left?.type === "member_expression" ? left.childForFieldName("property")?.text : undefined;
    const right = node.childForFieldName("right");
    if (property && right && HTML_PROPERTIES.includes(property)) return { node, kind: "html", argument: right, sinkText: property };
  }
  if (node.type === "jsx_attribute" && node.namedChildren[0]?.text === "dangerouslySetInnerHTML") {
    const html = node.descendantsOfType("pair").find((p) => p.childForFieldName("key")?.text === "__html")?.childForFieldName("value");
    if (html) return { node, kind: "html", argument: html, sinkText: "dangerouslySetInnerHTML" };
  }
  return null;
}

function callSink(call: Node, g: Grammar, imports: ImportTable): SinkCandidate | null {
  const callee = call.childForFieldName(call.type === g.call ? g.callFunction : "constructor");
  // Most calls of a file are no sink: their last name says so without resolving anything.
  if (!callee || !SINK_LAST_NAME.test(callee.text)) return null;
  const args = call.childForFieldName(g.callArguments);
  if (!args) return null;
  const name = resolvedName(callee, g, imports);
  const positional = args.namedChildren.filter((a) => a.type !== "keyword_argument" && a.type !== "comment");
  for (const sink of g.call === "call" ? PYTHON_SINKS : JS_SINKS) {
    if (!sink.callee.test(name) || !requirementMet(sink, args)) continue;
    const argument = positional.at(sink.argument);
    if (argument) return { node: call, kind: sink.kind, argument, sinkText: name };
  }
  const { root, names } = memberChain(callee, g);
  const method = names[names.length - 1];
  if (method && SQL_METHODS.includes(method) && SQL_RECEIVER.test([root.text, ...names.slice(0, -1)].join("."))) {
    const argument = positional[0];
    if (argument) return { node: call, kind: "sql", argument, sinkText: callee.text };
  }
  return null;
}

/** `sp.run` with `import subprocess as sp` → `subprocess.run`; `exec` from `child_process` → `child_process.exec`. */
function resolvedName(callee: Node, g: Grammar, imports: ImportTable): string {
  const { root, names } = memberChain(callee, g);
  const imported = root.type === g.identifier ? imports.get(root.text) : undefined;
  if (!imported) return [root.text, ...names].join(".");
  const module = imported.module.replace(/^node:/, "");
  const isModule = imported.name === null || imported.name === "default";
  return [isModule ? module : `${module}.${imported.name}`, ...names].join(".");
}

function requirementMet(sink: SinkEntry, args: Node): boolean {
  if (!sink.requires) return true;
  const pattern = new RegExp(`\\b${sink.requires.name}\\s*[=:]\\s*(True|true)\\b`);
  return args.namedChildren.some((a) => (a.type === "keyword_argument" || a.type === "object") && pattern.test(a.text));
}

/** The value passes through a sanitizer or escape on its way to the sink. */
export function isSanitized(argument: Node): boolean {
  return SANITIZERS.test(argument.text);
}
