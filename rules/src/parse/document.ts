/**
 * An open document with its syntax tree, updated incrementally: each change edits the old
 * tree and the parser reuses every untouched subtree (a keystroke in a 5,000-line file
 * reparses in well under a millisecond).
 */
import type { LanguageId } from "../types";
import { Edit } from "web-tree-sitter";
import { parseText, type Tree } from "./parser";
import { bracketCount, checkText, LIMITS, type TextMeasure } from "./budget";

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
   * bracket added or removed moves the deepest nesting by one at most, while a change to a
   * line's indentation can reshape every level after it (measured again then).
   */
  private measure: TextMeasure | null = null;
  private bracketsChanged = 0;
  private indentationChanged = false;

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
      this.indentationChanged = false;
    }
    const next = parseText(this.language, this.content, this.tree ?? undefined, true);
    // The old tree lives in WebAssembly memory, which never shrinks: free it at once.
    this.tree?.delete();
    this.tree = next;
    this.stale = false;
    return next;
  }

  /** The text is within the budget without scanning it again (a keystroke mid-line). */
  private stillWithinBudget(): boolean {
    return (
      this.measure !== null &&
      this.content.length <= LIMITS.maxChars &&
      this.measure.brackets + this.bracketsChanged <= LIMITS.maxNesting &&
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
      if (this.language === "python" && !this.indentationChanged) this.indentationChanged = touchesIndentation(this.content, change, removed);
      this.content = this.content.slice(0, change.start) + change.text + this.content.slice(change.end);
      this.tree?.edit(
        new Edit({
          startIndex: change.start,
          oldEndIndex: change.end,
          newEndIndex: change.start + change.text.length,
          startPosition,
          oldEndPosition,
          newEndPosition: advance(startPosition, change.text),
        }),
      );
      this.stale = true;
    }
  }

  /** Replaces the whole text; the old tree is dropped. */
  replace(text: string): void {
    this.dispose();
    this.content = text;
    this.measure = null;
    this.stale = true;
  }

  dispose(): void {
    this.tree?.delete();
    this.tree = null;
  }
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
