/**
 * What the model catalogue says about a call's model id: a floating alias, a retired or
 * retiring model, or nothing known. Ids are matched exactly, and only where the id means
 * the provider's own model: an Azure deployment name or a model on another server
 * (`base_url` elsewhere) is whatever its owner made it.
 */
import type { CallSite } from "./facts";
import { FLOATING_ALIASES, RETIRED_MODELS, type FloatingAlias, type RetiredModel } from "./modelCatalogue";

const PROVIDER_HOSTS: Record<string, RegExp> = {
  openai: /^https:\/\/api\.openai\.com\b/,
  anthropic: /^https:\/\/api\.anthropic\.com\b/,
};

type CatalogueEntry = { alias?: FloatingAlias; retired?: RetiredModel };

/** Each call site is asked about by several checks and rules on every keystroke: answered once per site. */
const answers = new WeakMap<CallSite, CatalogueEntry>();

/** An alias whose snapshot is retiring retires with it: it is reported as retiring, not as unpinned. */
export function catalogueEntryOf(site: CallSite): CatalogueEntry {
  let answer = answers.get(site);
  if (!answer) {
    answer = lookUp(site);
    answers.set(site, answer);
  }
  return answer;
}

function lookUp(site: CallSite): CatalogueEntry {
  const id = site.model;
  if (!id || !site.modelSpan || !speaksForProvider(site)) return {};
  const alias = FLOATING_ALIASES.find((a) => a.alias === id && providerMatches(site, a.provider));
  const retired = RETIRED_MODELS.find((m) => m.id === id && providerMatches(site, m.provider));
  const snapshotRetired = alias?.snapshot ? RETIRED_MODELS.find((m) => m.id === alias.snapshot) : undefined;
  if (alias && snapshotRetired && !retired) return { alias, retired: { ...snapshotRetired, id } };
  return { alias, retired };
}

const FACTORY_OF = new Map<string, RegExp>();

/** The AI SDK's provider is in the factory (`openai("gpt-4o")`); the SDKs' in the client. */
function providerMatches(site: CallSite, provider: string): boolean {
  if ((site.sdk.modelProvider ?? site.sdk.provider) === provider) return true;
  if (site.sdk.clientClasses.length > 0) return false;
  let factory = FACTORY_OF.get(provider);
  if (!factory) FACTORY_OF.set(provider, (factory = new RegExp(`^${provider === "google" ? "google" : provider}\\b`, "i")));
  return factory.test(modelFactoryOf(site));
}

function modelFactoryOf(site: CallSite): string {
  return site.options?.entries.find((e) => e.name === "model")?.valueText ?? "";
}

/** The call goes to the provider itself (not Azure, another server, or a client from elsewhere). */
export function speaksForProvider(site: CallSite): boolean {
  // A client from another module may be an Azure one, whose `model` is a deployment name.
  if (site.clientResolution === "unresolved") return false;
  const client = site.client;
  if (client && /Azure|Bedrock|Vertex/.test(client.className)) return false;
  const baseUrl = client?.options?.entries.find((e) => e.name === site.sdk.baseUrlOption);
  if (baseUrl) return typeof baseUrl.literal === "string" && (PROVIDER_HOSTS[site.sdk.modelProvider ?? site.sdk.provider]?.test(baseUrl.literal) ?? false);
  return true;
}
