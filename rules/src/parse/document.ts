/**
 * An open document with its syntax tree, updated incrementally: each change edits the old
 * tree and the parser reuses the untouched subtrees. A letter in a 5,000-line file reparses in
 * under a millisecond in TypeScript, 2 to 4 ms in Python (the parser lexes the first token of
 * most top-level statements again: the grammar's indentation scanner keeps them from being
 * reused). In Python, a definition that stops parsing is left out of the tree until it parses
 * again (containment.ts).
 */
import type { LanguageId } from "../types";
import { Edit } from "web-tree-sitter";
import { parseText, type Tree } from "./parser";
import { bracketCount, checkText, LIMITS, type TextMeasure } from "./budget";
import { blankOut, definitionAround, mayLeaveOut, parsesAlone, type Region } from "./containment";

/** A change in offsets of the text before it: replace [start, end) with `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

interface Point {
  row: number;
  column: number;
}

export class SourceDocument {
  private tree: Tree | null = null;
  /** The text changed since `tree` was parsed. */
  private stale = true;
  /**
   * The text budget's last measure, and what the changes since could have done to it: each
   * bracket added or removed moves the deepest nesting by one at most. A change that can only
   * narrow one line's indentation (`narrowsIndentation`) adds one level at most; any other
   * change to a line's indentation can reshape every level after it (measured again then).
   */
  private measure: TextMeasure | null = null;
  private bracketsChanged = 0;
  private indentsAdded = 0;
  private indentationChanged = false;
  /** The offsets the changes since `tree` was parsed span, in the current text. */
  private changed: Region | null = null;
  /**
   * Python: definitions that stopped parsing, parsed as blank lines so their errors cannot spread
   * to the rest of the module (parse/containment.ts). Empty when the tree is of the text as it is.
   */
  private blanked: Region[] = [];
  /** While `blanked` is not empty: the last tree of the text as typed, edited since like `tree`. */
  private typed: Tree | null = null;

  constructor(
    readonly language: LanguageId,
    private content: string,
  ) {}

  get text(): string {
    return this.content;
  }

  /** The current tree, parsing (incrementally if possible) on first use after a change. */
  syntaxTree(): Tree {
    if (this.tree && !this.stale) return this.tree;
    if (!this.stillWithinBudget()) {
      this.measure = null; // stays unknown when the text is over the budget (`checkText` throws)
      this.measure = checkText(this.content, this.language === "python");
      this.bracketsChanged = 0;
      this.indentsAdded = 0;
      this.indentationChanged = false;
    }
    let input = this.content;
    const blank: Region[] = [];
    for (const region of this.tree && this.changed ? this.definitionsToBlank(this.tree, this.changed) : []) {
      const blanked = blankOut(input, region);
      if (blanked === null) continue;
      input = blanked;
      blank.push(region);
    }
    const next = blank.length > 0 ? this.parseBlank(this.tree!, input, blank, this.changed!) : this.parseTyped();
    this.tree = next;
    this.blanked = blank;
    this.changed = null;
    this.stale = false;
    return next;
  }

  /**
   * Python: the definitions to parse as blank lines (see containment.ts). One left blank before
   * stays so while the changes leave it alone or it still does not parse; one they only partly
   * cover is parsed as typed. The definition the changes fell in is left blank when it no
   * longer parses on its own.
   */
  private definitionsToBlank(tree: Tree, changed: Region): Region[] {
    if (this.language !== "python") return [];
    const parses = (region: Region) => parsesAlone(this.language, this.content.slice(region.start, region.end));
    const broken = (region: Region) => mayLeaveOut(this.content.slice(region.start, region.end)) && !parses(region);
    const touched = (region: Region) => touches(region, changed);
    const inside = (region: Region) => region.start <= changed.start && changed.end <= region.end;
    const kept = this.blanked.filter((region) => !touched(region) || (inside(region) && broken(region)));
    if (this.blanked.some(touched)) return kept;
    const around = definitionAround(tree.rootNode, changed, this.content.length);
    return around && broken(around) ? [...kept, around].sort((a, b) => a.start - b.start) : kept;
  }

  /**
   * The text as typed, from the last tree of it: while definitions were blank, that tree was
   * kept and edited, so only the lines changed since are read again. (From the blank tree, the
   * parser often found the grammar's indentation state different after the blank lines and read
   * the whole rest of the file again: 50 to 90 ms for 5,000 lines.)
   */
  private parseTyped(): Tree {
    const next = parseText(this.language, this.content, this.typed ?? this.tree ?? undefined, true);
    // Old trees live in WebAssembly memory, which never shrinks: free them at once.
    if (this.typed && this.typed !== this.tree) this.typed.delete();
    this.tree?.delete();
    this.typed = null;
    return next;
  }

  /** `input`, the text with the `blank` definitions blank, from the last tree (the tree of the text as typed is kept). */
  private parseBlank(tree: Tree, input: string, blank: Region[], changed: Region): Tree {
    this.typed ??= tree;
    const basis = tree === this.typed ? tree.copy() : tree;
    // Lines are read again where the last tree's text was blank and this one is not, or the other
    // way round, and in a blank definition the changes fell in (its stub may have moved).
    const toggled = [...this.blanked.filter((r) => !blank.includes(r)), ...blank.filter((r) => !this.blanked.includes(r) || touches(r, changed))];
    try {
      for (const region of toggled) this.markChanged(basis, region);
      return parseText(this.language, input, basis, true);
    } finally {
      basis.delete();
    }
  }

  /** Tells the tree that a definition's region (its first character kept) holds other text now, of the same length. */
  private markChanged(tree: Tree, definition: Region): void {
    const region = { start: definition.start + 1, end: definition.end };
    const startPosition = pointAt(this.content, region.start);
    const endPosition = pointAt(this.content, region.end);
    tree.edit(new Edit({ startIndex: region.start, oldEndIndex: region.end, newEndIndex: region.end, startPosition, oldEndPosition: endPosition, newEndPosition: endPosition }));
  }

  /** Python: the definitions the last `syntaxTree()` left out because they do not parse (see containment.ts). */
  get brokenDefinitions(): readonly Region[] {
    return this.blanked;
  }

  /** The text is within the budget without scanning it again (a keystroke mid-line). */
  private stillWithinBudget(): boolean {
    return (
      this.measure !== null &&
      this.content.length <= LIMITS.maxChars &&
      this.measure.brackets + this.bracketsChanged <= LIMITS.maxNesting &&
      this.measure.indents + this.indentsAdded <= LIMITS.maxIndentLevels &&
      !this.indentationChanged
    );
  }

  /** Applies changes in order, each in offsets of the text as it is at that point. */
  update(changes: TextChange[]): void {
    for (const change of changes) {
      const removed = this.content.slice(change.start, change.end);
      const startPosition = pointAt(this.content, change.start);
      const oldEndPosition = advance(startPosition, removed);
      this.bracketsChanged += bracketCount(removed) + bracketCount(change.text);
      if (this.language === "python" && !this.indentationChanged && touchesIndentation(this.content, change, removed)) {
        if (narrowsIndentation(change, removed)) this.indentsAdded++;
        else this.indentationChanged = true;
      }
      this.content = this.content.slice(0, change.start) + change.text + this.content.slice(change.end);
      this.changed = this.changed ? spanning(moved(this.changed, change), { start: change.start, end: change.start + change.text.length }) : { start: change.start, end: change.start + change.text.length };
      this.blanked = this.blanked.map((region) => moved(region, change));
      const edit = new Edit({
        startIndex: change.start,
        oldEndIndex: change.end,
        newEndIndex: change.start + change.text.length,
        startPosition,
        oldEndPosition,
        newEndPosition: advance(startPosition, change.text),
      });
      this.tree?.edit(edit);
      if (this.typed && this.typed !== this.tree) this.typed.edit(edit);
      this.stale = true;
    }
  }

  /** Replaces the whole text; the old tree is dropped. */
  replace(text: string): void {
    this.dispose();
    this.content = text;
    this.changed = null;
    this.blanked = [];
    this.measure = null;
    this.stale = true;
  }

  dispose(): void {
    if (this.typed && this.typed !== this.tree) this.typed.delete();
    this.typed = null;
    this.tree?.delete();
    this.tree = null;
  }
}

