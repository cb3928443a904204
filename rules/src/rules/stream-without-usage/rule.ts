import type { Rule, FindingDraft } from "../../rule";
import { optionInsertEdit } from "../../model/syntax";
import { speaksForProvider } from "../../model/models";
import type { CallSite } from "../../model/facts";

/** OpenAI itself or Azure OpenAI, whose streams report usage only when asked. */
function speaksToOpenAi(site: CallSite): boolean {
  return speaksForProvider(site) || (site.client !== null && /Azure/.test(site.client.className) && site.clientResolution === "local");
}

export const streamWithoutUsage: Rule = {
  id: "stream-without-usage",
  factor: "cost",
  tier: "recommended",
  severity: "warning",
  summary: "An OpenAI stream that never reports its token usage",
  fix: "unsafe",
  owasp: "LLM10",
  cwe: "CWE-778",
  check(context) {
    const findings: FindingDraft[] = [];
    for (const site of context.facts.callSites) {
      const streamUsage = site.method.streamUsage;
      const options = site.options;
      // OpenAI-compatible servers (Mistral, xAI, a local gateway) send usage unasked or reject the option.
      if (!streamUsage || !options || site.broken || !speaksToOpenAi(site)) continue;
      if (!options.entries.some((e) => e.name === "stream" && e.literal === true)) continue;
      const given = options.entries.find((e) => e.name === streamUsage.option);
      const python = site.sdk.ecosystem === "python";
      const value = python ? `{"${streamUsage.field}": True}` : `{ ${streamUsage.field}: true }`;
      if (given) {
        // Set but not to a literal we can read, or already asking for usage: nothing to say.
        const include = given.nested?.entries.find((e) => e.name === streamUsage.field);
        if (!include || include.literal !== false) continue;
        findings.push({
          span: include.span,
          message: `\`${streamUsage.field}\` is off: the stream of \`${site.calleeText}\` never reports how many tokens it used`,
          fix: { title: `Set ${streamUsage.field} to true`, safety: "unsafe", edits: [{ ...include.valueSpan, text: python ? "True" : "true" }] },
        });
        continue;
      }
      if (options.hasSpread) continue;
      const edit = optionInsertEdit(options, streamUsage.option, value);
      findings.push({
        span: site.calleeSpan,
        message: `\`${site.calleeText}\` streams without \`${streamUsage.option}\`: the stream never reports how many tokens it used`,
        fix: edit && { title: `Add ${streamUsage.option}${python ? "=" : ": "}${value}`, safety: "unsafe", edits: [edit] },
      });
    }
    return findings;
  },
};
