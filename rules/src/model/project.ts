/** What the engine knows about the whole project, beyond one file. */
import type { Span } from "../types";
import type { ClientFact, FileFacts } from "./facts";

export interface ProjectFacts {
  /** Where auto-instrumentation is turned on, if anywhere: it traces every model call. */
  instrumentation: { path: string; span: Span } | null;
  /** Major version of the `ai` package from package.json: decides `maxTokens` (4) or `maxOutputTokens` (5+). */
  aiSdkMajor: number | null;
  /**
   * For the file being linted: the client another project module exports under `name`
   * (`from app.llm import client`), or null. Hosts that know the workspace provide it.
   */
  importedClient?: (module: string, name: string) => ClientFact | null;
}

export const EMPTY_PROJECT: ProjectFacts = { instrumentation: null, aiSdkMajor: null };

/** Folds the facts of every file into the project's. */
export function projectFromFiles(files: { path: string; facts: FileFacts | null }[], aiSdkMajor: number | null = null): ProjectFacts {
  let instrumentation: ProjectFacts["instrumentation"] = null;
  for (const { path, facts } of files) {
    const first = facts?.instrumentation[0];
    if (first && !instrumentation) instrumentation = { path, span: first };
  }
  return { instrumentation, aiSdkMajor };
}

/** The major version in a package.json dependency range (`^5.0.2` → 5), or null. */
export function majorOfRange(range: string | undefined): number | null {
  const match = range ? /(\d+)/.exec(range) : null;
  return match ? Number(match[1]) : null;
}

/** Reads `ai`'s version range from a package.json text; null when absent or unreadable. */
export function aiSdkMajorFromPackageJson(text: string): number | null {
  try {
    const manifest = JSON.parse(text) as Record<string, unknown>;
    for (const field of ["dependencies", "devDependencies", "peerDependencies"]) {
      const deps = manifest[field];
      if (deps && typeof deps === "object" && typeof (deps as Record<string, unknown>).ai === "string") {
        return majorOfRange((deps as Record<string, string>).ai);
      }
    }
  } catch {
    // A broken package.json says nothing about the AI SDK; the newest option names apply.
  }
  return null;
}
