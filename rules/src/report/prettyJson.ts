/**
 * Pretty-printed JSON (`JSON.stringify(doc, null, 2)`) written a piece at a time: a document
 * whose arrays are filled as their elements come, without the document or its text whole in
 * memory. Same bytes as the one-shot text, which the report's readers and tests rely on.
 */

/** Stands for an array's elements in a document's skeleton. No report value holds a NUL. */
export const SLOT = "\u0000elements";

/** The text of `value` where it sits `depth` levels deep in a pretty-printed document. */
export function nestedJson(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  // Newlines in the text are all layout: JSON escapes those inside strings.
  return depth === 0 ? text : text.split("\n").join(`\n${"  ".repeat(depth)}`);
}

/** What goes between two elements of an array whose elements sit `depth` levels deep. */
export function separator(depth: number): string {
  return `,\n${"  ".repeat(depth)}`;
}

/**
 * A document skeleton cut at its slots (arrays written as `[SLOT]`): `pieces[i]` ends with
 * the `[` of slot i, `pieces[i + 1]` starts with its `]`. Between them goes `array(i)`.
 */
export class PrettyJsonSkeleton {
  readonly pieces: string[] = [];
  private readonly depths: number[] = [];

  constructor(skeleton: unknown) {
    const text = JSON.stringify(skeleton, null, 2);
    const slot = JSON.stringify(SLOT);
    let from = 0;
    for (let at = text.indexOf(slot); at >= 0; at = text.indexOf(slot, at + slot.length)) {
      const open = text.lastIndexOf("[", at);
      this.pieces.push(text.slice(from, open + 1));
      // `[`, a line break, then two spaces per level.
      this.depths.push((at - open - 2) / 2);
      from = text.indexOf("]", at + slot.length);
    }
    this.pieces.push(text.slice(from));
  }

  /** The elements of slot `index`, to write between `pieces[index]` and `pieces[index + 1]`. */
  array(index: number): PrettyJsonArray {
    return new PrettyJsonArray(this.depths[index]!);
  }
}

/** An array's elements in a pretty-printed document, one at a time. */
export class PrettyJsonArray {
  private count = 0;
  private readonly indent: string;

  constructor(private readonly depth: number) {
    this.indent = "  ".repeat(depth);
  }

  element(value: unknown): string {
    return this.elements(nestedJson(value, this.depth));
  }

  /** Elements given as text: each `nestedJson(value, depth)`, several joined by `separator(depth)`. */
  elements(text: string): string {
    return `${this.count++ > 0 ? "," : ""}\n${this.indent}${text}`;
  }

  /** The line break before the closing `]`; none for an empty array (`[]`). */
  close(): string {
    return this.count > 0 ? `\n${"  ".repeat(this.depth - 1)}` : "";
  }
}
