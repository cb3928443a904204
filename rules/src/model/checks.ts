/**
 * The verdict of every check for one call site. Rules report `fail`; the report and the
 * readiness panel show all of them. `unknown` covers what the engine cannot see and
 * checks that do not apply (an embeddings call has no output limit).
 */
import type { Verdict } from "../types";
import type { CallSite, FileFacts, JsonParseFact, OptionEntry, OptionsBag } from "./facts";
import type { ProjectFacts } from "./project";
import { isGatewayUrl } from "./telemetryCatalogue";
import { catalogueEntryOf } from "./models";
import { textMatches } from "./textScan";
import type { Wrappers } from "../config/lintConfig";

export interface CallChecks {
  timeout: Verdict;
  outputLimit: Verdict;
  usageRecorded: Verdict;
  telemetry: Verdict;
  outputGuarded: Verdict;
  errorHandling: Verdict;
  modelPinned: Verdict;
}

export type CheckName = keyof CallChecks;

/** Why the timeout check failed: nothing set, or set to `None`/`null` on purpose. */
export interface TimeoutDetail {
  verdict: Verdict;
  disabledBy?: OptionEntry;
}

const NO_WRAPPERS: Wrappers = { tracing: [], timeout: [] };

/** `wrappers`: the team's own helpers from the config; a call inside one passes what it provides. */
export function computeChecks(facts: FileFacts, index: number, project: ProjectFacts, wrappers: Wrappers = NO_WRAPPERS): CallChecks {
  const site = facts.callSites[index];
  if (site.broken) {
    return { timeout: "unknown", outputLimit: "unknown", usageRecorded: "unknown", telemetry: "unknown", outputGuarded: "unknown", errorHandling: "unknown", modelPinned: "unknown" };
  }
  const wrappedBy = (names: string[]) => site.context.wrappers.some((w) => names.includes(w));
  const telemetry = wrappedBy(wrappers.tracing) ? "pass" : telemetryCheck(site, project);
  return {
    timeout: wrappedBy(wrappers.timeout) ? "pass" : timeoutCheck(site, facts.text).verdict,
    outputLimit: outputLimitCheck(site, facts.text),
    usageRecorded: usageCheck(site, project),
    telemetry,
    outputGuarded: outputGuardedCheck(facts, index),
    errorHandling: site.insideTry ? "pass" : "fail",
    modelPinned: modelPinnedCheck(site),
  };
}

/** `fail` for a floating alias or a retiring model the catalogue knows; `pass` for a dated id. */
function modelPinnedCheck(site: CallSite): Verdict {
  const { alias, retired } = catalogueEntryOf(site);
  if (alias || retired) return "fail";
  return site.model && /\d{4}-?\d{2}-?\d{2}|@\d{8}$|-\d{3,4}$/.test(site.model) ? "pass" : "unknown";
}

function entry(bag: OptionsBag | null, names: string[]): OptionEntry | undefined {
  return lookup(bag, names).found;
}

/**
 * The entry for one of `names` in the bag; `a.b` looks for `b` inside the object given as `a`.
 * `hidden`: the name may be set where the engine cannot see (a spread, or `a` given as a variable).
 */
function lookup(bag: OptionsBag | null, names: string[]): { found?: OptionEntry; hidden: boolean } {
  if (!bag) return { hidden: false };
  let hidden = bag.hasSpread;
  for (const name of names) {
    const dot = name.indexOf(".");
    const outer = dot < 0 ? name : name.slice(0, dot);
    const first = bag.entries.find((e) => e.name === outer);
    if (!first) continue;
    if (dot < 0) return { found: first, hidden };
    if (!first.nested) {
      hidden = true;
      continue;
    }
    const inner = lookup(first.nested, [name.slice(dot + 1)]);
    if (inner.found) return inner;
    hidden ||= inner.hidden;
  }
  return { hidden };
}

