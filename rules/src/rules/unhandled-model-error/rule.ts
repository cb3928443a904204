import type { Rule, FindingDraft } from "../../rule";

export const unhandledModelError: Rule = {
  id: "unhandled-model-error",
  factor: "compute",
  tier: "strict",
  severity: "info",
  summary: "A model call whose timeouts, rate limits and API errors nothing handles",
  fix: null,
  cwe: "CWE-755",
  check(context) {
    const findings: FindingDraft[] = [];
    context.facts.callSites.forEach((site, index) => {
      if (context.checks[index].errorHandling !== "fail") return;
      findings.push({
        span: site.calleeSpan,
        message: `No \`${site.sdk.ecosystem === "python" ? "try/except" : "try/catch"}\` handles an error of \`${site.calleeText}\`: a timeout or rate limit fails the whole request`,
      });
    });
    return findings;
  },
};
