/**
 * A short fuzz run in the suite: 500 mutated files (the heavy kinds included: 10,000-deep
 * nesting, a 20 MB line, a 50 MB file, binary) through the engine and the language server.
 * `npm run fuzz` runs 10,000 and more.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { runFuzz } from "./runner";

it("500 fuzzed files: no crash and no budget overrun", async () => {
  const result = await runFuzz({ seed: 500, cases: 500 });
  const failures = result.failures.map((f) => `case ${f.index}: ${f.steps.join(" → ")}\n${f.error}`).join("\n\n");
  assert.equal(result.cases, 500);
  assert.deepEqual({ crashes: result.crashes, overruns: result.overruns }, { crashes: 0, overruns: 0 }, failures);
  // The heavy cases are there, and the engine turned them away with a reason.
  assert.ok(result.skipped >= 3, `expected the oversized and over-nested cases to be skipped, got ${result.skipped}`);
});
