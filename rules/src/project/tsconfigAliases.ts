/**
 * The `compilerOptions.paths` aliases (`@/lib/ai`) of the `tsconfig.json` or `jsconfig.json`
 * nearest above some folders. Reads go through the function the host gives (no I/O here).
 */
import { parseJsonc, plainJson } from "../config/jsonc";
import { pathAliasesOf, type PathAliases } from "./moduleResolution";

export interface AliasPathFunctions {
  join(...parts: string[]): string;
  dirname(path: string): string;
  /** The path with `/` separators, as the module resolver keys files. */
  slashed(path: string): string;
}

export async function tsconfigAliases(folders: string[], readFile: (path: string) => Promise<string | null>, paths: AliasPathFunctions): Promise<PathAliases[]> {
  const found = new Map<string, PathAliases | null>();
  for (const start of new Set(folders)) {
    for (let dir = start; ; dir = paths.dirname(dir)) {
      if (found.has(dir)) break;
      const aliases = await readAliases(dir, readFile, paths);
      found.set(dir, aliases);
      if (aliases || paths.dirname(dir) === dir) break;
    }
  }
  return [...found.values()].filter((a): a is PathAliases => a !== null);
}

async function readAliases(dir: string, readFile: (path: string) => Promise<string | null>, paths: AliasPathFunctions): Promise<PathAliases | null> {
  for (const name of ["tsconfig.json", "jsconfig.json"]) {
    const text = await readFile(paths.join(dir, name));
    if (text === null) continue;
    try {
      const config = parseJsonc(text);
      const options = config.kind === "object" ? config.members.find((m) => m.key === "compilerOptions")?.value : undefined;
      return options?.kind === "object" ? pathAliasesOf(paths.slashed(dir), plainJson(options) as Record<string, unknown>) : null;
    } catch {
      return null; // a broken tsconfig names no aliases; the compiler reports it
    }
  }
  return null;
}
