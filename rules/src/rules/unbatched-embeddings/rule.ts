import type { Rule, FindingDraft } from "../../rule";
import type { CallSite } from "../../model/facts";

/** Names that hold a batch, not one item: `for batch in …`, `for texts in …`. */
const BATCH_NAME = /(batch|group|slice|page|window|partition)e?s?$|s$/i;
/** Iterables that yield batches: `chunked(texts, 100)`, `itertools.batched(texts, 64)`. */
const BATCHING_ITERABLE = /\b(chunked|batched|batches|chunks_of|partition\w*|split_\w*|group\w*|paginate\w*)\s*\(|\brange\s*\([^)]*,[^)]*,/;

export const unbatchedEmbeddings: Rule = {
  id: "unbatched-embeddings",
  factor: "data",
  tier: "recommended",
  severity: "warning",
  summary: "An embeddings call with one input, inside a loop over the items",
  fix: null,
  check(context) {
    const findings: FindingDraft[] = [];
    for (const site of context.facts.callSites) {
      const loop = site.context.loop;
      if (site.method.kind !== "embedding" || !loop?.perItem || site.method.path === "embedMany") continue;
      if (loop.iterable && BATCHING_ITERABLE.test(loop.iterable)) continue;
      if (!isSingleInput(site, loop.variables)) continue;
      findings.push({
        span: site.calleeSpan,
        message: `\`${site.calleeText}\` embeds one item per loop turn: one request per item is slow and rate-limited at production volume; send the items in batches${site.method.path === "embed" ? " (`embedMany`)" : " (a list as `input`)"}`,
        related: [{ span: { start: loop.span.start, end: loop.span.start + 1 }, message: "the loop" }],
      });
    }
    return findings;
  },
};

/** The input is one item: `[text]`, `text`, `doc.content`; not a loop variable that names a batch. */
function isSingleInput(site: CallSite, loopVariables: string[]): boolean {
  if (site.method.path === "embed") return true;
  const input = site.options?.entries.find((e) => e.name === "input");
  if (!input) return false;
  const value = input.valueText.trim();
  const single = /^\[\s*[^,\[\]]+\s*,?\s*\]$/.exec(value);
  if (single) return true;
  if (!/^[\w.\[\]"']+$/.test(value) || value.startsWith("[")) return false;
  const root = value.split(/[.[]/)[0];
  return loopVariables.includes(root) && !BATCH_NAME.test(root);
}
