/** Small helpers over tree-sitter nodes, shared by the language adapters. */
import type { Node } from "web-tree-sitter";
import type { Span } from "../types";
import type { LiteralValue, OptionsBag, Insertion, StatementFact } from "./facts";
import { checkBudget } from "../parse/budget";

export type { Node };

export function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/** Every node below `root` in document order (children before later siblings). */
export function* descendants(root: Node): Generator<Node> {
  const cursor = root.walk();
  try {
    if (!cursor.gotoFirstChild()) return;
    let depth = 1;
    for (;;) {
      checkBudget();
      yield cursor.currentNode;
      if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || --depth === 0) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * Parents seen during one extraction, by node id. Reading `node.parent` crosses into the
 * parser's WebAssembly each time, and the adapters walk up from every call site several
 * times; the cache makes each step after the first a map lookup. Ids are unique within one
 * tree only, so the cache lives for one extraction (`withParentCache`).
 */
let parents: Map<number, Node | null> | null = null;

export function withParentCache<T>(run: () => T): T {
  const outer = parents;
  parents = new Map();
  try {
    return run();
  } finally {
    parents = outer;
  }
}

export function parentOf(node: Node | null | undefined): Node | null {
  if (!node) return null;
  checkBudget();
  if (!parents) return node.parent;
  let parent = parents.get(node.id);
  if (parent === undefined) {
    parent = node.parent;
    parents.set(node.id, parent);
  }
  return parent;
}

export function* ancestors(node: Node): Generator<Node> {
  for (let current = parentOf(node); current; current = parentOf(current)) yield current;
}

/** The node or an ancestor is an error or a missing token: the engine cannot be sure of it. */
export function isBroken(node: Node): boolean {
  if (node.hasError) return true;
  for (const parent of ancestors(node)) if (parent.isError) return true;
  return false;
}

/**
 * How many `ERROR` nodes the tree holds. Only subtrees that have an error are entered, so
 * a typo in a large file costs a path to it, not a walk of every node.
 */
export function errorNodeCount(root: Node): number {
  let count = 0;
  const pending = root.hasError ? [root] : [];
  for (let node = pending.pop(); node; node = pending.pop()) {
    checkBudget();
    if (node.isError) count++;
    for (const child of node.children) if (child?.hasError) pending.push(child);
  }
  return count;
}

export function countErrors(root: Node): number {
  if (!root.hasError) return 0;
  let count = 0;
  for (const node of descendants(root)) if (node.isError || node.isMissing) count++;
  return count;
}

/** The indentation (spaces and tabs) of the line that holds `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart, offset));
  return match ? match[0] : "";
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The line's break: CRLF files keep CRLF in inserted lines. */
export function newlineOf(text: string): string {
  // Asked once per fix and per option list of the same file: scan each text only once.
  if (text !== lastNewline.text) lastNewline = { text, newline: text.includes("\r\n") ? "\r\n" : "\n" };
  return lastNewline.newline;
}
let lastNewline = { text: "", newline: "\n" };

/** One level of indentation in this file's style (the first indented line decides). */
export function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  if (!match) return "    ";
  return match[1].startsWith("\t") ? "\t" : match[1].length <= 2 ? "  " : "    ";
}

/** The value of a simple string literal node, or undefined for interpolated or odd strings. */
export function stringValue(node: Node): string | undefined {
  if (node.type === "string") {
    let value = "";
    for (const child of node.namedChildren) {
      switch (child.type) {
        case "string_content":
        case "string_fragment":
          value += child.text;
          break;
        case "escape_sequence":
          value += unescape(child.text);
          break;
        case "string_start":
        case "string_end":
          if (/[fF]/.test(child.text) && child.type === "string_start") return undefined;
          break;
        default:
          return undefined; // interpolation
      }
    }
    return value;
  }
  if (node.type === "template_string") {
    if (node.namedChildren.some((c) => c.type === "template_substitution")) return undefined;
    return node.text.slice(1, -1);
  }
  return undefined;
}

function unescape(sequence: string): string {
  const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"' };
  return simple[sequence.slice(1)] ?? sequence;
}

/** The literal value of an expression node, if it is one. */
export function literalValue(node: Node): LiteralValue | undefined {
  switch (node.type) {
    case "string":
    case "template_string":
      return stringValue(node);
    case "integer":
    case "float":
    case "number": {
      const value = Number(node.text.replace(/_/g, ""));
      return Number.isFinite(value) ? value : undefined;
    }
    case "true":
      return true;
    case "false":
      return false;
    case "none":
    case "null":
    case "undefined":
      return null;
    default:
      return undefined;
  }
}

/**
 * How to add one more entry to a bracketed list of `entries` (arguments or object
 * properties) that closes at `closeOffset`, keeping the list's layout: one line, or one
 * entry per line with or without a trailing comma.
 */
export function insertionInList(
  text: string,
  openOffset: number,
  closeOffset: number,
  entries: Node[],
  assign: string,
  padEmpty: boolean,
): Insertion {
  const newline = newlineOf(text);
  if (entries.length === 0) {
    const inner = text.slice(openOffset + 1, closeOffset);
    if (inner.includes("\n")) {
      const indent = indentAt(text, openOffset) + indentUnit(text);
      return { offset: openOffset + 1, before: `${newline}${indent}`, after: ",", assign };
    }
    return padEmpty
      ? { offset: openOffset + 1, before: " ", after: " ", assign }
      : { offset: openOffset + 1, before: "", after: "", assign };
  }
  const last = entries[entries.length - 1];
  const between = text.slice(last.endIndex, closeOffset);
  const trailingComma = between.trimStart().startsWith(",");
  const multiline = text.slice(last.endIndex, closeOffset).includes("\n");
  if (multiline) {
    const indent = indentAt(text, last.startIndex);
    if (trailingComma) {
      const comma = text.indexOf(",", last.endIndex);
      return { offset: comma + 1, before: `${newline}${indent}`, after: ",", assign };
    }
    return { offset: last.endIndex, before: `,${newline}${indent}`, after: "", assign };
  }
  if (trailingComma) {
    const comma = text.indexOf(",", last.endIndex);
    return { offset: comma + 1, before: " ", after: ",", assign };
  }
  return { offset: last.endIndex, before: ", ", after: "", assign };
}

/** The text that adds `name` (or `outer.inner`) with `valueText` to `bag`, or null when it cannot be added. */
export function optionInsertEdit(bag: OptionsBag, name: string, valueText: string): { start: number; end: number; text: string } | null {
  const at = bag.insertion;
  if (!at) return null;
  // `http_options.timeout`: a new `http_options={"timeout": …}` (or `{ timeout: … }`), never into one already there.
  const [outer, inner] = name.split(".");
  if (inner !== undefined && bag.entries.some((e) => e.name === outer)) return null;
  const value = inner === undefined ? valueText : at.assign === "=" ? `{"${inner}": ${valueText}}` : `{ ${inner}: ${valueText} }`;
  return { start: at.offset, end: at.offset, text: `${at.before}${outer}${at.assign}${value}${at.after}` };
}

/**
 * Describes the statement `node` for fixes that wrap or split it. `stringTypes` are the
 * node types whose content must never be re-indented.
 */
export function statementFact(text: string, node: Node, kind: StatementFact["kind"], stringTypes: string[]): StatementFact {
  const frozen: number[] = [];
  for (const inner of node.descendantsOfType(stringTypes)) {
    if (inner.startPosition.row === inner.endPosition.row) continue;
    for (let i = text.indexOf("\n", inner.startIndex); i >= 0 && i < inner.endIndex; i = text.indexOf("\n", i + 1)) {
      frozen.push(i + 1);
    }
  }
  return { span: spanOf(node), indent: indentAt(text, node.startIndex), frozenLineStarts: frozen, kind };
}

/** The statement starts its line, so a fix can put lines before and after it. */
export function startsItsLine(text: string, node: Node): boolean {
  return text.slice(lineStartOf(text, node.startIndex), node.startIndex).trim() === "";
}
