/**
 * The editor tests' entry: VS Code loads this module in its extension host (given as
 * `extensionTestsPath`) and awaits `run()`. The same module serves code-server
 * (`npm run test:e2e`) and desktop VS Code through @vscode/test-electron (`npm run test:electron`).
 *
 * When AI_READINESS_E2E_RESULT names a file, a JSON summary of the run is written there
 * for the driver, which cannot otherwise see inside the extension host.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Mocha from "mocha";

export function run(): Promise<void> {
  // AI_READINESS_E2E_GREP runs only the tests whose full title matches it.
  const grep = process.env.AI_READINESS_E2E_GREP;
  const mocha = new Mocha({ ui: "bdd", reporter: "spec", color: false, timeout: 120_000, ...(grep ? { grep } : {}) });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith(".test.js")).sort()) mocha.addFile(join(__dirname, file));

  const summary = { passed: 0, failed: 0, pending: 0, tests: [] as { title: string; state: string; ms?: number; error?: string }[] };
  const resultFile = process.env.AI_READINESS_E2E_RESULT;
  const write = (extra: object = {}) => {
    if (resultFile) writeFileSync(resultFile, JSON.stringify({ ...summary, ...extra }, null, 2));
  };

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        write();
        if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
        else resolve();
      });
      runner.on("pass", (test) => {
        summary.passed++;
        summary.tests.push({ title: test.fullTitle(), state: "passed", ms: test.duration });
      });
      runner.on("fail", (test, error: unknown) => {
        summary.failed++;
        summary.tests.push({ title: test.fullTitle(), state: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      });
      runner.on("pending", (test) => {
        summary.pending++;
        summary.tests.push({ title: test.fullTitle(), state: "skipped" });
      });
    } catch (error) {
      write({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      reject(error);
    }
  });
}
