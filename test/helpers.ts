/** Paths and set-up shared by the cross-host tests. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The repository root (the folder with package.json), found from the compiled test file. */
export const REPO_ROOT = (() => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "rules"))) return dir;
    if (dirname(dir) === dir) throw new Error("repository root not found");
  }
})();

export const DIST = join(REPO_ROOT, "dist");
export const CLI = join(DIST, "cli.js");
export const SERVER = join(DIST, "server.js");
export const RULES_DIR = join(REPO_ROOT, "rules/src/rules");
export const EXAMPLES = join(REPO_ROOT, "examples");
