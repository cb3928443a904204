import type { Rule, FindingDraft } from "../../rule";

export const sensitiveDataInLogs: Rule = {
  id: "sensitive-data-in-logs",
  factor: "compliance",
  tier: "strict",
  severity: "info",
  summary: "Whole prompts, messages or model outputs written to logs at info level or above",
  fix: null,
  owasp: "LLM02",
  cwe: "CWE-532",
  check(context) {
    const { facts } = context;
    const findings: FindingDraft[] = [];
    for (const logged of facts.loggedContent) {
      const what = logged.what === "output" ? `the output of \`${logged.name}\`` : `the whole \`${logged.name}\``;
      findings.push({
        span: logged.span,
        message: `This log line writes ${what}: prompts and answers carry personal data into log storage that few people expect it in; log ids, sizes and usage instead`,
        related: logged.source !== null ? [{ span: facts.callSites[logged.source].calleeSpan, message: "the model call" }] : [],
      });
    }
    return findings;
  },
};
