/**
 * Which paths of a workspace folder the scan leaves out: VS Code's `files.exclude`, pulled
 * per folder from the client. Globs are matched against the path relative to the folder,
 * and against each of its parent folders, as VS Code does. (`.gitignore` is honoured by the
 * walk itself, in rules/src/project/walk.ts; `ai-readiness.json`'s include/exclude per file,
 * by the config the reports lint each file with.)
 */
import { globToRegExp } from "../../rules/src/config/glob";

export class ExcludeFilter {
  private readonly patterns: RegExp[];

  constructor(readonly globs: readonly string[]) {
    this.patterns = globs.map(globToRegExp);
  }

  /** `relativePath` uses `/`; true when it or a folder above it matches a glob. */
  isExcluded(relativePath: string): boolean {
    if (this.patterns.length === 0) return false;
    const parts = relativePath.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join("/");
      if (this.patterns.some((p) => p.test(prefix))) return true;
    }
    return false;
  }
}

/**
 * The globs `files.exclude` turns on. An entry set to an object is a sibling condition
 * (`{ "when": "$(basename).ts" }`): it is not followed, so such files are scanned; scanning
 * one file too many is harmless, leaving out the user's code is not.
 */
export function filesExcludeGlobs(setting: unknown): string[] {
  if (!setting || typeof setting !== "object") return [];
  return Object.entries(setting as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
