import type { Rule, FindingDraft } from "../../rule";

/** Blocking client classes and their async twins. */
const ASYNC_TWIN: Record<string, string> = {
  OpenAI: "AsyncOpenAI",
  AzureOpenAI: "AsyncAzureOpenAI",
  Anthropic: "AsyncAnthropic",
  AnthropicBedrock: "AsyncAnthropicBedrock",
  AnthropicVertex: "AsyncAnthropicVertex",
};

export const syncClientInAsync: Rule = {
  id: "sync-client-in-async",
  factor: "compute",
  tier: "recommended",
  severity: "warning",
  summary: "A blocking model client called inside `async def`",
  fix: null,
  check(context) {
    const findings: FindingDraft[] = [];
    if (context.facts.language !== "python") return findings;
    for (const site of context.facts.callSites) {
      if (!site.context.isAsync || site.awaited) continue;
      const className = site.client ? site.client.className : site.clientResolution === "module" ? site.sdk.clientClasses[0] : undefined;
      const twin = className && ASYNC_TWIN[className];
      if (!twin) continue;
      findings.push({
        span: site.calleeSpan,
        message: `\`${site.calleeText}\` blocks the event loop inside \`async def\`: every other request waits while the model answers; use \`${twin}\` and \`await\` the call`,
        related: site.client && site.clientResolution === "local" ? [{ span: site.client.span, message: `the blocking \`${className}\` client` }] : [],
      });
    }
    return findings;
  },
};
