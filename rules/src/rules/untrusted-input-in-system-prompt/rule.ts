import type { Rule, FindingDraft } from "../../rule";

export const untrustedInputInSystemPrompt: Rule = {
  id: "untrusted-input-in-system-prompt",
  factor: "security",
  tier: "recommended",
  severity: "warning",
  summary: "Request data flowing into the system prompt",
  fix: null,
  owasp: "LLM01",
  cwe: "CWE-77",
  check(context) {
    const findings: FindingDraft[] = [];
    for (const site of context.facts.callSites) {
      const flow = site.promptFlow.requestInSystem;
      if (!flow) continue;
      findings.push({
        span: flow.span,
        message: `Request data (\`${flow.source}\`) reaches the system prompt of \`${site.calleeText}\`: whoever sends the request can rewrite the model's instructions; pass it as a user message instead`,
        related: [{ span: site.calleeSpan, message: "the model call" }],
      });
    }
    return findings;
  },
};
