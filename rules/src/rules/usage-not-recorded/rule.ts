import type { Rule, FindingDraft, RuleContext } from "../../rule";
import type { CallSite } from "../../model/facts";
import { importEdit, lineAfterStatement } from "../../edits";
import { optionInsertEdit } from "../../model/syntax";
import type { Fix } from "../../types";

export const usageNotRecorded: Rule = {
  id: "usage-not-recorded",
  factor: "cost",
  tier: "recommended",
  severity: "warning",
  summary: "A model call whose token usage is never read or recorded",
  fix: "safe",
  owasp: "LLM10",
  cwe: "CWE-778",
  check(context) {
    const findings: FindingDraft[] = [];
    context.facts.callSites.forEach((site, index) => {
      if (context.checks[index].usageRecorded !== "fail") return;
      findings.push({
        span: site.calleeSpan,
        message: `The token usage of \`${site.calleeText}\` is never read or recorded: its cost stays invisible until the invoice`,
        fix: usageFix(context, site),
      });
    });
    return findings;
  },
};

const FIX_TITLE = "Record usage after the call";

function usageFix(context: RuleContext, site: CallSite): Fix | null {
  const { facts } = context;
  const functionStyle = site.sdk.clientClasses.length === 0;
  if (functionStyle && site.method.kind !== "embedding" && site.options?.insertion) {
    // The AI SDK reports usage to `onFinish` once the whole generation is done.
    const edit = optionInsertEdit(site.options, "onFinish", `({ usage }) => console.info("model usage", usage)`);
    return edit && { title: "Record usage in onFinish", safety: "safe", edits: [edit] };
  }
  const result = site.result;
  if (result.kind !== "bound" || !result.statement || site.isStream) return null;
  if (!["assignment", "declaration"].includes(result.statement.kind)) return null;
  const name = result.name;
  if (facts.language === "python") {
    const logger = facts.imports.loggerName ?? "logging.getLogger(__name__)";
    const line = `${logger}.info("model usage: model=%s usage=%s", ${name}.model, ${name}.usage)`;
    const imports = facts.imports.loggerName ? [] : importEdit(facts, "import logging", facts.imports.hasLogging);
    return { title: FIX_TITLE, safety: "safe", edits: [...imports, lineAfterStatement(facts, result.statement, line)] };
  }
  const fields = functionStyle ? `usage: ${name}.usage` : `model: ${name}.model, usage: ${name}.usage`;
  return { title: FIX_TITLE, safety: "safe", edits: [lineAfterStatement(facts, result.statement, `console.info("model usage", { ${fields} });`)] };
}