/** A bag that sets `names`: `pass`, `fail` when set to None/null, `unknown` when it may be hidden in a spread. */
function bagSets(bag: OptionsBag | null, names: string[]): { verdict: Verdict | null; disabledBy?: OptionEntry } {
  if (!bag) return { verdict: null };
  const { found, hidden } = lookup(bag, names);
  // `httpx.Timeout(None, connect=5)` bounds the connection only: reads wait forever.
  if (found) return found.literal === null || /^httpx\.Timeout\(\s*(timeout\s*=\s*)?None\b/.test(found.valueText) ? { verdict: "fail", disabledBy: found } : { verdict: "pass" };
  return { verdict: hidden ? "unknown" : null };
}

export function timeoutCheck(site: CallSite, text: string): TimeoutDetail {
  const { timeout } = site.sdk;
  const names = [timeout.option, ...timeout.alternatives];
  // JS SDK clients take the timeout in the request options, not the body (Google's `config.httpOptions` aside).
  const bodyNames = site.sdk.ecosystem === "python" || site.sdk.clientClasses.length === 0 ? names : timeout.alternatives.filter((n) => n.startsWith("config."));
  // The call, then `with_options`, then the client: the nearest setting wins.
  for (const [bag, bagNames] of [[bodyNames.length > 0 ? site.options : null, bodyNames], [site.requestOptions, names], [site.withOptions, names]] as const) {
    const result = bagSets(bag, bagNames);
    if (result.verdict) return { verdict: result.verdict, disabledBy: result.disabledBy };
  }
  if (site.sdk.clientClasses.length > 0) {
    if (site.requestOptions && site.requestOptions.entries.length === 0 && site.requestOptions.hasSpread) return { verdict: "unknown" };
    if (site.options === null && site.sdk.ecosystem === "python") return { verdict: "unknown" };
    if (site.clientResolution === "unresolved") return { verdict: "unknown" };
    if (site.clientResolution === "local" || site.clientResolution === "imported") {
      const client = site.client!;
      if (!client.options) return { verdict: "unknown" };
      const result = bagSets(client.options, timeout.clientOnly ? names : [timeout.option]);
      if (result.verdict) return { verdict: result.verdict, disabledBy: result.disabledBy };
      // A custom HTTP client may carry its own timeout.
      if (entry(client.options, ["http_client", "httpAgent", "httpClient", "fetch", "fetchOptions"])) return { verdict: "unknown" };
    }
  } else if ((site.options === null && site.sdk.http?.requestOptionsArgument === undefined) || textMatches(text, CUSTOM_FETCH)) {
    // A provider made with its own `fetch` (`createOpenAI({ fetch })`) may bound every request.
    return { verdict: "unknown" };
  }
  const finiteDefault = timeout.defaultSeconds !== null && timeout.defaultSeconds <= 60;
  return { verdict: finiteDefault ? "pass" : "fail" };
}

/** A provider factory given its own `fetch`. */
const CUSTOM_FETCH = /create[A-Z]\w*\(\s*\{[\s\S]{0,2000}?\bfetch\b/;
/** AI SDK model wrappers that can carry default settings such as `maxOutputTokens`. */
const MODEL_DEFAULTS = /defaultSettingsMiddleware|wrapLanguageModel/;

export function outputLimitCheck(site: CallSite, text: string): Verdict {
  const names = site.method.outputLimit;
  if (names.length === 0) return "unknown";
  if (site.sdk.limitsOnClient) return modelObjectLimit(site, names);
  if (!site.options) return "unknown";
  if (site.sdk.clientClasses.length === 0 && (entry(site.options, ["prepareStep"]) || textMatches(text, MODEL_DEFAULTS))) return "unknown";
  const { found, hidden } = lookup(site.options, names);
  if (found) return found.literal === null ? "fail" : "pass";
  return hidden ? "unknown" : "fail";
}

/** LangChain: the limit is set on the chat model (or bound per call); some models cap output by default. */
function modelObjectLimit(site: CallSite, names: string[]): Verdict {
  for (const bag of [site.options, site.client?.options ?? null]) {
    const { found, hidden } = lookup(bag, names);
    if (found) return found.literal === null ? "fail" : "pass";
    if (hidden) return "unknown";
  }
  if (site.sdk.outputLimitDefault !== undefined) return "pass";
  return site.client?.options ? "fail" : "unknown";
}

function usageCheck(site: CallSite, project: ProjectFacts): Verdict {
  // LangChain: LangSmith (turned on from the environment) records usage along with the traces.
  // Plain HTTP answers with a response whose JSON the engine does not follow.
  if (site.sdk.unbilled || site.sdk.tracedByEnvironment || site.sdk.http || site.method.reportsUsage === false) return "unknown";
  if (site.client?.instrumented || project.instrumentation || telemetryOption(site) === "pass") return "pass";
  if (entry(site.options, ["onFinish", "onStepFinish"])) return "pass";
  if (site.rawResponse) return "unknown";
  if (site.options?.hasSpread && site.sdk.clientClasses.length === 0) return "unknown";
  const result = site.result;
  switch (result.kind) {
    case "dropped":
      return "fail";
    case "returned":
      return "pass";
    case "destructured":
      if (result.names.some((n) => n.startsWith("..."))) return "unknown";
      return result.names.some((n) => ["usage", "totalUsage", "usage_metadata", "steps"].includes(n)) ? "pass" : "fail";
    case "bound":
    case "other":
      // An SDK stream reports usage in its chunks, where the engine does not follow yet.
      return site.isStream && site.sdk.clientClasses.length > 0 && result.usageRead === "fail" ? "unknown" : result.usageRead;
  }
}

/** The AI SDK's `experimental_telemetry: { isEnabled: true }` (AI SDK ≤ 6, opt-in) or `telemetry` (AI SDK 7, on when given). */
function telemetryOption(site: CallSite): Verdict | null {
  const option = entry(site.options, ["experimental_telemetry", "telemetry"]);
  if (!option) return null;
  const enabled = option.nested?.entries.find((e) => e.name === "isEnabled");
  if (enabled?.literal === true) return "pass";
  if (enabled?.literal === false) return null;
  return option.name === "telemetry" && option.nested ? "pass" : "unknown";
}

export function telemetryCheck(site: CallSite, project: ProjectFacts): Verdict {
  if (site.insideSpan || site.client?.instrumented || project.instrumentation) return "pass";
  const fromOption = telemetryOption(site);
  if (fromOption) return fromOption;
  const baseUrl = site.client?.options ? entry(site.client.options, [site.sdk.baseUrlOption]) : undefined;
  if (baseUrl && (typeof baseUrl.literal !== "string" || isGatewayUrl(baseUrl.literal))) {
    // A gateway records every request; a base URL from a variable may well be one.
    return typeof baseUrl.literal === "string" ? "pass" : "unknown";
  }
  if (site.clientResolution === "unresolved" || site.sdk.tracedByEnvironment) return "unknown";
  if (site.options?.hasSpread && site.sdk.clientClasses.length === 0) return "unknown";
  return "fail";
}

function outputGuardedCheck(facts: FileFacts, index: number): Verdict {
  const parses = parsesBySource(facts).get(index);
  if (!parses) return "unknown";
  return parses.some((p) => isUnguardedParse(facts, p)) ? "fail" : "pass";
}

/** Each file's JSON parses by the call site they parse the output of: one pass, not one per call site. */
const parsesGrouped = new WeakMap<FileFacts, Map<number, JsonParseFact[]>>();

function parsesBySource(facts: FileFacts): Map<number, JsonParseFact[]> {
  let grouped = parsesGrouped.get(facts);
  if (!grouped) {
    grouped = new Map();
    for (const parse of facts.jsonParses) {
      if (parse.source === null) continue;
      const list = grouped.get(parse.source);
      if (list) list.push(parse);
      else grouped.set(parse.source, [parse]);
    }
    parsesGrouped.set(facts, grouped);
  }
  return grouped;
}

/** The call asks for schema-checked output (`.parse()`, `generateObject`, `response_format` with a JSON schema). */
export function hasStructuredOutput(site: CallSite): boolean {
  if (site.method.structuredOutput) return true;
  const format = entry(site.options, ["response_format", "text", "output", "experimental_output"]);
  return format !== undefined && /json_schema|zodResponseFormat|zodTextFormat|Output\.object/.test(format.valueText);
}

/** A parse of model output with no try, no validation, from a call without structured output. */
export function isUnguardedParse(facts: FileFacts, parse: JsonParseFact): boolean {
  if (parse.broken || parse.insideTry || parse.validated || parse.source === null) return false;
  return !hasStructuredOutput(facts.callSites[parse.source]);
}
