/**
 * `check --cache` with its metadata index (`--cache-strategy metadata`, the default), as a user
 * runs it (the built CLI): a warm run writes the report of a run without the cache, on 1 and 2
 * threads, without reading the files that add nothing to it; an edit (even one that keeps the
 * size and puts the modification time back), a deletion, a rename and a damaged index are
 * seen; a file changed just before a run is not trusted; `--cache-strategy content` never
 * trusts the index; a run over two files keeps the others' records.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { after, before, describe, it } from "node:test";
import { generateWorkspace } from "../bench/workspace";
import { parseArgs, UsageError, type CheckArgs } from "../cli/src/args";
import { formatIndex, parseIndex, type IndexRecord } from "../cli/src/metadataIndex";
import { RACY_MARGIN_MS, ResultCache, stampOf } from "../cli/src/resultCache";
import { mayContainModelCode } from "../rules/src/index";
import { findSourceFiles } from "../rules/src/project/walk";
import { promises as fs } from "node:fs";
import { CLI, DIST, REPO_ROOT } from "./helpers";

const temp = mkdtempSync(join(tmpdir(), "ai-readiness-metadata-index-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const ENV = { NO_COLOR: "1", TMPDIR: temp, TMP: temp, TEMP: temp };

function run(args: string[], threads = 1) {
  const result = spawnSync(process.execPath, [CLI, "check", ...args], { cwd: temp, encoding: "utf8", env: { ...process.env, ...ENV, AI_READINESS_WORKERS: String(threads) } });
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  assert.equal(result.stderr, "");
  return result.stdout;
}

const timeless = (stdout: string) => stdout.replace(/"ms": [0-9.]+/, '"ms": 0');
const uncached = (folder: string) => timeless(run([folder, "--format", "json"]));
const cached = (folder: string, location: string, threads = 1, ...more: string[]) => timeless(run([folder, "--format", "json", "--cache-location", location, ...more], threads));

let n = 0;
const freshLocation = () => join(temp, `cache-${n++}`);
const indexPath = (location: string) => join(location, "facts", "index.json");

/** The index's records by absolute path; throws when there is no sound index. */
function recordsOf(location: string): Map<string, IndexRecord> {
  const content = readFileSync(indexPath(location), "utf8");
  const stamp = (JSON.parse(content.slice(0, content.indexOf("\n"))) as { stamp: string }).stamp;
  return parseIndex(content, stamp, location);
}

/** Until every file written so far is older than the margin: only then does a run record it. */
const pastTheMargin = () => new Promise((resolve) => setTimeout(resolve, RACY_MARGIN_MS + 300));

/** A TypeScript file without model markers that a text-only check flags: it adds a finding, so it is read every run. */
const PUBLIC_KEY = "export const key = process.env.NEXT_PUBLIC_LLM_API_KEY;\n";
const PLAIN = "export function add(a: number, b: number): number {\n  return a + b;\n}\n";
const AN_HOUR_AGO = Math.floor(Date.now() / 1000) - 3600;
const FLAGGED = "export const k = process.env.NEXT_PUBLIC_AI_KEY;";
/** `text` padded with line breaks to `size` bytes. */
const sameLength = (text: string, size: number) => text + "\n".repeat(size - Buffer.byteLength(text));

