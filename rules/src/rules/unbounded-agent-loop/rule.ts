import type { Rule, FindingDraft } from "../../rule";

export const unboundedAgentLoop: Rule = {
  id: "unbounded-agent-loop",
  factor: "compute",
  tier: "recommended",
  severity: "warning",
  summary: "A model call in a loop that only the model's answer can end, or tool calls with no step limit",
  fix: null,
  owasp: "LLM10",
  cwe: "CWE-835",
  check(context) {
    const findings: FindingDraft[] = [];
    for (const site of context.facts.callSites) {
      const loop = site.context.loop;
      // A loop with no exit at all is a service loop (a worker, a consumer), not an agent.
      if (loop?.infinite && loop.exits && !loop.counted) {
        findings.push({
          span: site.calleeSpan,
          message: `\`${site.calleeText}\` runs in a loop that only the model's answer ends: a model that keeps calling tools loops (and bills) forever; bound it with a step counter`,
          related: [{ span: { start: loop.span.start, end: loop.span.start + 1 }, message: "the loop" }],
        });
        continue;
      }
      const stopWhen = site.options?.entries.find((e) => e.name === "stopWhen");
      const hasTools = site.options?.entries.some((e) => e.name === "tools");
      // AI SDK 5+: without `stopWhen` the call stops after one step; a condition with no step count may never hold.
      if (stopWhen && hasTools && !/stepCountIs\s*\(/.test(stopWhen.valueText) && /^(\[|has\w*\(|\w+\()/.test(stopWhen.valueText.trim())) {
        findings.push({
          span: stopWhen.span,
          message: `\`stopWhen\` of \`${site.calleeText}\` has no step limit: if the condition never holds, tool calls go on and on; add \`stepCountIs(n)\``,
        });
      }
    }
    return findings;
  },
};
