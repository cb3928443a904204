// `npm run test:electron`: the editor tests of test/e2e in desktop VS Code, through
// @vscode/test-electron, on a machine that can download VS Code (or has one: set
// VSCODE_EXECUTABLE to its binary). VSCODE_VERSION picks the version to download
// (default: stable). On Linux without a display, run it under xvfb-run.
// Same suite, same fixtures as `npm run test:e2e`, which runs it in code-server instead.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runTests } from "@vscode/test-electron";
import { USER_SETTINGS, prepareWorkspace } from "./e2e.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit" });
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b"], { cwd: root, stdio: "inherit" });

const tmp = mkdtempSync(join(tmpdir(), "ai-readiness-electron-"));
const workspace = prepareWorkspace(join(tmp, "workspace"));
const userData = join(tmp, "user-data");
mkdirSync(join(userData, "User"), { recursive: true });
writeFileSync(join(userData, "User/settings.json"), JSON.stringify(USER_SETTINGS, null, 2));
const resultFile = join(tmp, "result.json");

let exitCode = 1;
try {
  exitCode = await runTests({
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : { version: process.env.VSCODE_VERSION || "stable" }),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, "out/test/e2e/index.js"),
    extensionTestsEnv: { AI_READINESS_E2E_RESULT: resultFile },
    launchArgs: [
      workspace,
      "--user-data-dir", userData,
      "--extensions-dir", join(tmp, "extensions"),
      "--disable-gpu",
    ],
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
}

let summary;
try {
  summary = JSON.parse(readFileSync(resultFile, "utf8"));
} catch {
  summary = { passed: 0, failed: 1 };
}
const failed = summary.failed + (exitCode !== 0 && summary.failed === 0 ? 1 : 0);
if (failed === 0 && summary.passed > 0) rmSync(tmp, { recursive: true, force: true });
else console.log(`kept the workspace and VS Code's logs in ${tmp}`);
console.log(`${summary.passed} passed, ${failed} failed`);
process.exit(failed === 0 && summary.passed > 0 ? 0 : 1);
