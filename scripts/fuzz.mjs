// `npm run fuzz -- [--seed N] [--cases N] [--case N]`: compile, then feed mutated Python and
// TS/JS files to the engine and the language server (test/fuzz/). Prints the seed first and
// `N cases, N crashes, N budget overruns` last; exits 1 on any crash or overrun.
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b"], { cwd: root, stdio: "inherit" });
const result = spawnSync(process.execPath, ["--expose-gc", join(root, "out/test/fuzz/main.js"), ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
