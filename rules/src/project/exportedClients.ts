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

/** What a module offers importers: its own clients, and names it passes on from others. */
export interface ModuleExports {
  clients: Map<string, ClientFact>;
  reexports: FileFacts["reexports"];
  language: FileFacts["language"];
}

export function moduleExportsOf(facts: FileFacts | null): ModuleExports | undefined {
  return facts ? { clients: exportedClientsOf(facts), reexports: facts.reexports, language: facts.language } : undefined;
}

/** Re-exports followed at most this deep (`index.ts` → `ai/index.ts` → `ai/client.ts`…). */
const MAX_REEXPORT_DEPTH = 5;

/** The project's facts as seen from `path`: its imports of project clients resolve through `resolver`. */
export function projectFactsFor(project: ProjectFacts, path: string, facts: FileFacts, resolver: ModuleResolver, exportsOf: (path: string) => ModuleExports | undefined): ProjectFacts {
  if (!facts.callSites.some((site) => site.clientResolution === "imported")) return project;
  const find = (from: string, language: FileFacts["language"], module: string, name: string, depth: number): ClientFact | null => {
    const target = resolver.resolve(from, module, language);
    const exports = target ? exportsOf(target) : undefined;
    if (!target || !exports) return null;
    const own = exports.clients.get(name);
    if (own) return own;
    if (depth >= MAX_REEXPORT_DEPTH) return null;
    for (const reexport of exports.reexports) {
      if (reexport.name !== name && reexport.name !== "*") continue;
      const found = find(target, exports.language, reexport.module, reexport.name === "*" ? name : reexport.imported, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return { ...project, importedClient: (module, name) => find(path, facts.language, module, name, 0) };
}
