/**
 * Cross-file clients for a CLI run: every checked file's exported clients, module resolution
 * over the checked files, and the `tsconfig.json` path aliases above the files that need them.
 */
import { promises as fs } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { analyzeText, mayContainModelCode, type FileFacts, type ProjectFacts } from "../../rules/src/index";
import { parseJsonc, type JsonValue } from "../../rules/src/config/jsonc";
import { moduleExportsOf, projectFactsFor, type ModuleExports } from "../../rules/src/project/exportedClients";
import { ModuleResolver, pathAliasesOf, type PathAliases } from "../../rules/src/project/moduleResolution";

const slashed = (path: string) => path.split(sep).join("/");

/** A function giving each file (by report path) its view of the project. */
export async function workspaceProject(root: string, sources: { path: string; facts: FileFacts }[], project: ProjectFacts): Promise<(path: string, facts: FileFacts) => ProjectFacts> {
  const absolute = (path: string) => slashed(resolve(root, path));
  // A module that only passes a client on (`from app.ai.base import client` in `__init__.py`)
  // has no model-code marker and was not parsed: it is, the first time an import goes through it.
  const byPath = new Map(sources.map((s) => [absolute(s.path), s.facts]));
  const exportsCache = new Map<string, ModuleExports | undefined>();
  const exportsOf = (target: string): ModuleExports | undefined => {
    if (!exportsCache.has(target)) {
      const facts = byPath.get(target);
      exportsCache.set(target, moduleExportsOf((facts && !mayContainModelCode(facts.text) ? parsedOrNull(facts) : facts) ?? null));
    }
    return exportsCache.get(target);
  };
  const needsAliases = sources.filter((s) => s.facts.language !== "python" && s.facts.callSites.some((c) => c.importedFrom && !c.importedFrom.module.startsWith(".")));
  const aliases = await tsconfigAliases(needsAliases.map((s) => dirname(resolve(root, s.path))));
  const resolver = new ModuleResolver(new Set(byPath.keys()), aliases);
  return (path, facts) => projectFactsFor(project, absolute(path), facts, resolver, exportsOf);
}

/** A file's facts with no prefilter; null when it cannot be analysed (it is reported as skipped elsewhere). */
function parsedOrNull(facts: FileFacts): FileFacts | null {
  try {
    return analyzeText(facts.text, facts.language);
  } catch {
    return null;
  }
}

/** The nearest tsconfig.json (or jsconfig.json) above each folder, read once. */
async function tsconfigAliases(folders: string[]): Promise<PathAliases[]> {
  const found = new Map<string, PathAliases | null>();
  for (const start of new Set(folders)) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (found.has(dir)) break;
      const aliases = await readAliases(dir);
      found.set(dir, aliases);
      if (aliases || dirname(dir) === dir) break;
    }
  }
  return [...found.values()].filter((a): a is PathAliases => a !== null);
}

async function readAliases(dir: string): Promise<PathAliases | null> {
  for (const name of ["tsconfig.json", "jsconfig.json"]) {
    const text = await fs.readFile(join(dir, name), "utf8").catch(() => null);
    if (text === null) continue;
    try {
      const config = parseJsonc(text);
      const options = config.kind === "object" ? config.members.find((m) => m.key === "compilerOptions")?.value : undefined;
      return options?.kind === "object" ? pathAliasesOf(slashed(dir), plain(options) as Record<string, unknown>) : null;
    } catch {
      return null; // a broken tsconfig names no aliases; the compiler reports it
    }
  }
  return null;
}

function plain(value: JsonValue): unknown {
  if (value.kind === "object") return Object.fromEntries(value.members.map((m) => [m.key, plain(m.value)]));
  if (value.kind === "array") return value.items.map(plain);
  return value.kind === "null" ? null : value.value;
}
