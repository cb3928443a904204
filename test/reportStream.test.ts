/**
 * The CLI writes its report a file at a time (and from worker threads): the bytes must be
 * those of the whole report serialized or rendered at once, and whole when the reader is slow.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { generateWorkspace } from "../bench/workspace";
import { parseArgs, type CheckArgs } from "../cli/src/args";
import { check } from "../cli/src/check";
import { renderText } from "../rules/src/index";
import { renderGithub } from "../rules/src/report/github";
import { renderSarif } from "../rules/src/report/sarif";
import { initTestEngine } from "../rules/src/testing";
import { CLI, EXAMPLES, RULES_DIR } from "./helpers";

function cli(threads: number, format: string, ...args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, "check", ...args, "--format", format], { encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: "1", AI_READINESS_WORKERS: String(threads) } });
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  return result.stdout;
}

const cliJson = (threads: number, ...args: string[]) => cli(threads, "json", ...args);

/** The whole report, collected in memory and serialized at once, as the CLI printed it before it streamed. */
async function wholeReport(...argv: string[]): Promise<string> {
  const { report } = await check(parseArgs(["check", ...argv]) as CheckArgs, process.cwd(), async () => "");
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The time taken is the one thing allowed to differ. */
const timeless = (text: string) => text.replace(/\n {4}"ms": \d+\n {2}\}\n\}\n$/, '\n    "ms": 0\n  }\n}\n');

describe("streamed JSON report", () => {
  let dir: string;
  before(async () => {
    await initTestEngine();
    dir = mkdtempSync(join(tmpdir(), "ai-readiness-stream-"));
    // Above the thread threshold with two threads asked for; model code in most files.
    generateWorkspace(dir, { files: 160, aiShare: 0.6, seed: 5 });
    writeFileSync(join(dir, "backend/app/binary.py"), Buffer.from([0x6f, 0x70, 0x65, 0x6e, 0x61, 0x69, 0, 1, 2]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("has the bytes of the whole report serialized at once, on examples/ and a generated folder, on 1 and 2 threads", async () => {
    for (const folder of [EXAMPLES, dir]) {
      const whole = timeless(await wholeReport(folder, "--format", "json"));
      assert.ok(whole.length > 10_000 && whole.includes('"fix": {'), "a report with findings and fixes");
      assert.ok(whole.endsWith('"ms": 0\n  }\n}\n'), "the time is blanked, nothing else");
      for (const threads of [1, 2]) assert.equal(timeless(cliJson(threads, folder)), whole, `${folder} on ${threads} thread(s)`);
    }
  });

  it("keeps --quiet and an empty folder byte for byte", async () => {
    assert.equal(timeless(cliJson(2, dir, "--quiet")), timeless(await wholeReport(dir, "--format", "json", "--quiet")));
    const empty = mkdtempSync(join(tmpdir(), "ai-readiness-stream-empty-"));
    try {
      writeFileSync(join(empty, "plain.py"), "print(1)\n");
      const text = cliJson(1, empty);
      assert.match(text, /"files": \[\],\n {2}"callSites": \[\],/);
      assert.equal(timeless(text), timeless(await wholeReport(empty, "--format", "json")));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("writes text, SARIF and GitHub annotations as the whole report renders them, on 1 and 2 threads", async () => {
    const { report } = await check(parseArgs(["check", dir]) as CheckArgs, process.cwd(), async () => "");
    const sources = new Map(report.files.map((f) => [f.path, readFileSync(join(dir, f.path), "utf8")]));
    const docs = (id: string) => readFileSync(join(RULES_DIR, id, "docs.md"), "utf8");
    const expected = {
      text: renderText(report, { color: false, source: (path) => sources.get(path) }),
      sarif: `${JSON.stringify(renderSarif(report, { docs }), null, 2)}\n`,
      github: renderGithub(report),
    };
    assert.match(expected.text, /\n {2}> \d+ \| /, "code frames in the text");
    for (const [format, text] of Object.entries(expected)) {
      for (const threads of [1, 2]) assert.equal(cli(threads, format, dir), text, `${format} on ${threads} thread(s)`);
    }
  });

  it("is whole and valid when stdout is a pipe read slowly", async () => {
    const child = spawn(process.execPath, [CLI, "check", dir, "--format", "json"], { env: { ...process.env, AI_READINESS_WORKERS: "2" }, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    // A pause after every read: the pipe fills and the CLI must wait for it.
    child.stdout.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 3);
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    assert.ok(code === 0 || code === 1, `exit ${code}`);
    const text = Buffer.concat(chunks).toString("utf8");
    assert.ok(chunks.length > 3, `read in several pieces (${chunks.length})`);
    assert.equal(timeless(text), timeless(cliJson(1, dir)));
  });
});
