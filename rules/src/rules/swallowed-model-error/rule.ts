import type { Rule, FindingDraft, RuleContext } from "../../rule";
import type { CallSite, ErrorHandlerFact } from "../../model/facts";
import { importEdit } from "../../edits";
import { indentAt, indentUnit, newlineOf } from "../../model/syntax";
import type { Edit, Fix } from "../../types";

export const swallowedModelError: Rule = {
  id: "swallowed-model-error",
  factor: "observability",
  tier: "recommended",
  severity: "warning",
  summary: "A model call whose errors a handler drops without a trace",
  fix: "safe",
  cwe: "CWE-390",
  check(context) {
    const findings: FindingDraft[] = [];
    const reported = new Set<number>();
    for (const site of context.facts.callSites) {
      const handler = site.context.handler?.swallowing;
      if (!handler || reported.has(handler.span.start)) continue;
      reported.add(handler.span.start);
      findings.push({
        span: site.calleeSpan,
        message: `An error of \`${site.calleeText}\` is caught and dropped: timeouts, rate limits and bad keys leave no trace; log it`,
        related: [{ span: handler.span, message: "the handler that drops it" }],
        fix: logFix(context, site, handler),
      });
    }
    return findings;
  },
};

type Swallowing = NonNullable<ErrorHandlerFact["swallowing"]>;

/** Logs the error as the handler's first statement; a `pass`/`...` placeholder is replaced. */
function logFix(context: RuleContext, site: CallSite, handler: Swallowing): Fix | null {
  if (!handler.fixable) return null;
  const { facts } = context;
  const { text } = facts;
  const newline = newlineOf(text);
  const what = `${site.calleeText} failed`.replace(/["\\]/g, "");
  const edits: Edit[] = [];
  let statement: string;
  if (facts.language === "python") {
    const logger = facts.imports.loggerName ?? "logging";
    if (!facts.imports.loggerName) edits.push(...importEdit(facts, "import logging", facts.imports.hasLogging));
    // `exception()` logs the traceback of the error being handled.
    statement = `${logger}.exception("${what}")`;
  } else {
    const name = handler.errorName ?? "error";
    if (!handler.errorName) {
      const header = text.slice(handler.headerSpan.start, handler.headerSpan.end);
      if (!/^catch\s*$/.test(header)) return null;
      edits.push({ ...handler.headerSpan, text: `catch (${name}) ` });
    }
    statement = `console.error("${what}", ${name});`;
  }
  const first = handler.firstStatement;
  if (first?.isPlaceholder && facts.language === "python") edits.push({ ...first.span, text: statement });
  else if (first) edits.push({ start: first.span.start, end: first.span.start, text: `${statement}${newline}${indentAt(text, first.span.start)}` });
  else {
    // An empty JS block: `{}` becomes a block with one line.
    const indent = indentAt(text, handler.span.start);
    edits.push({ ...handler.bodySpan, text: `{${newline}${indent}${indentUnit(text)}${statement}${newline}${indent}}` });
  }
  return { title: "Log the error in the handler", safety: "safe", edits };
}
