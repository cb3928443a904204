/**
 * A typo that makes the grammar wrap a whole file in one error node: the engine reports
 * nothing for it (every check is unknown), never throws, and recovers once the file
 * parses again. Walking up such a tree can overflow web-tree-sitter's stack.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { generateSource } from "../bench/generate";
import { DEFAULT_CONFIG, EMPTY_PROJECT, lintText } from "../rules/src/index";
import { parseText } from "../rules/src/parse/parser";
import { initTestEngine } from "../rules/src/testing";

before(initTestEngine);

it("gives up on a file wrapped whole in an error, and recovers when it parses again", () => {
  const valid = generateSource("typescript", 5000, 1);
  const header = "for await (const event of stream)";
  assert.ok(valid.includes(header));
  const broken = valid.replace(header, "for await (const event oqf stream)");
  const tree = parseText("typescript", broken);
  const wrapped = tree.rootNode.type === "ERROR";
  tree.delete();
  assert.ok(wrapped, "the typo wraps the file in an error node (if the grammar changes, pick another typo)");
  const result = lintText(broken, "typescript", DEFAULT_CONFIG, EMPTY_PROJECT);
  assert.deepEqual([result.facts.callSites.length, result.findings.length], [0, 0]);
  assert.ok(lintText(valid, "typescript", DEFAULT_CONFIG, EMPTY_PROJECT).findings.length > 0);
});
