import type { Rule, FindingDraft, RuleContext } from "../../rule";
import type { CallSite, ClientFact } from "../../model/facts";
import { timeoutCheck } from "../../model/checks";
import { optionInsertEdit } from "../../model/syntax";
import type { Fix } from "../../types";

export const missingTimeout: Rule = {
  id: "missing-timeout",
  factor: "compute",
  tier: "recommended",
  severity: "warning",
  summary: "A model call with no finite timeout",
  fix: "unsafe",
  owasp: "LLM10",
  cwe: "CWE-400",
  check(context) {
    const findings: FindingDraft[] = [];
    let failing: Map<ClientFact, number> | undefined;
    const failingOn = (client: ClientFact) => (failing ??= failingPerClient(context)).get(client) ?? 0;
    context.facts.callSites.forEach((site, index) => {
      if (context.checks[index].timeout !== "fail") return;
      const detail = timeoutCheck(site, context.facts.text);
      const disabled = detail.disabledBy;
      const message = disabled
        ? `\`${disabled.name}${site.sdk.ecosystem === "python" ? "=" : ": "}${disabled.valueText}\` turns off the timeout of \`${site.calleeText}\`: a hung request holds this worker forever`
        : `\`${site.calleeText}\` has no timeout: ${defaultText(site)}`;
      const client = site.clientResolution === "local" && site.client?.name ? site.client : null;
      findings.push({
        span: site.calleeSpan,
        message,
        related: client ? [{ span: client.span, message: `\`${client.name}\` created here` }] : [],
        fix: timeoutFix(context, site, disabled ? { start: disabled.valueSpan.start, end: disabled.valueSpan.end } : null, failingOn),
      });
    });
    return findings;
  },
};

function defaultText(site: CallSite): string {
  const seconds = site.sdk.timeout.defaultSeconds;
  const sdk = site.sdk.displayName;
  if (seconds === null) return `the ${sdk} never times out a call`;
  return seconds >= 120 ? `the ${sdk} default waits ${seconds / 60} minutes` : `the ${sdk} default waits ${seconds} seconds`;
}

/** The timeout in the SDK's unit: seconds or milliseconds as the SDK counts them. */
function timeoutValue(site: CallSite, seconds: number): string {
  const amount = site.sdk.timeout.unit === "s" ? `${seconds}` : `${seconds * 1000}`;
  // The AI SDK and fetch take an abort signal.
  return /signal$/i.test(site.sdk.timeout.option) ? `AbortSignal.timeout(${amount})` : amount;
}

function timeoutFix(context: RuleContext, site: CallSite, disabledValue: { start: number; end: number } | null, failingOn: (client: ClientFact) => number): Fix | null {
  const seconds = context.fix.timeoutSeconds;
  const value = timeoutValue(site, seconds);
  const option = site.sdk.timeout.option;
  const assign = site.sdk.ecosystem === "python" ? "=" : ": ";
  if (disabledValue) {
    return { title: `Set ${option}${assign}${value}`, safety: "unsafe", edits: [{ ...disabledValue, text: value }] };
  }
  const client = site.clientResolution === "local" && site.client?.name && site.client.options ? site.client : null;
  if (client) {
    const edit = optionInsertEdit(client.options!, option, value);
    if (edit) {
      const count = failingOn(client);
      const calls = count === 1 ? "1 call" : `${count} calls`;
      return { title: `Add ${option}${assign}${value} to the \`${client.name}\` created on line ${client.line + 1} (fixes ${calls})`, safety: "unsafe", edits: [edit] };
    }
  }
  if (site.sdk.timeout.clientOnly) return null;
  const title = `Add ${option}${assign}${value} to this call`;
  if (site.sdk.ecosystem === "js" && (site.sdk.clientClasses.length > 0 || site.sdk.http?.requestOptionsArgument !== undefined)) {
    // JS SDKs take per-request options as a second argument.
    if (site.requestOptions?.insertion) {
      const edit = optionInsertEdit(site.requestOptions, option, value);
      return edit && { title, safety: "unsafe", edits: [edit] };
    }
    if (site.requestOptionsAppendAt !== null && !site.requestOptions) {
      const at = site.requestOptionsAppendAt;
      return { title, safety: "unsafe", edits: [{ start: at, end: at, text: `, { ${option}: ${value} }` }] };
    }
    return null;
  }
  const edit = site.options && optionInsertEdit(site.options, option, value);
  return edit ? { title, safety: "unsafe", edits: [edit] } : null;
}

/** How many calls through each client fail the timeout check: counted once per file, not once per finding. */
function failingPerClient(context: RuleContext): Map<ClientFact, number> {
  const counts = new Map<ClientFact, number>();
  context.facts.callSites.forEach((site, i) => {
    if (site.client && context.checks[i].timeout === "fail") counts.set(site.client, (counts.get(site.client) ?? 0) + 1);
  });
  return counts;
}
