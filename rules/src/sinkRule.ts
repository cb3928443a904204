/** The four output rules share one shape: model output reaching a sink of their kind. */
import type { SinkFact, SinkKind } from "./model/facts";
import type { FindingDraft, Rule, RuleContext } from "./rule";
import type { Fix } from "./types";

type SinkRuleMeta = Omit<Rule, "check"> & {
  kind: SinkKind;
  /** What happens when the output gets there: "runs as code", "runs in a shell"… */
  consequence: string;
  fixFor?: (context: RuleContext, sink: SinkFact) => Fix | null;
};

export function sinkRule(meta: SinkRuleMeta): Rule {
  const { kind, consequence, fixFor, ...rule } = meta;
  return {
    ...rule,
    check(context) {
      const findings: FindingDraft[] = [];
      for (const sink of context.facts.sinks) {
        if (sink.kind !== kind || sink.sanitized) continue;
        const site = context.facts.callSites[sink.source];
        findings.push({
          span: sink.span,
          message: `Output of \`${site.calleeText}\` reaches \`${sink.sinkText}\`: ${consequence}`,
          related: [{ span: site.calleeSpan, message: "the model call whose output arrives here" }],
          fix: fixFor?.(context, sink) ?? null,
        });
      }
      return findings;
    },
  };
}
