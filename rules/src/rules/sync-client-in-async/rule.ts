import type { Rule, FindingDraft, RuleContext } from "../../rule";
import type { CallSite, ClientFact } from "../../model/facts";
import { importEdit } from "../../edits";
import type { Edit, Fix } from "../../types";

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
  fix: "unsafe",
  check(context) {
    const findings: FindingDraft[] = [];
    if (context.facts.language !== "python") return findings;
    // One fix per client, shared by its findings: it edits every call through the client.
    const fixes = new Map<ClientFact, Fix | null>();
    const fixFor = (client: ClientFact, twin: string) => {
      if (!fixes.has(client)) fixes.set(client, asyncClientFix(context, client, twin));
      return fixes.get(client)!;
    };
    for (const site of context.facts.callSites) {
      if (!site.context.isAsync || site.awaited) continue;
      const className = site.client ? site.client.className : site.clientResolution === "module" ? site.sdk.clientClasses[0] : undefined;
      const twin = className && ASYNC_TWIN[className];
      if (!twin) continue;
      const local = site.client && site.clientResolution === "local" ? site.client : null;
      findings.push({
        span: site.calleeSpan,
        message: `\`${site.calleeText}\` blocks the event loop inside \`async def\`: every other request waits while the model answers; use \`${twin}\` and \`await\` the call`,
        related: local ? [{ span: local.span, message: `the blocking \`${className}\` client` }] : [],
        fix: local ? fixFor(local, twin) : null,
      });
    }
    return findings;
  },
};

/**
 * Builds the client from the async class and awaits every call through it. Offered only when
 * every one of those calls is in an `async def` (a sync caller would get a coroutine back).
 */
function asyncClientFix(context: RuleContext, client: ClientFact, twin: string): Fix | null {
  const { facts } = context;
  const calls = facts.callSites.filter((s) => s.client === client);
  if (calls.some((s) => !s.context.isAsync || s.broken)) return null;
  const construction = facts.text.slice(client.span.start, client.span.end);
  const callee = new RegExp(`^((?:[\\w]+\\.)*)${client.className}(\\s*\\()`).exec(construction);
  if (!callee) return null;
  const classAt = client.span.start + callee[1].length;
  const qualified = callee[1] !== "";
  const edits: Edit[] = [
    { start: classAt, end: classAt + client.className.length, text: twin },
    // `openai.AsyncOpenAI` needs no import; a bare name does.
    ...(qualified ? [] : importEdit(facts, `from ${client.sdk.modules[0]} import ${twin}`, new RegExp(`\\bimport\\b[^\\n]*\\b${twin}\\b`).test(facts.text))),
    ...calls.filter((s) => !s.awaited).map((s: CallSite) => ({ start: s.span.start, end: s.span.start, text: "await " })),
  ];
  return { title: `Use ${twin} and await its ${calls.length === 1 ? "call" : `${calls.length} calls`}`, safety: "unsafe", edits };
}
