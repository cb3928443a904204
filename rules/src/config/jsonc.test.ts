import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JsonSyntaxError, parseJsonc, plainJson } from "./jsonc";

function errorOf(text: string): JsonSyntaxError {
  try {
    parseJsonc(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
  assert.fail(`no error for ${text}`);
}

describe("parseJsonc", () => {
  it("reads JSON with comments, trailing commas and a BOM", () => {
    const text = '\ufeff// starter\n{\n  "a": 1, /* inline */ "b": [true, false, null, "x\\n",],\n  "c": { "d": -2.5e3 },\n}\n';
    assert.deepEqual(plainJson(parseJsonc(text)), { a: 1, b: [true, false, null, "x\n"], c: { d: -2500 } });
  });

  it("keeps the span of every key and value", () => {
    const text = '{ "rules": { "missing-timeout": "off" } }';
    const root = parseJsonc(text);
    assert.equal(root.kind, "object");
    const rules = root.kind === "object" ? root.members[0].value : root;
    const member = rules.kind === "object" ? rules.members[0] : assert.fail();
    assert.equal(text.slice(member.keySpan.start, member.keySpan.end), '"missing-timeout"');
    assert.equal(text.slice(member.value.span.start, member.value.span.end), '"off"');
  });

  it("reports where the text is broken", () => {
    const missingColon = errorOf('{\n  "a" 1\n}');
    assert.match(missingColon.message, /expected `:`/);
    assert.equal(missingColon.span.start, 8);
    assert.match(errorOf('{ "a": 1').message, /end of file: `}` is missing/);
    assert.match(errorOf("{ a: 1 }").message, /double quotes/);
    assert.match(errorOf('{ "a": "unterminated }').message, /string/);
    assert.match(errorOf("/* never closed").message, /unterminated comment/);
    assert.match(errorOf("{} {}").message, /after the end/);
    assert.match(errorOf("").message, /a value is missing/);
  });

  it("refuses deep nesting instead of overflowing the stack", () => {
    assert.match(errorOf("[".repeat(100_000)).message, /nested deeper than 64/);
  });

  it("treats __proto__ as an ordinary key", () => {
    const value = parseJsonc('{ "__proto__": { "polluted": true } }');
    assert.equal(value.kind === "object" && value.members[0].key, "__proto__");
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
