import type { Rule, FindingDraft } from "../../rule";

export const uncheckedModelOutput: Rule = {
  id: "unchecked-model-output",
  factor: "security",
  tier: "strict",
  severity: "info",
  summary: "A message's content used as a string when it may be None/null (tool calls, refusals)",
  fix: "safe",
  cwe: "CWE-476",
  check(context) {
    const { facts } = context;
    const findings: FindingDraft[] = [];
    const python = facts.language === "python";
    for (const use of facts.uncheckedContents) {
      const site = facts.callSites[use.source];
      // `content!` asserted non-null: the fallback replaces the assertion.
      const content = facts.text.slice(use.span.start, use.span.end).replace(/!$/, "");
      const guarded = python ? `(${content} or "")` : `(${content} ?? "")`;
      findings.push({
        span: use.span,
        message: `\`.${use.method}()\` on the content of \`${site.calleeText}\`'s answer fails when the model calls a tool or refuses: the content is ${python ? "None" : "null"} then`,
        related: [{ span: site.calleeSpan, message: "the model call" }],
        fix: { title: python ? "Fall back to an empty string when it is None" : "Fall back to an empty string when it is null", safety: "safe", edits: [{ ...use.span, text: guarded }] },
      });
    }
    return findings;
  },
};
