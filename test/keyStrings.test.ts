/**
 * model/keyStrings.ts finds the strings that could hold a key from the text instead of visiting
 * every string node. It must return every string whose raw text holds a key prefix (what the
 * adapters test first), and every string that starts where a key is given, as a walk of
 * every string node finds them, in the same order.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { LanguageId } from "../rules/src/index";
import type { ClientFact } from "../rules/src/model/facts";
import { keyStringCandidates } from "../rules/src/model/keyStrings";
import { statementsOf } from "../rules/src/model/relevance";
import { KEY_MARKER } from "../rules/src/model/secrets";
import { withParentCache, type Node } from "../rules/src/model/syntax";
import { parseText } from "../rules/src/parse/parser";
import { initTestEngine } from "../rules/src/testing";
import { fileOfDocsExamples } from "./sampleFiles";

before(initTestEngine);

const KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789AB";

const PYTHON = [
  `"""A docstring holding ${KEY}."""`,
  `KEYS = {"k": "${KEY}", "task-sk-x": "hf_abcdefghijklmnopqrstuvwxyz0123456789"}`,
  `x = f"prefix {KEYS['sk-abcdefghijklmnopqrstuvwxyz123']} gsk_abcdefghijklmnopqrstuvwxyz0123456789"`,
  `only_inside = f"{KEYS['sk-abcdefghijklmnopqrstuvwxyz123']}"`,
  `joined = "a" "${KEY}" 'r8_abcdefghijklmnopqrstuvwxyz0123456789'`,
  `# a comment with ${KEY}`,
  `def f():\n    return call(key="AIzaSyABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", other=rb'pplx-abcdefghijklmnopqrstuvwxyz0123456789')`,
].join("\n");

const TYPESCRIPT = [
  `const openai = new OpenAI({ apiKey: "${KEY}" });`,
  `const p = createOpenAI({apiKey:'genericsecretvalue123'});`,
  "const t = `start ${\"" + KEY + "\"} xai-abcdefghijklmnopqrstuvwxyz0123456789 ${x}`;",
  "const onlyInside = `${\"sk-abcdefghijklmnopqrstuvwxyz12\"}`;",
  `// ${KEY} in a comment`,
  `export function ask(q: string) {\n  return send({ content: "r8_abcdefghijklmnopqrstuvwxyz0123456789" + q, task: "task-sk-" });\n}`,
].join("\n");

/** Every string node of `types` (a full walk), those whose raw text holds a key prefix. */
function walkedWithPrefix(root: Node, text: string, types: string[]): Node[] {
  return root.descendantsOfType(types).filter((node) => KEY_MARKER.test(text.slice(node.startIndex, node.endIndex)));
}

function candidates(text: string, language: LanguageId, types: string[], clients: ClientFact[] = [], startsAfter?: RegExp): { root: Node; found: Node[]; walked: Node[] } {
  const tree = parseText(language, text);
  const root = tree.rootNode;
  const found = withParentCache(() => keyStringCandidates(root, text, statementsOf(root), types, clients, startsAfter));
  return { root, found, walked: walkedWithPrefix(root, text, types) };
}

const spans = (nodes: Node[]) => nodes.map((n) => `${n.type}@${n.startIndex}-${n.endIndex}`);

describe("strings that could hold a key", () => {
  const cases: [string, LanguageId, string, string[]][] = [
    ["Python", "python", PYTHON, ["string"]],
    ["TypeScript", "typescript", TYPESCRIPT, ["string", "template_string"]],
    ["the Python docs examples", "python", fileOfDocsExamples("python", true), ["string"]],
    ["the TypeScript docs examples", "typescript", fileOfDocsExamples("typescript", true), ["string", "template_string"]],
  ];
  for (const [name, language, text, types] of cases) {
    it(`are every string holding a key prefix, in document order (${name})`, () => {
      const { found, walked } = candidates(text, language, types);
      assert.ok(walked.length > 0, "the sample holds strings with a key prefix");
      assert.deepEqual(spans(found), spans(walked));
    });
  }

  it("include nested strings and each string once", () => {
    const { found } = candidates(TYPESCRIPT, "typescript", ["string", "template_string"]);
    const texts = found.map((n) => TYPESCRIPT.slice(n.startIndex, n.endIndex));
    assert.ok(texts.some((t) => t.startsWith("`start")) && texts.includes(`"${KEY}"`), "the template and the string inside it");
    assert.equal(new Set(spans(found)).size, found.length);
  });

  it("include a string that starts after `apiKey:` when asked, and only then", () => {
    const generic = "'genericsecretvalue123'";
    const without = candidates(TYPESCRIPT, "typescript", ["string"]).found.map((n) => TYPESCRIPT.slice(n.startIndex, n.endIndex));
    const withPattern = candidates(TYPESCRIPT, "typescript", ["string"], [], /apiKey["']?\s*:\s*/g).found.map((n) => TYPESCRIPT.slice(n.startIndex, n.endIndex));
    assert.ok(!without.includes(generic));
    assert.ok(withPattern.includes(generic));
  });

  it("include a client's API-key value whatever it looks like", () => {
    const text = 'client = OpenAI(api_key="plainsecretvalue123456")\n';
    const at = text.indexOf('"plain');
    const client = { sdk: { apiKeyOption: "api_key" }, options: { entries: [{ name: "api_key", valueSpan: { start: at, end: at + 24 } }] } } as unknown as ClientFact;
    assert.deepEqual(candidates(text, "python", ["string"]).found, []);
    assert.deepEqual(spans(candidates(text, "python", ["string"], [client]).found), [`string@${at}-${at + 24}`]);
  });

  it("look only inside the statements given", () => {
    const tree = parseText("python", PYTHON);
    const root = tree.rootNode;
    const last = statementsOf(root).at(-1)!;
    const found = withParentCache(() => keyStringCandidates(root, PYTHON, [last], ["string"], []));
    assert.ok(found.length > 0);
    assert.ok(found.every((n) => n.startIndex >= last.startIndex && n.endIndex <= last.endIndex));
  });
});
