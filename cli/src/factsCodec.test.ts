import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { generateSource } from "../../bench/generate";
import { analyzeText, emptyFacts, RULES, type FileFacts } from "../../rules/src/index";
import { SDKS } from "../../rules/src/model/catalogue";
import { languageForPath } from "../../rules/src/parse/parser";
import { docExamples } from "../../rules/src/ruleDocs";
import { initTestEngine } from "../../rules/src/testing";
import { EXAMPLES, RULES_DIR } from "../../test/helpers";
import { decodeFacts, encodeFacts, NotEncodable, NotFacts } from "./factsCodec";

before(initTestEngine);

/** Texts with many kinds of facts: the examples, every docs example, generated modules of each language. */
function corpus(): { name: string; text: string; language: FileFacts["language"] }[] {
  const texts = [];
  for (const entry of readdirSync(EXAMPLES, { withFileTypes: true, recursive: true })) {
    const language = entry.isFile() ? languageForPath(entry.name) : undefined;
    if (language) texts.push({ name: entry.name, text: readFileSync(join(entry.parentPath, entry.name), "utf8"), language });
  }
  for (const rule of RULES) {
    docExamples(readFileSync(join(RULES_DIR, rule.id, "docs.md"), "utf8")).forEach((example, n) => texts.push({ name: `${rule.id} example ${n}`, text: example.code, language: example.language }));
  }
  for (const seed of [1, 2, 3]) {
    texts.push({ name: `generated python ${seed}`, text: generateSource("python", 600, seed), language: "python" as const });
    texts.push({ name: `generated typescript ${seed}`, text: generateSource("typescript", 600, seed), language: "typescript" as const });
    texts.push({ name: `generated tsx ${seed}`, text: generateSource("typescript", 300, seed), language: "tsx" as const });
    texts.push({ name: `generated javascript ${seed}`, text: generateSource("typescript", 300, seed).replace(/: \w+(\[\])?(?=[,)=])/g, ""), language: "javascript" as const });
  }
  return texts;
}

/**
 * The decoded facts are the same graph: equal values, every catalogue entry the catalogue's own
 * object, and two places holding one object in the original hold one object in the copy.
 */
function assertSameGraph(original: unknown, decoded: unknown, where: string, pairs = new Map<object, unknown>()): void {
  if (typeof original !== "object" || original === null) {
    assert.ok(Object.is(original, decoded), `${where}: ${String(original)} came back as ${String(decoded)}`);
    return;
  }
  const catalogue = new Set<unknown>([...SDKS, ...SDKS.flatMap((s) => s.methods)]);
  if (catalogue.has(original)) return assert.equal(decoded, original, `${where}: a catalogue entry came back as a copy`);
  if (pairs.has(original)) return assert.equal(decoded, pairs.get(original), `${where}: an object shared in the facts is no longer shared`);
  assert.ok(typeof decoded === "object" && decoded !== null, `${where}: an object came back as ${String(decoded)}`);
  assert.ok(![...pairs.values()].includes(decoded), `${where}: two objects came back as one`);
  pairs.set(original, decoded);
  assert.deepEqual(Object.keys(decoded), Object.keys(original), `${where}: keys`);
  for (const [key, value] of Object.entries(original)) assertSameGraph(value, (decoded as Record<string, unknown>)[key], `${where}.${key}`, pairs);
}

describe("facts codec", () => {
  it("gives back the very facts of every example, docs example and generated module", () => {
    let sites = 0;
    let shared = 0;
    for (const { name, text, language } of corpus()) {
      const facts = analyzeText(text, language);
      const json = encodeFacts(facts);
      assert.ok(!json.includes(JSON.stringify(text).slice(1, -1)) || text.length < 40, `${name}: the text is not written`);
      const decoded = decodeFacts(json, text, language);
      assert.deepStrictEqual(decoded, facts, name);
      assertSameGraph(facts, decoded, name);
      assert.equal(decoded.text, text);
      sites += facts.callSites.length;
      if (json.includes('{"$":"r"')) shared++;
    }
    assert.ok(sites > 300, `the corpus has call sites to compare (${sites})`);
    assert.ok(shared > 10, `and facts shared between two places (${shared} files)`);
  });

  it("keeps undefined, NaN, infinities, -0 and keys named `$`", () => {
    const facts = emptyFacts("x = 1", "python") as FileFacts & { extra?: unknown };
    facts.imports.sanitizerCall = undefined;
    facts.extra = { values: [Infinity, -Infinity, NaN, -0, 0, 1.5, undefined, null], $: "dollar", nested: { $: "u" } };
    const decoded = decodeFacts(encodeFacts(facts), facts.text, "python");
    assert.deepStrictEqual(decoded, facts);
    assert.ok("sanitizerCall" in decoded.imports, "a key whose value is undefined is still there");
    assert.ok(Object.is((decoded as typeof facts & { extra: { values: number[] } }).extra.values[3], -0));
  });

  it("refuses facts holding what JSON cannot carry", () => {
    const facts = { ...emptyFacts("", "python"), reexports: [new Map()] } as unknown as FileFacts;
    assert.throws(() => encodeFacts(facts), NotEncodable);
  });

  it("refuses damaged or foreign JSON", () => {
    const text = generateSource("python", 200, 4);
    const good = encodeFacts(analyzeText(text, "python"));
    assert.ok(good.includes('"callSites":[{'), "the module has call sites");
    const damaged: [string, string][] = [
      ["truncated", good.slice(0, good.length / 2)],
      ["not an object", "[]"],
      ["another language", good.replace('"language":"python"', '"language":"typescript"')],
      ["a list missing", good.replace('"sinks":', '"sunk":')],
      ["an unknown marker", good.replace('{"$":"c"', '{"$":"q"')],
      ["a catalogue entry out of range", good.replace(/\{"\$":"c","i":\d+\}/, '{"$":"c","i":100000}')],
      ["a call site on a copied SDK", good.replace(/"sdk":\{"\$":"c","i":\d+\}/, `"sdk":${JSON.stringify(SDKS[0])}`)],
      ["a span outside the text", good.replace(/"span":\{"start":\d+,"end":\d+\}/, `"span":{"start":0,"end":${text.length + 1}}`)],
      ["a reference before its definition", good.replace('"callSites":[', '"callSites":[{"$":"r","i":99},')],
      ["no place for the text", good.replace('{"$":"t"}', '"another text"')],
      ["a prototype key", good.replace('"callSites":', '"__proto__":{"polluted":true},"callSites":')],
    ];
    for (const [what, json] of damaged) {
      assert.notEqual(json, good, `${what}: the damage applies`);
      assert.throws(() => decodeFacts(json, text, "python"), NotFacts, what);
    }
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
  });
});
