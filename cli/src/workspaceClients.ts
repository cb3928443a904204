/**
 * Cross-file clients for a CLI run: every checked file's exported clients, module resolution
 * over the checked files, and the `tsconfig.json` path aliases above the files that need them.
 */
import { promises as fs, readFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { analyzeText, emptyFacts, mayContainModelCode, type FileFacts, type ProjectFacts } from "../../rules/src/index";
import { moduleExportsOf, projectFactsFor, type ModuleExports } from "../../rules/src/project/exportedClients";
import { ModuleResolver } from "../../rules/src/project/moduleResolution";
import { parserReady } from "../../rules/src/parse/parser";
import { tsconfigAliases } from "../../rules/src/project/tsconfigAliases";

const slashed = (path: string) => path.split(sep).join("/");

/**
 * A function giving each file (by report path) its view of the project. `unread`: report paths
 * of files known without model code by the cache's metadata index, whose facts hold no text.
 * `loadGrammars`: loads the grammars of languages not loaded yet.
 */
export async function workspaceProject(root: string, sources: { path: string; facts: FileFacts }[], project: ProjectFacts, unread?: ReadonlySet<string>, loadGrammars?: (languages: FileFacts["language"][]) => Promise<void>): Promise<(path: string, facts: FileFacts) => ProjectFacts> {
  const absolute = (path: string) => slashed(resolve(root, path));
  // A module that only passes a client on (`from app.ai.base import client` in `__init__.py`)
  // has no model-code marker and was not parsed: it is, the first time an import goes through it.
  const byPath = new Map<string, FileFacts>();
  const notRead = new Set<string>();
  for (const { path, facts } of sources) {
    byPath.set(absolute(path), facts);
    if (unread?.has(path)) notRead.add(absolute(path));
  }
  const exportsCache = new Map<string, ModuleExports | undefined>();
  const exportsOf = (target: string): ModuleExports | undefined => {
    if (!exportsCache.has(target)) {
      const facts = byPath.get(target);
      const analysed = facts && notRead.has(target) ? readNow(target, facts.language) : facts && !mayContainModelCode(facts.text) ? parsedOrNull(facts) : facts;
      exportsCache.set(target, moduleExportsOf(analysed ?? null));
    }
    return exportsCache.get(target);
  };
  // A module an import goes through is parsed in `exportsOf`, which cannot wait: its grammar is
  // loaded now. A warm cached run may have parsed nothing, and loaded none.
  if (loadGrammars && sources.some((s) => s.facts.callSites.some((c) => c.importedFrom))) {
    const missing = [...new Set(sources.map((s) => s.facts.language))].filter((language) => !parserReady(language));
    if (missing.length > 0) await loadGrammars(missing);
  }
  const needsAliases = sources.filter((s) => s.facts.language !== "python" && s.facts.callSites.some((c) => c.importedFrom && !c.importedFrom.module.startsWith(".")));
  const aliases = await tsconfigAliases(needsAliases.map((s) => dirname(resolve(root, s.path))), (path) => fs.readFile(path, "utf8").catch(() => null), { join, dirname, slashed });
  const resolver = new ModuleResolver(new Set(byPath.keys()), aliases);
  return (path, facts) => projectFactsFor(project, absolute(path), facts, resolver, exportsOf);
}

/** A file the scan did not read, read now (decoded as readSource.ts does) and analysed; null when it cannot be. */
function readNow(path: string, language: FileFacts["language"]): FileFacts | null {
  try {
    return parsedOrNull(emptyFacts(new TextDecoder().decode(readFileSync(path)), language));
  } catch {
    return null;
  }
}

/** A file's facts with no prefilter; null when it cannot be analysed (it is reported as skipped elsewhere). */
function parsedOrNull(facts: FileFacts): FileFacts | null {
  try {
    return analyzeText(facts.text, facts.language);
  } catch {
    return null;
  }
}
