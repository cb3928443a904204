// npm's `prepare`: builds dist/ when the package is installed from its repository (a git
// install, `npm pack`, pre-commit's hook install), not from a registry tarball.
//
// `npm install -g <git url>` prepares the clone with a nested `npm install` that inherits
// global mode through npm_config_global (or npm_config_location), so the clone gets no
// devDependencies and the build has no esbuild. Then they are installed here, locally.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");

const globalInstall = process.env.npm_config_global === "true" || process.env.npm_config_location === "global";
const globalGitInstall = globalInstall && process.env.npm_execpath;
if (globalGitInstall && !existsSync(join(root, "node_modules", "esbuild"))) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_config_(global|location)$/i.test(key)) delete env[key];
  // --ignore-scripts: no second `prepare` from this install; the build needs no install script.
  execFileSync(process.execPath, [process.env.npm_execpath, "install", "--no-save", "--include=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--global=false"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
