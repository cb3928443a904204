// `npm run soak -- [--seed N] [--edits N]`: compile, then run a long random editing session against
// an in-process language server (test/fuzz/soak.ts) and print its figures: requests answered or
// cancelled, crashes, and the heap after forced GCs against its size after the first 1,000 edits.
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b"], { cwd: root, stdio: "inherit" });
const result = spawnSync(process.execPath, ["--expose-gc", join(root, "out/test/fuzz/soakMain.js"), ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
