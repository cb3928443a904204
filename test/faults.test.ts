/**
 * File-system faults: unreadable folders and files, permission errors, symlink loops, files
 * deleted mid-scan, a named pipe with a source name, read-only files under `--fix`. The CLI
 * and the server's project index skip and count each, and never fail. Tests run as root in
 * CI, where chmod stops nothing: permission errors are injected into `fs.promises`.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { promises as fsp, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parseArgs, type CheckArgs } from "../cli/src/args";
import { check } from "../cli/src/check";
import { findSourceFiles, type FileSystemAccess } from "../rules/src/project/walk";
import { initTestEngine } from "../rules/src/testing";
import { ProjectIndex } from "../server/src/projectIndex";

const CALL = "from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model='gpt-4o', messages=[])\n";
const INIT = "from traceloop.sdk import Traceloop\nTraceloop.init()\n";

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** A workspace on disk: good files, a symlink loop, a dangling link, a FIFO named like source. */
function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), "ai-readiness-faults-"));
  mkdirSync(join(root, "app"));
  mkdirSync(join(root, "locked"));
  writeFileSync(join(root, "app", "chat.py"), CALL);
  writeFileSync(join(root, "app", "secret.py"), CALL);
  writeFileSync(join(root, "app", "gone.py"), CALL);
  writeFileSync(join(root, "locked", "inside.py"), CALL);
  writeFileSync(join(root, "main.py"), INIT);
  symlinkSync(root, join(root, "app", "loop"));
  symlinkSync(join(root, "app", "self-a.py"), join(root, "app", "self-b"));
  symlinkSync(join(root, "app", "self-b"), join(root, "app", "self-a.py"));
  symlinkSync(join(root, "nowhere.py"), join(root, "app", "dangling.py"));
  execFileSync("mkfifo", [join(root, "app", "pipe.py")]);
  return root;
}

/** `fs.promises` with faults: EACCES on `locked/` and on `secret.py`, ENOENT on `gone.py` (deleted mid-scan). */
function faultyFs(): FileSystemAccess & { readFile(path: string, encoding: "utf8"): Promise<string> } {
  return {
    readdir: (path, options) => (path.endsWith("locked") ? Promise.reject(errno("EACCES")) : fsp.readdir(path, options)),
    stat: (path) => fsp.stat(path),
    realpath: (path) => fsp.realpath(path),
    readFile: (path, encoding) =>
      path.endsWith("secret.py") ? Promise.reject(errno("EACCES")) : path.endsWith("gone.py") ? Promise.reject(errno("ENOENT")) : fsp.readFile(path, encoding),
  };
}

let root: string;
before(async () => {
  await initTestEngine();
  root = workspace();
});
after(() => rmSync(root, { recursive: true, force: true }));

describe("the walk", () => {
  it("skips an unreadable folder with its reason, follows no loop, reads no pipe", async () => {
    const skipped: string[] = [];
    const files = await findSourceFiles([root], faultyFs(), join, { skipped: (path, reason) => skipped.push(`${path.slice(root.length + 1)}: ${reason}`) });
    assert.deepEqual(
      files.map((f) => f.path.slice(root.length + 1)),
      ["app/chat.py", "app/gone.py", "app/secret.py", "main.py"],
    );
    assert.deepEqual(skipped, ["app/loop: symbolic link to a folder already read", "app/self-a.py: symbolic link loops on itself", "app/self-b: symbolic link loops on itself", "locked: folder could not be read (EACCES)"]);
  });
});

