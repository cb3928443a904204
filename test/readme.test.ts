/** The README's first two commands and its rule table stay true to the project. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { RULES } from "../rules/src/index";
import { REPO_ROOT } from "./helpers";

const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");

it("starts with the two fresh-clone commands", () => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  assert.match(firstBlock, /^npm ci && npm start\b/m);
  assert.match(firstBlock, /^npm ci && npm test\b/m);
});

it("lists every rule with its factor, tier and fix safety, and no other", () => {
  const rows = [...readme.matchAll(/^\| \[`([a-z-]+)`\]\([^)]*\) \| (\w+) \| (\w+) \| .* \| (.*) \|$/gm)];
  assert.deepEqual(rows.map((r) => r[1]), RULES.map((r) => r.id));
  for (const [, id, factor, tier, fix] of rows) {
    const rule = RULES.find((r) => r.id === id)!;
    assert.deepEqual([factor, tier], [rule.factor, rule.tier], id);
    if (rule.fix) assert.match(fix, new RegExp(`\\(${rule.fix}\\b`), id);
    else assert.match(fix, /^none/, id);
  }
});
