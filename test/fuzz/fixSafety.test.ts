/**
 * Fix safety over every fixture, example and docs example: each fix alone and all of them
 * together leave a file that parses with no new error, remove the finding they were for,
 * converge (a second fix-all changes nothing), never overlap, and never touch text outside
 * the statement of their finding (or of its related locations), apart from adding imports
 * and new declarations between top-level statements (the helper a JSON fix adds).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Node } from "web-tree-sitter";
import { analyzeText, applyEdits, DEFAULT_CONFIG, EMPTY_PROJECT, fixText, lintText, type Edit, type Finding, type LanguageId, type Span } from "../../rules/src/index";
import { parseText } from "../../rules/src/parse/parser";
import { initTestEngine, syntaxErrors } from "../../rules/src/testing";
import { seedFiles } from "./corpus";

/** Node types that hold statements: a statement is a node whose parent is one of these. */
const BODIES = new Set(["module", "program", "block", "statement_block", "class_body", "switch_body", "switch_case", "switch_default"]);

/** The whole lines of the statement that holds `span`. */
function statementLines(text: string, language: LanguageId, span: Span): Span {
  const tree = parseText(language, text);
  try {
    let node: Node | null = tree.rootNode.descendantForIndex(span.start, Math.max(span.start, span.end - 1));
    while (node?.parent && !BODIES.has(node.parent.type)) node = node.parent;
    const start = text.lastIndexOf("\n", (node?.startIndex ?? span.start) - 1) + 1;
    const endAt = text.indexOf("\n", node?.endIndex ?? span.end);
    return { start, end: endAt < 0 ? text.length : endAt + 1 };
  } finally {
    tree.delete();
  }
}

/** `offset` is between two top-level statements: inserting there adds a declaration and changes none. */
function betweenTopLevel(text: string, language: LanguageId, offset: number): boolean {
  const tree = parseText(language, text);
  try {
    return tree.rootNode.children.every((child) => offset <= child.startIndex || offset >= child.endIndex);
  } finally {
    tree.delete();
  }
}

function within(edit: Edit, region: Span): boolean {
  return edit.start >= region.start && edit.end <= region.end;
}

function countOf(findings: Finding[], rule: string): number {
  return findings.filter((f) => f.rule === rule).length;
}

describe("fix safety", async () => {
  await initTestEngine();
  const cases = seedFiles().filter((seed) => lintText(seed.text, seed.language, DEFAULT_CONFIG, EMPTY_PROJECT).findings.some((f) => f.fix));
  it("has fixtures with fixes to check", () => assert.ok(cases.length >= 10, `only ${cases.length} fixtures have fixes`));

  for (const seed of cases) {
    it(`each fix alone: ${seed.name}`, () => {
      const { text, language } = seed;
      const baseline = syntaxErrors(text, language);
      const imports = analyzeText(text, language).imports.insertAt;
      const findings = lintText(text, language, DEFAULT_CONFIG, EMPTY_PROJECT).findings;
      for (const finding of findings) {
        const fix = finding.fix;
        if (!fix) continue;
        const what = `${finding.rule} at ${finding.span.start} (${fix.title})`;
        const edits = [...fix.edits].sort((a, b) => a.start - b.start);
        for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].end <= edits[i].start, `${what}: its edits overlap`);
        const regions = [finding.span, ...finding.related.filter((r) => !r.path).map((r) => r.span)].map((s) => statementLines(text, language, s));
        for (const edit of fix.edits) {
          const declaration = edit.start === edit.end && (edit.start === imports || betweenTopLevel(text, language, edit.start));
          assert.ok(declaration || regions.some((region) => within(edit, region)), `${what}: edit ${JSON.stringify(edit)} is outside its statement`);
        }
        const fixed = applyEdits(text, fix.edits);
        assert.ok(syntaxErrors(fixed, language) <= baseline, `${what}: the fix adds a syntax error:\n${fixed}`);
        const after = lintText(fixed, language, DEFAULT_CONFIG, EMPTY_PROJECT).findings;
        assert.ok(countOf(after, finding.rule) < countOf(findings, finding.rule), `${what}: the finding is still there after its fix:\n${fixed}`);
      }
    });

    it(`all fixes together: ${seed.name}`, () => {
      const { text, language } = seed;
      const baseline = syntaxErrors(text, language);
      const once = fixText(text, language, DEFAULT_CONFIG, EMPTY_PROJECT, { unsafe: true });
      assert.ok(once.applied > 0);
      assert.ok(syntaxErrors(once.text, language) <= baseline, `fix-all adds a syntax error:\n${once.text}`);
      assert.deepEqual(once.remaining.filter((f) => f.fix).map((f) => `${f.rule}: ${f.fix!.title}`), [], `fixes left after fix-all:\n${once.text}`);
      const twice = fixText(once.text, language, DEFAULT_CONFIG, EMPTY_PROJECT, { unsafe: true });
      assert.equal(twice.text, once.text, "a second fix-all changes nothing");
      assert.equal(twice.applied, 0);
      const safeOnly = fixText(text, language, DEFAULT_CONFIG, EMPTY_PROJECT, { unsafe: false });
      assert.ok(syntaxErrors(safeOnly.text, language) <= baseline);
      assert.equal(fixText(safeOnly.text, language, DEFAULT_CONFIG, EMPTY_PROJECT, { unsafe: false }).text, safeOnly.text, "safe fix-all converges");
    });

    it(`with CRLF line breaks: ${seed.name}`, () => {
      const crlf = seed.text.replace(/\r?\n/g, "\r\n");
      const fixed = fixText(crlf, seed.language, DEFAULT_CONFIG, EMPTY_PROJECT, { unsafe: true }).text;
      assert.ok(!/[^\r]\n/.test(fixed) && !/\r(?!\n)/.test(fixed), `fixes keep CRLF:\n${JSON.stringify(fixed)}`);
      assert.ok(syntaxErrors(fixed, seed.language) <= syntaxErrors(crlf, seed.language));
    });
  }
});