/** `region` after `change` (in offsets of the text before it): moved when the change is before it, grown when inside or touching it. */
function moved(region: Region, change: TextChange): Region {
  const delta = change.text.length - (change.end - change.start);
  if (change.start > region.end) return region;
  if (change.end < region.start) return { start: region.start + delta, end: region.end + delta };
  return { start: Math.min(region.start, change.start), end: Math.max(region.end + delta, change.start + change.text.length) };
}

function touches(region: Region, changed: Region): boolean {
  return changed.start <= region.end && changed.end >= region.start;
}

function spanning(a: Region, b: Region): Region {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** Row and column (UTF-16 units) of an offset, as tree-sitter counts them. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/** The point after `text` written at `point`. */
function advance(point: Point, text: string): Point {
  const lastBreak = text.lastIndexOf("\n");
  if (lastBreak < 0) return { row: point.row, column: point.column + text.length };
  let breaks = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) breaks++;
  return { row: point.row + breaks, column: text.length - lastBreak - 1 };
}

/**
 * A change within a line's indentation that can only narrow it, or give a blank line one: it
 * removes nothing but spaces and tabs and adds no space, tab or line break (a letter typed
 * into the indentation). The levels stack as in Python's tokenizer (budget.ts): a line of
 * width w leaves the levels below w, then w. A narrower line, or a new one, leaves at most one
 * level more below any width than the line it replaces did, and each later line keeps that
 * bound; so the deepest stack grows by one at most. (A wider line, or a line gone, can let
 * every level after it stack on levels it used to close: measured again.)
 */
function narrowsIndentation(change: TextChange, removed: string): boolean {
  return /^[ \t]*$/.test(removed) && !/[ \t\r\n]/.test(change.text);
}

/**
 * The change can alter a line's indentation as Python counts it: it breaks or joins lines, or
 * starts within the leading spaces and tabs of its line (or the line is blank).
 */
function touchesIndentation(text: string, change: TextChange, removed: string): boolean {
  if (/[\r\n]/.test(change.text) || /[\r\n]/.test(removed)) return true;
  const lineStart = Math.max(text.lastIndexOf("\n", change.start - 1), text.lastIndexOf("\r", change.start - 1)) + 1;
  let firstCode = lineStart;
  while (firstCode < text.length && (text.charCodeAt(firstCode) === 32 || text.charCodeAt(firstCode) === 9)) firstCode++;
  return change.start <= firstCode;
}
