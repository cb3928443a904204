// `npm test`: bundle (the CLI and server tests run the real bundles), type-check and
// compile, then run every *.test.js under out/ with node:test.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });

run(process.execPath, [join(root, "scripts/build.mjs")]);
run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b"]);

function testFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "e2e") found.push(...testFiles(path));
    } else if (name.endsWith(".test.js")) found.push(path);
  }
  return found;
}

const only = process.argv.slice(2);
const files = testFiles(join(root, "out")).filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error("no test files found under out/");
  process.exit(1);
}
const result = spawnSync(process.execPath, ["--test", "--test-reporter=spec", ...files], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