let workspace: string;
/** No call on an imported client: the scan stays on 2 threads (with one, they give up after the analysis). */
let pooled: string;
let fileCount: number;
/** Files with model markers, and the one flagged without any. */
let mustRead: Set<string>;
before(async () => {
  workspace = join(temp, "workspace");
  generateWorkspace(workspace, { files: 200, aiShare: 0.2, seed: 29 });
  mkdirSync(join(workspace, "backend/app/llm"), { recursive: true });
  writeFileSync(join(workspace, "backend/app/llm/client.py"), "from openai import OpenAI\n\nclient = OpenAI(timeout=20.0)\n");
  // Passes the client on with no marker of its own: never read on a warm run until an import goes through it.
  writeFileSync(join(workspace, "backend/app/llm/__init__.py"), "from app.llm.client import client\n");
  writeFileSync(join(workspace, "backend/zz_routes.py"), 'from app.llm import client\n\n\ndef answer(q):\n    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=10, messages=[{"role": "user", "content": q}])\n');
  writeFileSync(join(workspace, "web/src/publicKey.ts"), PUBLIC_KEY);
  writeFileSync(join(workspace, "web/src/plain.ts"), PLAIN);
  pooled = join(temp, "pooled");
  generateWorkspace(pooled, { files: 300, aiShare: 0.2, seed: 37 });
  writeFileSync(join(pooled, "web/publicKey.ts"), PUBLIC_KEY);
  const files = await findSourceFiles([workspace], fs, join, { gitignore: true, skipped: () => {} });
  fileCount = files.length;
  mustRead = new Set(files.filter((f) => mayContainModelCode(readFileSync(f.path, "utf8"))).map((f) => f.path));
  mustRead.add(join(workspace, "web/src/publicKey.ts"));
  await pastTheMargin();
});

/** The paths of the folder the check reads (through `readFile` or `readFileSync`), in process: the CLI's check over the compiled engine. */
function filesRead(folder: string, location: string, strategy = "metadata"): { read: string[]; callSites: number } {
  const script = `
    const fs = require("node:fs");
    const read = [];
    const readFile = fs.promises.readFile;
    fs.promises.readFile = (path, ...rest) => { read.push(String(path)); return readFile.call(fs.promises, path, ...rest); };
    const readFileSync = fs.readFileSync;
    fs.readFileSync = (path, ...rest) => { read.push(String(path)); return readFileSync.call(fs, path, ...rest); };
    const { check } = require(${JSON.stringify(join(REPO_ROOT, "out/cli/src/check.js"))});
    const { parseArgs } = require(${JSON.stringify(join(REPO_ROOT, "out/cli/src/args.js"))});
    const args = parseArgs(["check", process.argv[1], "--cache-location", process.argv[2], "--cache-strategy", process.argv[3]]);
    check(args, process.cwd(), async () => "", undefined, (file) => require("node:path").join(${JSON.stringify(DIST)}, file)).then((result) => {
      process.stdout.write(JSON.stringify({ read, callSites: result.report.callSites.length }));
    });`;
  const result = spawnSync(process.execPath, ["-e", script, folder, location, strategy], { cwd: temp, encoding: "utf8", env: { ...process.env, ...ENV, AI_READINESS_WORKERS: "1" } });
  assert.equal(result.status, 0, result.stderr);
  const parsed = JSON.parse(result.stdout) as { read: string[]; callSites: number };
  return { read: parsed.read.filter((path) => path.startsWith(folder + sep) && !path.endsWith(".json")), callSites: parsed.callSites };
}

