import type { Rule, FindingDraft } from "../../rule";
import { catalogueEntryOf } from "../../model/models";
import { MODEL_CATALOGUE_CHECKED } from "../../model/modelCatalogue";

export const unpinnedModel: Rule = {
  id: "unpinned-model",
  factor: "compliance",
  tier: "recommended",
  severity: "info",
  summary: "A floating model alias where the provider publishes dated snapshots",
  fix: "unsafe",
  options: {
    allow: { type: "string[]", default: [], description: "Aliases the team accepts on purpose (e.g. for an evaluation script)." },
  },
  check(context) {
    const findings: FindingDraft[] = [];
    const allowed = context.options.allow as string[];
    // Calls through one LangChain model share its model literal: one finding for it.
    const seen = new Set<number>();
    context.facts.callSites.forEach((site) => {
      const { alias, retired } = catalogueEntryOf(site);
      // A retiring alias is `deprecated-model`'s to report.
      if (!alias || retired || allowed.includes(alias.alias) || !site.modelSpan || seen.has(site.modelSpan.start)) return;
      seen.add(site.modelSpan.start);
      const pinned = alias.snapshot;
      findings.push({
        span: site.modelSpan,
        message: pinned
          ? `\`${alias.alias}\` is a floating alias: the model behind it changes when the provider moves it, and answers drift with no change here; pin \`${pinned}\` (its snapshot as of ${MODEL_CATALOGUE_CHECKED})`
          : `\`${alias.alias}\` always points at the newest model: answers change with no change here, and no dated snapshot exists; pick a pinned model`,
        fix: pinned ? { title: `Pin to ${pinned}`, safety: "unsafe", edits: [{ ...site.modelSpan, text: pinned }] } : null,
      });
    });
    return findings;
  },
};
