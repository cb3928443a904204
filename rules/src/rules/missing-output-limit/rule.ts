import type { Rule, FindingDraft } from "../../rule";
import type { CallSite } from "../../model/facts";
import type { ProjectFacts } from "../../model/project";
import { optionInsertEdit } from "../../model/syntax";

export const missingOutputLimit: Rule = {
  id: "missing-output-limit",
  factor: "cost",
  tier: "recommended",
  severity: "warning",
  summary: "A model call with no output token limit",
  fix: "unsafe",
  owasp: "LLM10",
  cwe: "CWE-770",
  check(context) {
    const findings: FindingDraft[] = [];
    context.facts.callSites.forEach((site, index) => {
      if (context.checks[index].outputLimit !== "fail") return;
      // LangChain: the limit goes on the chat model, where every call through it gets it.
      const target = site.sdk.limitsOnClient ? (site.clientResolution === "local" ? site.client?.options : null) : site.options;
      const name = limitName(site, context.project);
      const assign = site.sdk.ecosystem === "python" ? "=" : ": ";
      const value = `${context.fix.maxOutputTokens}`;
      const disabled = target?.entries.find((e) => site.method.outputLimit.includes(e.name) && e.literal === null);
      const edit = !target ? null : disabled ? { ...disabled.valueSpan, text: value } : optionInsertEdit(target, name, value);
      findings.push({
        span: site.calleeSpan,
        message: disabled
          ? `\`${disabled.name}${assign}${disabled.valueText}\` leaves the output of \`${site.calleeText}\` unbounded: one long answer can cost the whole context window`
          : `\`${site.calleeText}\` sets no output limit (\`${name}\`): one long answer can cost the whole context window`,
        fix: edit && { title: disabled ? `Set ${disabled.name}${assign}${value}` : `Add ${name}${assign}${value}`, safety: "unsafe", edits: [edit] },
      });
    });
    return findings;
  },
};

/** The parameter this call takes: the first the catalogue lists, or `maxTokens` on AI SDK 4. */
function limitName(site: CallSite, project: ProjectFacts): string {
  const names = site.method.outputLimit;
  if (names.includes("maxTokens") && project.aiSdkMajor !== null && project.aiSdkMajor < 5) return "maxTokens";
  return names[0];
}