describe("check --cache, metadata index", () => {
  it("writes on a warm run the report of a run without the cache, on 1 and 2 threads", () => {
    const without = uncached(workspace);
    const site = (JSON.parse(without) as { callSites: { path: string; checks: { timeout: string } }[] }).callSites.find((c) => c.path === "backend/zz_routes.py");
    assert.equal(site?.checks.timeout, "pass", "the client reached through __init__.py has its timeout");
    assert.match(without, /"rule": "browser-exposed-api-key"/);
    for (const [folder, report, files] of [[workspace, without, fileCount], [pooled, uncached(pooled), 301]] as const) {
      for (const threads of [1, 2]) {
        const location = freshLocation();
        assert.equal(cached(folder, location, threads), report, `${threads} threads: cold`);
        const records = recordsOf(location);
        assert.equal(records.size, files - 1, "a record for every file but the one a text-only check flags");
        assert.ok(![...records.keys()].some((path) => path.endsWith("publicKey.ts")));
        for (let round = 0; round < 2; round++) assert.equal(cached(folder, location, threads), report, `${folder}, ${threads} threads: warm run ${round}`);
      }
    }
  });

  it("reads on a warm run only the files with model markers and those a text-only check flags", () => {
    const location = freshLocation();
    const cold = filesRead(workspace, location);
    assert.equal(cold.read.length, fileCount, "a cold run reads every file, once");
    const warm = filesRead(workspace, location);
    // And the module the import of a client goes through, when it does.
    assert.deepEqual(new Set(warm.read), new Set([...mustRead, join(workspace, "backend/app/llm/__init__.py")]));
    assert.equal(warm.read.length, mustRead.size + 1, "each once");
    assert.equal(warm.callSites, cold.callSites);
    const content = filesRead(workspace, location, "content");
    assert.equal(content.read.length, fileCount, "--cache-strategy content reads every file");
  });

  it("reads again a file edited, edited with its size and modification time kept, deleted or renamed", () => {
    const folder = join(temp, "edits");
    generateWorkspace(folder, { files: 60, aiShare: 0.3, seed: 31 });
    writeFileSync(join(folder, "web/plain.ts"), PLAIN);
    writeFileSync(join(folder, "web/other.ts"), PLAIN.replace("add", "sub").replace("+", "-"));
    writeFileSync(join(folder, "web/moved.ts"), PLAIN.replace("add", "mul").replace("+", "*"));
    // A whole second, which the edit below can put back exactly (`utimes` takes no nanoseconds).
    utimesSync(join(folder, "web/plain.ts"), AN_HOUR_AGO, AN_HOUR_AGO);
    return pastTheMargin().then(() => {
      const location = freshLocation();
      cached(folder, location);
      assert.ok(recordsOf(location).has(join(folder, "web/plain.ts")));
      // Same size, a finding now, and the modification time put back: the change time still differs.
      const plain = join(folder, "web/plain.ts");
      const { atime, mtime, size } = statSync(plain);
      const edited = sameLength(FLAGGED, size);
      assert.equal(Buffer.byteLength(edited), size);
      writeFileSync(plain, edited);
      utimesSync(plain, atime, mtime);
      assert.equal(statSync(plain).mtimeMs, mtime.getTime());
      const sameSize = cached(folder, location);
      assert.equal(sameSize, uncached(folder));
      assert.match(sameSize, /NEXT_PUBLIC_AI_KEY/);
      // An ordinary edit: model code where there was none.
      appendFileSync(join(folder, "web/other.ts"), "import OpenAI from 'openai';\nconst client = new OpenAI();\nexport const r = client.chat.completions.create({ model: 'gpt-4o', messages: [] });\n");
      rmSync(join(folder, "web/moved.ts"));
      // Two files swap names.
      const [a, b] = [...recordsOf(location).keys()].filter((path) => path.endsWith(".py")).slice(0, 2) as [string, string];
      renameSync(a, `${a}.tmp`);
      renameSync(b, a);
      renameSync(`${a}.tmp`, b);
      const after = cached(folder, location);
      assert.equal(after, uncached(folder));
      assert.match(after, /"path": "web\/other.ts"/);
      assert.ok(!recordsOf(location).has(join(folder, "web/moved.ts")), "the deleted file's record is gone");
      assert.equal(cached(folder, location), after);
    });
  });

  it("does not trust a file changed within the margin before the run, even with its times put back", () => {
    const folder = join(temp, "racy");
    mkdirSync(folder);
    const file = join(folder, "fresh.ts");
    writeFileSync(file, PLAIN);
    utimesSync(file, AN_HOUR_AGO, AN_HOUR_AGO);
    const { atime, mtime } = statSync(file);
    const location = freshLocation();
    cached(folder, location);
    assert.ok(!existsSync(indexPath(location)), "changed too recently to be recorded: no record, no index");
    writeFileSync(file, sameLength(FLAGGED, PLAIN.length));
    utimesSync(file, atime, mtime);
    const report = cached(folder, location);
    assert.equal(report, uncached(folder));
    assert.match(report, /browser-exposed-api-key/);
  });

  it("trusts a stamp only when both times are before the margin (the racy rule)", () => {
    const before = 1_700_000_000_000;
    const cache = new ResultCache({ entries: temp, stamp: "s", trustBefore: before });
    const stat = (mtimeMs: number, ctimeMs: number) => ({ size: 10n, ino: 7n, mtimeNs: BigInt(mtimeMs) * 1_000_000n, ctimeNs: BigInt(ctimeMs) * 1_000_000n }) as Parameters<typeof stampOf>[0];
    assert.equal(cache.trustedStamp(stat(before - 1, before - 1)), stampOf(stat(before - 1, before - 1)));
    assert.equal(cache.trustedStamp(stat(before, before - 1)), null);
    assert.equal(cache.trustedStamp(stat(before - 1, before)), null);
    assert.equal(cache.trustedStamp(stat(before + 5000, before + 5000)), null);
    assert.equal(new ResultCache({ entries: temp, stamp: "s" }).trustedStamp(stat(0, 0)), null, "--cache-strategy content");
    assert.notEqual(stampOf(stat(5, 5)), stampOf(stat(5, 6)));
  });

  it("takes a damaged index as no index, and writes it again", () => {
    const without = uncached(workspace);
    const location = freshLocation();
    cached(workspace, location);
    const sound = readFileSync(indexPath(location), "utf8");
    const damages = [sound.slice(0, sound.length / 2), "\u0000 not an index", sound.replace(/"stamp":"[0-9a-f]+"/, '"stamp":"0123"'), sound.replace(/(\d):(\d)/, (_, x: string, y: string) => `${(Number(x) + 1) % 10}:${y}`), ""];
    for (const damaged of damages) {
      writeFileSync(indexPath(location), damaged);
      assert.equal(cached(workspace, location), without);
      assert.equal(recordsOf(location).size, fileCount - 1, "written again whole");
    }
    rmSync(indexPath(location));
    mkdirSync(indexPath(location));
    assert.equal(cached(workspace, location), without, "an index that cannot be read");
    rmSync(indexPath(location), { recursive: true });
  });

  it("is trusted by --cache-strategy metadata and never by content", () => {
    const without = uncached(workspace);
    const location = freshLocation();
    cached(workspace, location);
    // A sound index that lies: the file with the call through __init__.py said to add nothing.
    const records = recordsOf(location);
    const config = [...records.values()].find((r): r is Extract<IndexRecord, { config: string }> => "config" in r)!.config;
    const routes = join(workspace, "backend/zz_routes.py");
    records.set(routes, { stamp: records.get(routes)!.stamp, config });
    const stamp = (JSON.parse(readFileSync(indexPath(location), "utf8").split("\n")[0]!) as { stamp: string }).stamp;
    writeFileSync(indexPath(location), formatIndex(records, stamp, location));
    const written = statSync(indexPath(location)).mtimeMs;
    assert.ok(without.includes('"path": "backend/zz_routes.py"'));
    const lied = cached(workspace, location, 1, "--cache-strategy", "content");
    assert.equal(lied, without);
    assert.equal(statSync(indexPath(location)).mtimeMs, written, "content neither reads nor writes the index");
    const trusted = cached(workspace, location);
    assert.ok(!trusted.includes('"path": "backend/zz_routes.py"'), "metadata trusts the index");
  });

  it("keeps the records of the files a run over two files does not check", () => {
    const location = freshLocation();
    cached(workspace, location);
    const all = recordsOf(location);
    const [a, b] = [...all.keys()].slice(0, 2) as [string, string];
    run([relative(temp, a), relative(temp, b), "--format", "json", "--cache-location", location]);
    assert.deepEqual([...recordsOf(location).keys()].sort(), [...all.keys()].sort());
  });

  it("takes --cache-strategy metadata (the default) or content", () => {
    const strategy = (...argv: string[]) => (parseArgs(["check", ...argv]) as CheckArgs).cacheStrategy;
    assert.equal(strategy(".", "--cache"), "metadata");
    assert.equal(strategy(".", "--cache", "--cache-strategy", "content"), "content");
    assert.equal(strategy(".", "--cache-strategy=metadata"), "metadata");
    assert.throws(() => parseArgs(["check", "--cache-strategy", "mtime"]), UsageError);
  });
});
