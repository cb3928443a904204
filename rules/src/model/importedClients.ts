/**
 * Call sites on clients imported from other project modules, resolved at lint time through
 * the workspace: the client's SDK and settings replace the provisional ones; a receiver the
 * workspace cannot resolve to a model client is no call site at all (a Twilio `client` also
 * has `messages.create`).
 */
import type { CallSite, FileFacts } from "./facts";
import type { ProjectFacts } from "./project";

export function resolveImportedCallSites(facts: FileFacts, project: ProjectFacts): FileFacts {
  if (!facts.callSites.some((site) => site.clientResolution === "imported")) return facts;
  const newIndex = new Map<number, number>();
  const callSites: CallSite[] = [];
  facts.callSites.forEach((site, index) => {
    let resolved: CallSite | null = site;
    if (site.clientResolution === "imported") {
      const client = site.importedFrom ? (project.importedClient?.(site.importedFrom.module, site.importedFrom.name) ?? null) : null;
      const method = client?.sdk.methods.find((m) => m.path === site.method.path);
      resolved = client && method ? { ...site, sdk: client.sdk, method, client } : null;
    }
    if (!resolved) return;
    newIndex.set(index, callSites.length);
    callSites.push(resolved);
  });
  const remap = <T extends { source: number | null }>(items: T[]): T[] =>
    items.flatMap((item) => (item.source === null ? [item] : newIndex.has(item.source) ? [{ ...item, source: newIndex.get(item.source)! }] : []));
  return {
    ...facts,
    callSites,
    jsonParses: remap(facts.jsonParses),
    sinks: remap(facts.sinks),
    uncheckedContents: remap(facts.uncheckedContents),
    loggedContent: remap(facts.loggedContent),
  };
}
