import type { Rule, FindingDraft } from "../../rule";

export const unboundedPromptInput: Rule = {
  id: "unbounded-prompt-input",
  factor: "data",
  tier: "strict",
  severity: "info",
  summary: "A whole file, HTTP body or query result put into a prompt with no truncation or token count",
  fix: null,
  owasp: "LLM10",
  cwe: "CWE-770",
  check(context) {
    const findings: FindingDraft[] = [];
    for (const site of context.facts.callSites) {
      const flow = site.promptFlow.unboundedInput;
      if (!flow) continue;
      findings.push({
        span: flow.span,
        message: `The whole of \`${flow.source}\` goes into the prompt of \`${site.calleeText}\` with no truncation or token count: a large input fails the call or costs the whole context window`,
        related: [{ span: site.calleeSpan, message: "the model call" }],
      });
    }
    return findings;
  },
};
