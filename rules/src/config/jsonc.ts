/**
 * A JSON-with-comments reader that keeps where every value is, so a broken
 * `ai-readiness.json` gets its diagnostics on the right line. Comments (`//`, `/* *\/`) and
 * trailing commas are allowed, as in VS Code's own settings files.
 *
 * Objects are plain data with no prototype, so keys such as `__proto__` are ordinary keys;
 * nesting deeper than MAX_DEPTH is an error instead of a stack overflow.
 */
import type { Span } from "../types";

export type JsonValue =
  | { kind: "object"; span: Span; members: JsonMember[] }
  | { kind: "array"; span: Span; items: JsonValue[] }
  | { kind: "string"; span: Span; value: string }
  | { kind: "number"; span: Span; value: number }
  | { kind: "boolean"; span: Span; value: boolean }
  | { kind: "null"; span: Span };

export interface JsonMember {
  key: string;
  keySpan: Span;
  value: JsonValue;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 64;

/** The value as plain data, as `JSON.parse` would give it (a `__proto__` key stays an own property). */
export function plainJson(value: JsonValue): unknown {
  if (value.kind === "object") return Object.fromEntries(value.members.map((m) => [m.key, plainJson(m.value)]));
  if (value.kind === "array") return value.items.map(plainJson);
  return value.kind === "null" ? null : value.value;
}

/** Parses the whole text; throws JsonSyntaxError with the offending span. */
export function parseJsonc(text: string): JsonValue {
  const reader = new Reader(text);
  reader.skipTrivia();
  const value = reader.value(0);
  reader.skipTrivia();
  if (!reader.atEnd()) reader.fail("unexpected text after the end of the value");
  return value;
}

class Reader {
  private at = 0;

  constructor(private readonly text: string) {
    // A byte-order mark is not content.
    if (text.charCodeAt(0) === 0xfeff) this.at = 1;
  }

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  fail(message: string, span: Span = { start: this.at, end: Math.min(this.at + 1, this.text.length) }): never {
    throw new JsonSyntaxError(message, span);
  }

  skipTrivia(): void {
    const text = this.text;
    while (this.at < text.length) {
      const c = text[this.at];
      if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\ufeff") this.at++;
      else if (text.startsWith("//", this.at)) {
        const end = text.indexOf("\n", this.at);
        this.at = end === -1 ? text.length : end;
      } else if (text.startsWith("/*", this.at)) {
        const end = text.indexOf("*/", this.at + 2);
        if (end === -1) this.fail("unterminated comment", { start: this.at, end: text.length });
        this.at = end + 2;
      } else return;
    }
  }

  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
    const c = this.text[this.at];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"') {
      const start = this.at;
      const value = this.string();
      return { kind: "string", span: { start, end: this.at }, value };
    }
    if (c === "-" || (c >= "0" && c <= "9")) return this.number();
    for (const [word, value] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        const span = { start: this.at, end: this.at + word.length };
        this.at = span.end;
        return value === null ? { kind: "null", span } : { kind: "boolean", span, value };
      }
    }
    return this.fail(this.atEnd() ? "unexpected end of file: a value is missing" : `unexpected character \`${c}\``);
  }

  private object(depth: number): JsonValue {
    const start = this.at++;
    const members: JsonMember[] = [];
    for (;;) {
      this.skipTrivia();
      if (this.text[this.at] === "}") break;
      if (this.text[this.at] !== '"') this.fail(this.atEnd() ? "unexpected end of file: `}` is missing" : "expected a property name in double quotes");
      const keyStart = this.at;
      const key = this.string();
      const keySpan = { start: keyStart, end: this.at };
      this.skipTrivia();
      if (this.text[this.at] !== ":") this.fail("expected `:` after the property name");
      this.at++;
      this.skipTrivia();
      members.push({ key, keySpan, value: this.value(depth + 1) });
      this.skipTrivia();
      if (this.text[this.at] === ",") this.at++;
      else if (this.text[this.at] !== "}") this.fail(this.atEnd() ? "unexpected end of file: `}` is missing" : "expected `,` or `}`");
    }
    this.at++;
    return { kind: "object", span: { start, end: this.at }, members };
  }

  private array(depth: number): JsonValue {
    const start = this.at++;
    const items: JsonValue[] = [];
    for (;;) {
      this.skipTrivia();
      if (this.text[this.at] === "]") break;
      items.push(this.value(depth + 1));
      this.skipTrivia();
      if (this.text[this.at] === ",") this.at++;
      else if (this.text[this.at] !== "]") this.fail(this.atEnd() ? "unexpected end of file: `]` is missing" : "expected `,` or `]`");
    }
    this.at++;
    return { kind: "array", span: { start, end: this.at }, items };
  }

  private string(): string {
    const start = this.at;
    const match = /"(?:[^"\\\n\r]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
    match.lastIndex = start;
    const found = match.exec(this.text);
    if (!found) this.fail("unterminated or malformed string", { start, end: Math.min(this.text.indexOf("\n", start) >>> 0, this.text.length) });
    this.at = start + found[0].length;
    return JSON.parse(found[0]) as string;
  }

  private number(): JsonValue {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.at;
    const found = match.exec(this.text);
    if (!found) this.fail("malformed number");
    const span = { start: this.at, end: this.at + found[0].length };
    this.at = span.end;
    return { kind: "number", span, value: Number(found[0]) };
  }
}
