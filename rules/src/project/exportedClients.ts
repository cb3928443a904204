/**
 * The workspace's side of cross-file clients: which model clients each module exports, and a
 * per-file lookup the lint uses (`ProjectFacts.importedClient`).
 */
import type { ClientFact, FileFacts } from "../model/facts";
import type { ProjectFacts } from "../model/project";
import type { ModuleResolver } from "./moduleResolution";

/** Module-level clients of a file, by the name other modules import them as. */
export function exportedClientsOf(facts: FileFacts | null): Map<string, ClientFact> {
  const exported = new Map<string, ClientFact>();
  for (const client of facts?.clients ?? []) if (client.exported && !exported.has(client.name)) exported.set(client.name, client);
  return exported;
}

/** The project's facts as seen from `path`: its imports of project clients resolve through `resolver`. */
export function projectFactsFor(project: ProjectFacts, path: string, facts: FileFacts, resolver: ModuleResolver, exportsOf: (path: string) => Map<string, ClientFact> | undefined): ProjectFacts {
  if (!facts.callSites.some((site) => site.clientResolution === "imported")) return project;
  return {
    ...project,
    importedClient: (module, name) => {
      const target = resolver.resolve(path, module, facts.language);
      return (target && exportsOf(target)?.get(name)) || null;
    },
  };
}
