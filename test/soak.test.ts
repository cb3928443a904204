/**
 * The soak in short (`npm run soak` runs 10,000 edits): an in-process server takes 2,000
 * random edits with code actions, commands, configuration and file events, cancellations
 * and deleted files. Nothing crashes, every request is answered or cancelled, every open
 * document gets its last diagnostics, and the heap after GC stays within 20% of its size
 * after the first 200 edits.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { runSoak } from "./fuzz/soak";

it("2,000 edits with requests, cancellations and deletions: all answered, heap flat", async () => {
  const result = await runSoak({ seed: 2000, edits: 2000, baselineAfter: 200 });
  assert.deepEqual([...result.failures, ...result.serverErrors], []);
  assert.equal(result.edits, 2000);
  const q = result.requests;
  assert.ok(q.sent > 100, `only ${q.sent} requests`);
  assert.deepEqual({ failed: q.failed, unanswered: q.unanswered, settled: q.answered + q.cancelled }, { failed: 0, unanswered: 0, settled: q.sent });
  assert.equal(result.diagnosticsWaits.answered, result.diagnosticsWaits.sent);
  assert.ok(result.fileEvents > 0 && result.deletions > 0, "the run deleted files");
  assert.ok(result.heapRatio <= 1.2, `heap ${result.heapBaselineMb.toFixed(1)} MB → ${result.heapEndMb.toFixed(1)} MB`);
});
