/**
 * The suppression-comment grammar in the TextMate engine VS Code itself runs (its own
 * vscode-textmate and Oniguruma), wired as VS Code wires it: every grammar that the loaded
 * extensions contribute, injections by `injectTo`. So this checks our grammar's regexes
 * under Oniguruma and its injection into the built-in Python and TypeScript grammars: the
 * keyword, rule ids and reason get their scopes, ordinary comments none.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "mocha";
import * as vscode from "vscode";
import { activateExtension } from "./helpers";

// The few parts of vscode-textmate and vscode-oniguruma this test calls (they ship without our types).
interface TextMateToken {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface TextMateGrammar {
  tokenizeLine(line: string, state: unknown): { tokens: TextMateToken[]; ruleStack: unknown };
}
interface TextMate {
  INITIAL: unknown;
  Registry: new (options: {
    onigLib: Promise<unknown>;
    loadGrammar(scopeName: string): Promise<unknown>;
    getInjections(scopeName: string): string[];
  }) => { loadGrammar(scopeName: string): Promise<TextMateGrammar | null> };
  parseRawGrammar(content: string, path: string): unknown;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

/** A package VS Code ships, wherever this build keeps its modules. */
function vscodeModule(name: string): string {
  for (const folder of ["node_modules", "node_modules.asar.unpacked", "node_modules.asar"]) {
    const path = join(vscode.env.appRoot, folder, name);
    if (existsSync(path)) return path;
  }
  throw new Error(`VS Code at ${vscode.env.appRoot} ships no ${name}`);
}

interface Contributed {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

/** The TextMate grammars of every loaded extension, by scope, and who injects into what. */
function contributedGrammars() {
  const byScope = new Map<string, string>();
  const injections = new Map<string, string[]>();
  for (const extension of vscode.extensions.all) {
    const grammars = (extension.packageJSON as { contributes?: { grammars?: Contributed[] } }).contributes?.grammars ?? [];
    for (const grammar of grammars) {
      if (!grammar.scopeName || !grammar.path) continue;
      byScope.set(grammar.scopeName, join(extension.extensionPath, grammar.path));
      for (const target of grammar.injectTo ?? []) injections.set(target, [...(injections.get(target) ?? []), grammar.scopeName]);
    }
  }
  return { byScope, injections };
}

let registry: InstanceType<TextMate["Registry"]>;
let INITIAL: unknown;

/** Each token's text with its scopes, line by line. */
async function tokensOf(scopeName: string, text: string): Promise<{ text: string; scopes: string[] }[]> {
  const grammar = await registry.loadGrammar(scopeName);
  assert.ok(grammar, `VS Code has a grammar for ${scopeName}`);
  const out: { text: string; scopes: string[] }[] = [];
  let state = INITIAL;
  for (const line of text.split("\n")) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) out.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    state = result.ruleStack;
  }
  return out;
}

const withScope = (tokens: { text: string; scopes: string[] }[], scope: string) => tokens.filter((t) => t.scopes.some((s) => s.startsWith(scope))).map((t) => t.text);

function assertSuppression(tokens: { text: string; scopes: string[] }[], rules: string[], reason: string) {
  assert.deepEqual(withScope(tokens, "keyword.other.ai-readiness"), ["ai-readiness"]);
  assert.deepEqual(withScope(tokens, "keyword.control.ignore.ai-readiness"), ["ignore"]);
  assert.deepEqual(withScope(tokens, "constant.other.rule-id.ai-readiness"), rules);
  assert.deepEqual(withScope(tokens, "string.unquoted.reason.ai-readiness"), [reason]);
  for (const token of tokens.filter((t) => t.scopes.some((s) => s.endsWith(".ai-readiness")))) {
    assert.ok(token.scopes.some((s) => s.startsWith("comment.")), `\`${token.text}\` is inside a comment: ${token.scopes.join(" ")}`);
  }
}

describe("suppression comments", () => {
  before(async () => {
    await activateExtension();
    const textmate = require(vscodeModule("vscode-textmate")) as TextMate;
    const onigPath = vscodeModule("vscode-oniguruma");
    const onig = require(onigPath) as Oniguruma;
    const wasm = readFileSync(join(onigPath, "release", "onig.wasm"));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const { byScope, injections } = contributedGrammars();
    assert.ok(injections.get("source.python")?.includes("ai-readiness.suppression.injection"), "our extension injects into Python");
    INITIAL = textmate.INITIAL;
    registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns), createOnigString: (s: string) => new onig.OnigString(s) }),
      loadGrammar: async (scopeName) => {
        const path = byScope.get(scopeName);
        return path ? textmate.parseRawGrammar(readFileSync(path, "utf8"), path) : null;
      },
      getInjections: (scopeName) => injections.get(scopeName) ?? [],
    });
  });

  it("are highlighted in Python comments, and ordinary comments are not", async () => {
    const tokens = await tokensOf("source.python", "# ai-readiness: ignore[missing-timeout, usage-not-recorded] -- batch job, the queue has its own deadline\nx = 1  # ignore this, it is fine");
    assertSuppression(tokens, ["missing-timeout", "usage-not-recorded"], "batch job, the queue has its own deadline");
    assert.ok(withScope(tokens, "comment.line.number-sign.python").length > 0, "the built-in Python grammar ran");
  });

  it("are highlighted in TypeScript, TSX and JavaScript line and block comments", async () => {
    for (const scope of ["source.ts", "source.tsx", "source.js", "source.js.jsx"]) {
      const line = await tokensOf(scope, "// ai-readiness: ignore[untraced-model-call] -- local evaluation script\nconst x = 1; // ai-readiness is the goal");
      assertSuppression(line, ["untraced-model-call"], "local evaluation script");
      const block = await tokensOf(scope, "const y = 2; /* ai-readiness: ignore[missing-timeout] -- nightly batch */ const z = 3;");
      assertSuppression(block, ["missing-timeout"], "nightly batch");
      const after = block.slice(block.findIndex((t) => t.text.includes("*/")) + 1);
      assert.ok(after.some((t) => t.text === "const" && !t.scopes.some((s) => s.startsWith("comment."))), `${scope}: the block comment ends at */`);
    }
  });
});
