import type { Rule, FindingDraft, RuleContext } from "../../rule";
import type { CallSite } from "../../model/facts";
import { importEdit, usesCommonJs, wrapStatement } from "../../edits";
import { optionInsertEdit } from "../../model/syntax";
import type { Fix } from "../../types";

export const untracedModelCall: Rule = {
  id: "untraced-model-call",
  factor: "observability",
  tier: "recommended",
  severity: "warning",
  summary: "A model call that no span, traced function, instrumented client or auto-instrumentation covers",
  fix: "safe",
  cwe: "CWE-778",
  check(context) {
    const findings: FindingDraft[] = [];
    context.facts.callSites.forEach((site, index) => {
      if (context.checks[index].telemetry !== "fail") return;
      findings.push({
        span: site.calleeSpan,
        message: `\`${site.calleeText}\` is not traced: its latency, errors and token use are invisible in production`,
        fix: tracingFix(context, site),
      });
    });
    return findings;
  },
};

/** The GenAI semantic conventions' operation name for the call. */
function operationOf(site: CallSite): string {
  if (site.method.kind === "embedding") return "embeddings";
  if (site.method.kind === "completion") return "text_completion";
  return "chat";
}

function spanName(site: CallSite): string {
  return site.model ? `${operationOf(site)} ${site.model}` : operationOf(site);
}

function attributes(site: CallSite, pair: (key: string, value: string) => string): string {
  const entries = [pair("gen_ai.operation.name", operationOf(site)), pair("gen_ai.provider.name", site.sdk.provider)];
  if (site.model) entries.push(pair("gen_ai.request.model", site.model));
  return entries.join(", ");
}

function tracingFix(context: RuleContext, site: CallSite): Fix | null {
  const { facts } = context;
  if (site.sdk.clientClasses.length === 0) {
    // AI SDK 7 renamed the option to `telemetry`.
    const option = (context.project.aiSdkMajor ?? 0) >= 7 ? "telemetry" : "experimental_telemetry";
    const edit = site.options && optionInsertEdit(site.options, option, "{ isEnabled: true }");
    return edit && { title: "Turn on AI SDK telemetry for this call", safety: "safe", edits: [edit] };
  }
  // Adding the OpenTelemetry import is only safe where the file already uses the package.
  const safety = facts.imports.hasOpenTelemetry ? "safe" : "unsafe";
  const title = `Wrap the call in an OpenTelemetry span "${spanName(site)}"`;
  if (facts.language === "python") {
    const statement = site.statement;
    if (!statement || !["expression", "assignment", "return"].includes(statement.kind)) return null;
    const attrs = attributes(site, (k, v) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    const opener = `with trace.get_tracer(__name__).start_as_current_span(${JSON.stringify(spanName(site))}, attributes={${attrs}}):`;
    return { title, safety, edits: [...importEdit(facts, "from opentelemetry import trace", facts.imports.hasOpenTelemetry), ...wrapStatement(facts, statement, opener, [])] };
  }
  if (site.result.kind === "other" && !site.awaited) return null; // chained `.withResponse()` needs the SDK's own promise
  const attrs = attributes(site, (k, v) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const before = `trace.getTracer("ai").startActiveSpan(${JSON.stringify(spanName(site))}, { attributes: { ${attrs} } }, async (span) => { try { return await `;
  const after = `; } finally { span.end(); } })`;
  const importLine = usesCommonJs(facts) ? `const { trace } = require("@opentelemetry/api");` : `import { trace } from "@opentelemetry/api";`;
  return {
    title,
    safety,
    edits: [...importEdit(facts, importLine, facts.imports.hasOpenTelemetry), { start: site.span.start, end: site.span.start, text: before }, { start: site.span.end, end: site.span.end, text: after }],
  };
}
