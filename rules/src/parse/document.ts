/**
 * An open document with its syntax tree, updated incrementally: each change edits the old
 * tree and the parser reuses every untouched subtree (a keystroke in a 5,000-line file
 * reparses in well under a millisecond).
 */
import type { LanguageId } from "../types";
import { Edit } from "web-tree-sitter";
import { parseText, type Tree } from "./parser";

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
    const next = parseText(this.language, this.content, this.tree ?? undefined);
    // The old tree lives in WebAssembly memory, which never shrinks: free it at once.
    this.tree?.delete();
    this.tree = next;
    this.stale = false;
    return next;
  }

  /** Applies changes in order, each in offsets of the text as it is at that point. */
  update(changes: TextChange[]): void {
    for (const change of changes) {
      const startPosition = pointAt(this.content, change.start);
      const oldEndPosition = pointAt(this.content, change.end);
      const next = this.content.slice(0, change.start) + change.text + this.content.slice(change.end);
      const newEnd = change.start + change.text.length;
      this.tree?.edit(
        new Edit({
        startIndex: change.start,
        oldEndIndex: change.end,
        newEndIndex: newEnd,
        startPosition,
        oldEndPosition,
        newEndPosition: pointAt(next, newEnd),
        }),
      );
      this.content = next;
      this.stale = true;
    }
  }

  /** Replaces the whole text; the old tree is dropped. */
  replace(text: string): void {
    this.dispose();
    this.content = text;
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
