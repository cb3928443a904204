import type { Rule, FindingDraft } from "../../rule";
import { catalogueEntryOf } from "../../model/models";

const PROVIDER_NAMES: Record<string, string> = { openai: "OpenAI", anthropic: "Anthropic", google: "Google" };

export const deprecatedModel: Rule = {
  id: "deprecated-model",
  factor: "compliance",
  tier: "recommended",
  checksTests: true,
  severity: "warning",
  summary: "A model id the provider has retired or scheduled for retirement",
  fix: "unsafe",
  check(context) {
    const findings: FindingDraft[] = [];
    const seen = new Set<number>();
    for (const site of context.facts.callSites) {
      const { retired } = catalogueEntryOf(site);
      if (!retired || !site.modelSpan || seen.has(site.modelSpan.start)) continue;
      seen.add(site.modelSpan.start);
      findings.push({
        span: site.modelSpan,
        message: `${PROVIDER_NAMES[retired.provider]}'s shutdown date for \`${retired.id}\` is ${retired.shutdown}: from then on every call fails; move to \`${retired.successor}\``,
        fix: { title: `Replace with ${retired.successor}`, safety: "unsafe", edits: [{ ...site.modelSpan, text: retired.successor }] },
      });
    }
    return findings;
  },
};
