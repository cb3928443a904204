import type { Rule, FindingDraft } from "../../rule";

export const clientPerCall: Rule = {
  id: "client-per-call",
  factor: "compute",
  tier: "strict",
  severity: "info",
  summary: "An SDK client constructed inside the function that makes the call",
  fix: null,
  check(context) {
    const findings: FindingDraft[] = [];
    const reported = new Set<unknown>();
    for (const site of context.facts.callSites) {
      const client = site.client;
      const fn = site.context.functionSpan;
      if (!client || site.clientResolution !== "local" || !client.functionSpan || !fn || reported.has(client)) continue;
      if (client.functionSpan.start !== fn.start || client.functionSpan.end !== fn.end) continue;
      reported.add(client);
      findings.push({
        span: client.span,
        message: `\`${client.className}\` is constructed on every call of this function: each one opens a new connection pool; create it once at module level and reuse it`,
        related: [{ span: site.calleeSpan, message: "the call that uses it" }],
      });
    }
    return findings;
  },
};
