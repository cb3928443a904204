/**
 * Keeping a Python syntax error inside the definition it was typed in.
 *
 * In Python, one typo in a function (`mfor item in items:`, `qreturn x`) can make the grammar
 * wrap the whole module in a single error node: measured on 5 typos in each of 1,261 files of
 * three open-source Python projects, 6 to 8% of letters typed at the start of a statement did.
 * Every model call of the file then reads as broken code, so every finding of the file
 * disappears until the typo is fixed, and the reparse walks the rest of the file in error
 * recovery (15 to 20 ms for 5,000 lines, against 2 to 3 for a letter that keeps the syntax).
 *
 * So when an edit falls inside one top-level `def` or `class` (decorators included) and that
 * definition no longer parses on its own, the document is parsed with the definition's lines
 * blank: the rest of the file keeps its facts and findings, the broken definition has none
 * until it parses again. A definition binds only its own name, so blanking it takes nothing
 * from the others; but one that sets up tracing (`logfire.instrument_openai()` in a `setup()`)
 * counts for every call, so it is parsed as typed, like anything that is not a definition
 * (imports, clients, module-level code).
 *
 * The definition's first character stays: the line break before it was scanned together with
 * that character (the grammar looks at the next line's indentation), and changing it made the
 * parser drop every node after it for 9 of 19 definitions of a 5,000-line module, reading the
 * rest of the file again (up to 380 ms on a busy machine; none of the 19 with the character
 * kept). `d`, `c` and `a` stand alone as names; `@` needs a decorated stub (`@x` and a one-line
 * `def`).
 */
import type { Node } from "web-tree-sitter";
import type { LanguageId } from "../types";
import { INSTRUMENTATION_CALLS, INSTRUMENTATION_MARKER } from "../model/telemetryCatalogue";
import { parseText } from "./parser";

/** A range of offsets, `end` excluded. */
export interface Region {
  start: number;
  end: number;
}

const DEFINITIONS = new Set(["function_definition", "class_definition", "decorated_definition"]);

/**
 * The top-level definition `changed` lies in, from its first line to the next top-level
 * statement (the blank lines after it, where an indented line would still belong to it).
 * Null when the change touches anything else or more than one statement.
 */
export function definitionAround(root: Node, changed: Region, textLength: number): Region | null {
  let statement = root.firstNamedChildForIndex(changed.start);
  // A change in the blank lines after a statement belongs to the statement before.
  if (!statement || statement.startIndex > changed.start) statement = statement ? statement.previousNamedSibling : root.lastNamedChild;
  if (!statement || !DEFINITIONS.has(statement.type)) return null;
  const end = statement.nextNamedSibling?.startIndex ?? textLength;
  return changed.end <= end ? { start: statement.startIndex, end } : null;
}

/** A definition may be left out while broken: it does not set up tracing for the file (see the file comment). */
export function mayLeaveOut(definition: string): boolean {
  return !INSTRUMENTATION_MARKER.test(definition) && !INSTRUMENTATION_CALLS.some((call) => definition.includes(call));
}

/** `text` parses on its own without a syntax error. */
export function parsesAlone(language: LanguageId, text: string): boolean {
  const tree = parseText(language, text);
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

/**
 * `text` with the definition in `region` blank but for its first character, which stays a
 * valid statement (see the file comment); offsets and rows stay. Null when no stub fits.
 */
export function blankOut(text: string, region: Region): string | null {
  const lines = text.slice(region.start + 1, region.end).replace(/[^\r\n]/g, " ").split("\n");
  if (text[region.start] === "@") {
    // `@x`, then `def _():pass` at the start of the first later line long enough for it.
    const stub = "def _():pass";
    const fits = lines.findIndex((line, i) => i > 0 && line.replace(/\r$/, "").length >= stub.length);
    if (lines[0]!.replace(/\r$/, "").length < 1 || fits < 0) return null;
    lines[0] = `x${lines[0]!.slice(1)}`;
    lines[fits] = stub + lines[fits]!.slice(stub.length);
  }
  return text.slice(0, region.start + 1) + lines.join("\n") + text.slice(region.end);
}