describe("the CLI", () => {
  const args = (...argv: string[]) => parseArgs(["check", ...argv]) as CheckArgs;

  it("reports every unreadable file and folder under skipped, and checks the rest", async (t) => {
    const real = fsp.readFile;
    t.mock.method(fsp, "readFile", (path: string, ...rest: unknown[]) =>
      String(path).endsWith("secret.py") ? Promise.reject(errno("EACCES")) : (real as (...a: unknown[]) => Promise<unknown>)(path, ...rest),
    );
    const realReaddir = fsp.readdir;
    t.mock.method(fsp, "readdir", (path: string, ...rest: unknown[]) =>
      String(path).endsWith("locked") ? Promise.reject(errno("EPERM")) : (realReaddir as (...a: unknown[]) => Promise<unknown>)(path, ...rest),
    );
    const { report } = await check(args(root, "--format", "json"), root, async () => "");
    assert.deepEqual(report.skipped, [
      { path: "app/loop", reason: "symbolic link to a folder already read" },
      { path: "app/self-a.py", reason: "symbolic link loops on itself" },
      { path: "app/self-b", reason: "symbolic link loops on itself" },
      { path: "locked", reason: "folder could not be read (EPERM)" },
      { path: "app/secret.py", reason: "could not be read (EACCES)" },
    ]);
    assert.deepEqual(report.files.map((f) => f.path).sort(), ["app/chat.py", "app/gone.py"]);
    assert.equal(report.stats.skipped, 5);
  });

  it("a file deleted between the walk and the read is skipped, not fatal", async (t) => {
    const real = fsp.readFile;
    t.mock.method(fsp, "readFile", (path: string, ...rest: unknown[]) =>
      String(path).endsWith("gone.py") ? Promise.reject(errno("ENOENT")) : (real as (...a: unknown[]) => Promise<unknown>)(path, ...rest),
    );
    const { report } = await check(args(root), root, async () => "");
    assert.deepEqual(report.skipped.filter((s) => s.path === "app/gone.py"), [{ path: "app/gone.py", reason: "could not be read (ENOENT)" }]);
  });

  it("--fix on a read-only file: skipped with the reason, the other files fixed", async (t) => {
    const copy = mkdtempSync(join(tmpdir(), "ai-readiness-faults-fix-"));
    try {
      writeFileSync(join(copy, "a.py"), CALL);
      writeFileSync(join(copy, "b.py"), CALL);
      const realWrite = fsp.writeFile;
      t.mock.method(fsp, "writeFile", (path: string, ...rest: unknown[]) =>
        String(path).endsWith("a.py") ? Promise.reject(errno("EROFS")) : (realWrite as (...a: unknown[]) => Promise<unknown>)(path, ...rest),
      );
      const { report } = await check(args(copy, "--fix", "--unsafe-fixes"), copy, async () => "");
      assert.deepEqual(report.skipped, [{ path: "a.py", reason: "fixes could not be written (EROFS)" }]);
      const fixed = await fsp.readFile(join(copy, "b.py"), "utf8");
      assert.notEqual(fixed, CALL, "b.py was fixed");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe("the server's project index", () => {
  it("skips unreadable folders and files with their reasons; the readable files still count", async (t) => {
    const realReaddir = fsp.readdir;
    t.mock.method(fsp, "readdir", (path: string, ...rest: unknown[]) =>
      String(path).endsWith("locked") ? Promise.reject(errno("EACCES")) : (realReaddir as (...a: unknown[]) => Promise<unknown>)(path, ...rest),
    );
    const realRead = fsp.readFile;
    t.mock.method(fsp, "readFile", (path: string, ...rest: unknown[]) =>
      String(path).endsWith("secret.py") ? Promise.reject(errno("EACCES")) : (realRead as (...a: unknown[]) => Promise<unknown>)(path, ...rest),
    );
    const index = new ProjectIndex();
    await index.scan([root]);
    const relativeTo = (path: string) => path.slice(root.length + 1);
    assert.deepEqual([...index.walkSkipped].map(([path, reason]) => `${relativeTo(path)}: ${reason}`).sort(), [
      "app/loop: symbolic link to a folder already read",
      "app/self-a.py: symbolic link loops on itself",
      "app/self-b: symbolic link loops on itself",
      "locked: folder could not be read (EACCES)",
    ]);
    const skipped = [...index.files()].filter((f) => f.skipped).map((f) => `${relativeTo(f.path)}: ${f.skipped}`);
    assert.deepEqual(skipped, ["app/secret.py: could not be read (EACCES)"]);
    assert.equal(index.facts().instrumentation?.path, join(root, "main.py"), "the readable files still count");
  });

  it("a file deleted between the walk and the read, or one over the engine's budget: skipped with the reason, the scan goes on", async (t) => {
    const realStat = fsp.stat;
    t.mock.method(fsp, "stat", (path: string, ...rest: unknown[]) =>
      String(path).endsWith("gone.py") ? Promise.reject(errno("ENOENT")) : (realStat as (...a: unknown[]) => Promise<unknown>)(path, ...rest),
    );
    const deep = join(root, "deep.py");
    writeFileSync(deep, INIT + "x = " + "(".repeat(5000) + ")".repeat(5000) + "\n");
    try {
      const index = new ProjectIndex();
      await index.scan([root]);
      assert.match(index.file(deep)?.skipped ?? "", /nested too deeply \(5000 open brackets/);
      assert.equal(index.file(join(root, "app", "gone.py"))?.skipped, "could not be read (ENOENT)");
      assert.equal(index.facts().instrumentation?.path, join(root, "main.py"));
    } finally {
      rmSync(deep);
    }
  });
});
