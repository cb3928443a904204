// `npm start [-- folder]`: builds, then checks `examples/` (or the folder given). Exits 0
// when the check ran, findings or not; 2 when it could not run.
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit" });
// npm runs scripts from the package root; folders given after `--` are the user's, relative to where they typed.
const paths = process.argv.slice(2).map((p) => resolve(process.env.INIT_CWD ?? process.cwd(), p));
const result = spawnSync(process.execPath, [join(root, "dist/cli.js"), "check", "--exit-zero", ...(paths.length ? paths : [join(root, "examples")])], {
  stdio: "inherit",
});
process.exit(result.status ?? 2);
