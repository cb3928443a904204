/**
 * The suppression-comment grammar (syntaxes/): its regexes, run as JavaScript RegExps, find
 * the README's suppression comments with the rule ids the engine reads, and nothing in
 * ordinary comments.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { analyzeText, type LanguageId } from "../rules/src/index";
import { initTestEngine } from "../rules/src/testing";
import { REPO_ROOT } from "./helpers";

interface Pattern {
  name?: string;
  match?: string;
  include?: string;
  captures?: Record<string, { name: string; patterns?: Pattern[] }>;
}

interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Pattern[];
  repository: Record<string, Pattern>;
}

interface Token {
  scope: string;
  text: string;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
};
const entry = manifest.contributes.grammars.find((g) => g.scopeName === "ai-readiness.suppression.injection")!;
const grammar = JSON.parse(readFileSync(join(REPO_ROOT, entry.path), "utf8")) as Grammar;

const resolve = (pattern: Pattern): Pattern => (pattern.include ? grammar.repository[pattern.include.slice(1)] : pattern);

/**
 * The scoped tokens one pattern list yields on `text`, the way a TextMate engine walks a
 * line: at each position the earliest match wins, captures get their scopes, and a capture
 * with patterns is tokenized again inside.
 */
function tokenize(text: string, patterns: Pattern[]): Token[] {
  const tokens: Token[] = [];
  const rules = patterns.map(resolve).map((p) => ({ pattern: p, regex: new RegExp(p.match!, "dg") }));
  let at = 0;
  while (at < text.length) {
    let best: { pattern: Pattern; match: RegExpExecArray } | null = null;
    for (const { pattern, regex } of rules) {
      regex.lastIndex = at;
      const match = regex.exec(text);
      if (match && match[0].length > 0 && (!best || match.index < best.match.index)) best = { pattern, match };
    }
    if (!best) break;
    const { pattern, match } = best;
    if (pattern.name) tokens.push({ scope: pattern.name, text: match[0] });
    for (const [group, capture] of Object.entries(pattern.captures ?? {})) {
      const captured = match[Number(group)];
      if (captured === undefined || captured === "") continue;
      tokens.push({ scope: capture.name, text: captured });
      if (capture.patterns) tokens.push(...tokenize(captured, capture.patterns));
    }
    at = match.index + match[0].length;
  }
  return tokens;
}

const tokensOf = (comment: string) => tokenize(comment, grammar.patterns);
const textsIn = (tokens: Token[], scope: string) => tokens.filter((t) => t.scope.startsWith(scope)).map((t) => t.text);

/** The comment lines of the README's "Suppressing a finding" code blocks, with their language. */
function readmeSuppressions(): { line: string; language: LanguageId; code: string }[] {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Suppressing a finding"), readme.indexOf("\n## ", readme.indexOf("## Suppressing a finding") + 1));
  const found: { line: string; language: LanguageId; code: string }[] = [];
  for (const [, tag, code] of section.matchAll(/```(\w+)\n([\s\S]*?)```/g)) {
    const language: LanguageId = tag === "python" ? "python" : "typescript";
    for (const line of code.split("\n").filter((l) => l.includes("ai-readiness:"))) found.push({ line, language, code });
  }
  return found;
}

describe("suppression grammar", () => {
  before(initTestEngine);

  it("is contributed as an injection into Python, TypeScript, TSX, JavaScript and JSX comments", () => {
    assert.deepEqual([...(entry.injectTo ?? [])].sort(), ["source.js", "source.js.jsx", "source.python", "source.ts", "source.tsx"]);
    assert.equal(grammar.scopeName, entry.scopeName);
    assert.match(grammar.injectionSelector, /^L:comment\b/);
  });

  it("highlights every suppression of the README, with the rule ids the engine reads", () => {
    const examples = readmeSuppressions();
    assert.ok(examples.length >= 2, "the README shows a Python and a TS suppression");
    for (const { line, language, code } of examples) {
      const tokens = tokensOf(line);
      assert.deepEqual(textsIn(tokens, "keyword.other.ai-readiness"), ["ai-readiness"], line);
      assert.deepEqual(textsIn(tokens, "keyword.control.ignore"), ["ignore"], line);
      const engineRules = analyzeText(code, language).suppressions.flatMap((s) => s.rules);
      assert.deepEqual(textsIn(tokens, "constant.other.rule-id"), engineRules, line);
      const reason = textsIn(tokens, "string.unquoted.reason");
      assert.equal(reason.length, 1, line);
      assert.equal(reason[0], line.slice(line.indexOf("-- ") + 3).trim());
    }
  });

  it("gives keyword, rule ids, separators and reason their own scopes", () => {
    const tokens = tokensOf("# ai-readiness: ignore[missing-timeout, usage-not-recorded] -- batch job");
    assert.deepEqual(
      tokens.filter((t) => t.scope !== "meta.suppression.ai-readiness" && t.scope !== "meta.rules.ai-readiness"),
      [
        { scope: "keyword.other.ai-readiness", text: "ai-readiness" },
        { scope: "punctuation.separator.key-value.ai-readiness", text: ":" },
        { scope: "keyword.control.ignore.ai-readiness", text: "ignore" },
        { scope: "punctuation.definition.rules.begin.ai-readiness", text: "[" },
        { scope: "constant.other.rule-id.ai-readiness", text: "missing-timeout" },
        { scope: "punctuation.separator.comma.ai-readiness", text: "," },
        { scope: "constant.other.rule-id.ai-readiness", text: "usage-not-recorded" },
        { scope: "punctuation.definition.rules.end.ai-readiness", text: "]" },
        { scope: "punctuation.separator.reason.ai-readiness", text: "--" },
        { scope: "string.unquoted.reason.ai-readiness", text: "batch job" },
      ],
    );
  });

  it("stops the reason at the end of a block comment, and needs no reason", () => {
    const block = tokensOf("/* ai-readiness: ignore[missing-timeout] -- nightly batch */ const x = 1;");
    assert.deepEqual(textsIn(block, "string.unquoted.reason"), ["nightly batch"]);
    const bare = tokensOf("# ai-readiness:ignore[missing-timeout]");
    assert.deepEqual(textsIn(bare, "constant.other.rule-id"), ["missing-timeout"]);
    assert.deepEqual(textsIn(bare, "string.unquoted.reason"), []);
    const trailing = tokensOf("x = f()  # ai-readiness: ignore[missing-timeout] -- retried by the caller");
    assert.deepEqual(textsIn(trailing, "string.unquoted.reason"), ["retried by the caller"]);
  });

  it("leaves ordinary comments alone", () => {
    for (const comment of [
      "# TODO: ignore this for now",
      "// ai-readiness is what we aim for",
      "// see ai-readiness: the README",
      "# ai-readiness: ignored[missing-timeout]",
      "// my-ai-readiness: ignore[missing-timeout]",
      "/* eslint-disable-next-line no-console -- debugging */",
      "# noqa: E501",
      "// @ts-ignore",
    ]) {
      assert.deepEqual(tokensOf(comment), [], comment);
    }
  });
});
