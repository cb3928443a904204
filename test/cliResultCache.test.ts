/**
 * `check --cache` as a user runs it (the built CLI): the report of a warm run is the report of
 * a cold run and of a run without the cache, byte for byte, on 1 and 2 threads; a hit is read
 * and not parsed, an edit is a miss; damaged entries are misses; no key reaches the disk; a
 * folder that cannot be written is one warning; concurrent runs leave a sound store.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { generateSource } from "../bench/generate";
import { generateWorkspace } from "../bench/workspace";
import { parseArgs, UsageError, type CheckArgs } from "../cli/src/args";
import { encodeFacts } from "../cli/src/factsCodec";
import { emptyFacts } from "../rules/src/index";
import { CLI, DIST, EXAMPLES, REPO_ROOT } from "./helpers";

const temp = mkdtempSync(join(tmpdir(), "ai-readiness-result-cache-cli-"));
after(() => rmSync(temp, { recursive: true, force: true }));

/** The CLI's own temp folder (its code cache) stays inside the test's. */
const ENV = { NO_COLOR: "1", TMPDIR: temp, TMP: temp, TEMP: temp };

function run(args: string[], options: { threads?: number; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [CLI, "check", ...args], { cwd: options.cwd ?? temp, encoding: "utf8", env: { ...process.env, ...ENV, AI_READINESS_WORKERS: String(options.threads ?? 1) } });
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON report's time taken is the one thing two runs may differ in. */
const timeless = (stdout: string) => stdout.replace(/"ms": [0-9.]+/, '"ms": 0');

let n = 0;
const freshLocation = () => join(temp, `cache-${n++}`);
const entriesIn = (location: string) => readdirSync(join(location, "facts")).filter((name) => /^[0-9a-f]{64}\.json$/.test(name));

const KEY = "sk-proj-Zq81LmT4vWx92NbC7kRdY3sPj6HgF0aE";
const CALL = 'from openai import OpenAI\n\nclient = OpenAI()\n\n\ndef answer(question):\n    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])\n    return reply.choices[0].message.content\n';

let workspace: string;
/** A call on a client another module exports: the threads give up after the analysis and one thread scans again. */
let importing: string;
before(() => {
  importing = join(temp, "importing");
  generateWorkspace(importing, { files: 100, aiShare: 0.2, seed: 13 });
  mkdirSync(join(importing, "backend/app/llm"), { recursive: true });
  writeFileSync(join(importing, "backend/app/llm/client.py"), "from openai import OpenAI\n\nclient = OpenAI(timeout=20.0)\n");
  writeFileSync(join(importing, "backend/zz_routes.py"), CALL.replace("from openai import OpenAI\n\nclient = OpenAI()\n", "from app.llm.client import client\n"));
  workspace = join(temp, "workspace");
  generateWorkspace(workspace, { files: 150, aiShare: 0.3, seed: 17 });
  writeFileSync(join(workspace, "backend/app/binary.py"), Buffer.from([0x6f, 0x70, 0x65, 0x6e, 0x61, 0x69, 0, 1, 2]));
  writeFileSync(join(workspace, "backend/app/broken.py"), "import openai\nclient = openai.OpenAI(\ndef (:\n");
  writeFileSync(join(workspace, "backend/app/deep.py"), `import openai\nx = ${"[".repeat(300)}${"]".repeat(300)}\n`);
  writeFileSync(join(workspace, "web/src/unparsed.ts"), generateSource("typescript", 400, 2).replace("for await (const event of stream)", "for await (const event oqf stream)"));
  writeFileSync(join(workspace, "backend/app/keys.py"), CALL.replace("OpenAI()", `OpenAI(api_key="${KEY}")`));
  writeFileSync(join(workspace, "web/zz_instrumentation.py"), 'from traceloop.sdk import Traceloop\n\nTraceloop.init(app_name="svc")\n');
});

describe("check --cache", () => {
  it("writes on a warm run the report of a cold run and of a run without the cache, on 1 and 2 threads", () => {
    const cases: [string, string][] = [
      [EXAMPLES, "json"],
      [EXAMPLES, "text"],
      [EXAMPLES, "sarif"],
      [workspace, "json"],
      [workspace, "text"],
      [importing, "json"],
    ];
    for (const [folder, format] of cases) {
      const without = timeless(run([folder, "--format", format]).stdout);
      assert.ok(without.length > 1000, "a report with something in it");
      for (const threads of [1, 2]) {
        const location = freshLocation();
        const cold = run([folder, "--format", format, "--cache-location", location], { threads });
        const written = entriesIn(location);
        assert.ok(written.length > 3, `${folder}: entries written (${written.length})`);
        const stamps = written.map((name) => statSync(join(location, "facts", name)).mtimeMs);
        const warm = run([folder, "--format", format, "--cache-location", location], { threads });
        assert.equal(timeless(cold.stdout), without, `${format}, ${threads} threads: cold run`);
        assert.equal(timeless(warm.stdout), without, `${format}, ${threads} threads: warm run`);
        assert.equal(warm.code, cold.code);
        assert.equal(warm.stderr, "");
        if (folder === importing) {
          const site = (JSON.parse(warm.stdout) as { callSites: { path: string; checks: { timeout: string } }[] }).callSites.find((c) => c.path === "backend/zz_routes.py");
          assert.equal(site?.checks.timeout, "pass", "the call on the imported client has the client's timeout");
        }
        assert.deepEqual(entriesIn(location), written, "a warm run writes no entry");
        assert.deepEqual(written.map((name) => statSync(join(location, "facts", name)).mtimeMs), stamps, "nor rewrites one");
      }
    }
  });

  it("reads a file's facts from its entry, and analyses an edited file again", () => {
    const folder = join(temp, "one-file");
    mkdirSync(join(folder, "app"), { recursive: true });
    writeFileSync(join(folder, "app/chat.py"), CALL);
    const location = freshLocation();
    const cold = JSON.parse(run([folder, "--format", "json", "--cache-location", location]).stdout) as { files: unknown[] };
    assert.ok(cold.files.length > 0, "the call has findings");
    // The entry made to say the file has no model code: a run that reads it finds nothing.
    const [entry] = entriesIn(location);
    const path = join(location, "facts", entry!);
    const header = JSON.parse(readFileSync(path, "utf8").split("\n")[0]!) as Record<string, unknown>;
    const body = encodeFacts(emptyFacts(CALL, "python"));
    writeFileSync(path, `${JSON.stringify({ ...header, sum: createHash("sha256").update(body).digest("hex").slice(0, 32) })}\n${body}`);
    const read = JSON.parse(run([folder, "--format", "json", "--cache-location", location]).stdout) as { files: unknown[]; callSites: unknown[] };
    assert.deepEqual([read.files.length, read.callSites.length], [0, 0], "the facts came from the entry");
    appendFileSync(join(folder, "app/chat.py"), "# edited\n");
    const edited = JSON.parse(run([folder, "--format", "json", "--cache-location", location]).stdout) as { files: unknown[] };
    assert.equal(edited.files.length, cold.files.length, "the edited file is analysed again");
    assert.equal(entriesIn(location).length, 2);
  });

  it("parses nothing on a warm run", () => {
    // In process, where the parser's state can be asked: the CLI's check over the compiled engine.
    const script = `
      const { check } = require(${JSON.stringify(join(REPO_ROOT, "out/cli/src/check.js"))});
      const { parseArgs } = require(${JSON.stringify(join(REPO_ROOT, "out/cli/src/args.js"))});
      const { parsersStarted } = require(${JSON.stringify(join(REPO_ROOT, "out/rules/src/parse/parser.js"))});
      const args = parseArgs(["check", process.argv[1], "--cache-location", process.argv[2]]);
      check(args, process.cwd(), async () => "", undefined, (file) => require("node:path").join(${JSON.stringify(DIST)}, file)).then((result) => {
        process.stdout.write(JSON.stringify({ parsed: parsersStarted(), callSites: result.report.callSites.length, warnings: result.warnings }));
      });`;
    // No key among them: a file holding one is analysed every run.
    const folder = join(temp, "no-keys");
    mkdirSync(join(folder, "web"), { recursive: true });
    writeFileSync(join(folder, "chat.py"), CALL);
    writeFileSync(join(folder, "web/route.ts"), generateSource("typescript", 300, 3));
    const location = freshLocation();
    const inProcess = () => JSON.parse(spawnSync(process.execPath, ["-e", script, folder, location], { cwd: temp, encoding: "utf8", env: { ...process.env, ...ENV } }).stdout) as { parsed: boolean; callSites: number; warnings: string[] };
    const cold = inProcess();
    const warm = inProcess();
    assert.deepEqual(cold, { parsed: true, callSites: cold.callSites, warnings: [] });
    assert.ok(cold.callSites > 0);
    assert.deepEqual(warm, { ...cold, parsed: false });
  });

  it("takes a truncated, corrupt, foreign or unreadable entry as a miss, and writes it again", () => {
    const location = freshLocation();
    const without = timeless(run([workspace, "--format", "json"]).stdout);
    run([workspace, "--format", "json", "--cache-location", location]);
    const [truncated, garbage, foreign, unreadable, flipped] = entriesIn(location).map((name) => join(location, "facts", name));
    const content = (path: string) => readFileSync(path, "utf8");
    writeFileSync(truncated!, content(truncated!).slice(0, content(truncated!).length / 2));
    writeFileSync(garbage!, "\u0000\u0001 not an entry");
    writeFileSync(foreign!, content(foreign!).replace(/"stamp":"[0-9a-f]+"/, '"stamp":"0123456789abcdef0123456789abcdef"'));
    writeFileSync(flipped!, content(flipped!).replace(/"start":(\d)/, (_, digit: string) => `"start":${(Number(digit) + 1) % 10}`));
    rmSync(unreadable!);
    mkdirSync(unreadable!);
    const damaged = run([workspace, "--format", "json", "--cache-location", location]);
    assert.equal(timeless(damaged.stdout), without);
    assert.equal(damaged.stderr, "");
    const stamp = (path: string) => (JSON.parse(content(path).split("\n")[0]!) as { stamp: string }).stamp;
    const good = stamp(join(location, "facts", entriesIn(location).find((name) => ![truncated, garbage, foreign, unreadable, flipped].includes(join(location, "facts", name)))!));
    for (const path of [truncated!, garbage!, foreign!, flipped!]) assert.equal(stamp(path), good, `${path} is written again`);
    assert.equal(timeless(run([workspace, "--format", "json", "--cache-location", location]).stdout), without);
  });

  it("never writes a key to disk: a file holding one is analysed every run", () => {
    const location = freshLocation();
    const first = run([workspace, "--format", "json", "--cache-location", location]);
    const second = run([workspace, "--format", "json", "--cache-location", location]);
    assert.equal(timeless(second.stdout), timeless(first.stdout));
    assert.ok(first.stdout.includes('"rule": "hardcoded-api-key"'), "the key is found");
    assert.ok(!first.stdout.includes(KEY.slice(9)), "and shown masked");
    const stored = readdirSync(location, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    assert.ok(stored.length > 10);
    for (const file of stored) assert.ok(!readFileSync(join(file.parentPath, file.name), "utf8").includes(KEY.slice(9)), `${file.name} holds no part of the key`);
  });

  it("warns once and checks without the cache where the folder cannot be written", () => {
    const file = join(temp, "a-file");
    writeFileSync(file, "");
    const without = run([EXAMPLES, "--format", "json"]);
    for (const location of [file, join(file, "cache")]) {
      const result = run([EXAMPLES, "--format", "json", "--cache-location", location]);
      assert.equal(timeless(result.stdout), timeless(without.stdout));
      assert.equal(result.code, without.code);
      assert.match(result.stderr, /^ai-readiness: warning: the cache at `[^`]+` cannot be written \((EEXIST|ENOTDIR)\): checking without it\n$/);
    }
  });

  it("keeps its folder out of git, made in the working folder by --cache, and leaves a folder it did not make as it was", () => {
    const project = join(temp, "project");
    cpSync(EXAMPLES, project, { recursive: true });
    run([".", "--cache"], { cwd: project });
    const made = join(project, ".ai-readiness-cache");
    assert.equal(readFileSync(join(made, ".gitignore"), "utf8").split("\n").filter((line) => line && !line.startsWith("#")).join(), "*");
    assert.ok(existsSync(join(made, "CACHEDIR.TAG")));
    assert.ok(entriesIn(made).length > 3);
    const chosen = join(temp, "chosen");
    mkdirSync(chosen);
    run([".", "--cache-location", chosen], { cwd: project });
    assert.deepEqual(readdirSync(chosen), ["facts"]);
  });

  it("leaves a sound store when runs share it at once", async () => {
    const location = freshLocation();
    const without = timeless(run([workspace, "--format", "json"]).stdout);
    const runs = [1, 2, 2].map(
      (threads) =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, [CLI, "check", workspace, "--format", "json", "--cache-location", location], { cwd: temp, env: { ...process.env, ...ENV, AI_READINESS_WORKERS: String(threads) } });
          let stdout = "";
          child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
          child.on("error", reject).on("close", () => resolve(stdout));
        }),
    );
    for (const stdout of await Promise.all(runs)) assert.equal(timeless(stdout), without);
    assert.deepEqual(readdirSync(join(location, "facts")).filter((name) => !/^[0-9a-f]{64}\.json$|^pruned$|^index\.json$|^engine-stamp$/.test(name)), [], "no temporary file left");
    assert.equal(timeless(run([workspace, "--format", "json", "--cache-location", location]).stdout), without);
  });

  it("caches the text of --stdin-filename like a file's", () => {
    const location = freshLocation();
    const stdin = (cache: string[]) => {
      const result = spawnSync(process.execPath, [CLI, "check", "--stdin-filename", "app/chat.py", "--format", "json", ...cache], { cwd: temp, input: CALL, encoding: "utf8", env: { ...process.env, ...ENV } });
      assert.equal(result.status, 1, result.stderr);
      return timeless(result.stdout);
    };
    const without = stdin([]);
    assert.equal(stdin(["--cache-location", location]), without);
    assert.equal(entriesIn(location).length, 1);
    assert.equal(stdin(["--cache-location", location]), without);
  });

  it("is off unless asked for; --cache-location implies it", () => {
    const cacheOf = (...argv: string[]) => (parseArgs(["check", ...argv]) as CheckArgs).cache;
    assert.equal(cacheOf("."), null);
    assert.equal(cacheOf(".", "--cache"), ".ai-readiness-cache");
    assert.equal(cacheOf(".", "--cache-location", "build/cache"), "build/cache");
    assert.equal(cacheOf(".", "--cache-location=build/cache", "--cache"), "build/cache");
    assert.throws(() => parseArgs(["check", "--cache-location"]), UsageError);
  });
});
