/**
 * The workspace scan over LSP, as the readiness panel uses it: the report per folder equals
 * the CLI's JSON report of the same folder, with progress, `files.exclude`, per-file
 * updates from file events and open documents, a cancellable scan, finding edits and export.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import type { TextEdit } from "vscode-languageserver";
import { WorkspaceMethods, type ExportResult, type FindingEditsResult, type WorkspaceReport, type WorkspaceStatus } from "../server/src/protocol";
import { syntaxErrors } from "../rules/src/testing";
import { CLI } from "./helpers";
import { applyTextEdits, TestClient } from "./lspClient";

const PROTOTYPE = `import json
from openai import OpenAI

client = OpenAI()


def summarize(ticket):
    response = client.chat.completions.create(model="gpt-4o-mini", messages=[])
    return json.loads(response.choices[0].message.content)
`;

const TS = `import OpenAI from "openai";
const client = new OpenAI();
export async function extract(text: string) {
  const response = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] });
  return JSON.parse(response.choices[0].message.content ?? "{}");
}
`;

const FILE_CHANGED = "workspace/didChangeWatchedFiles";

/** A client that keeps every workspace notice and can wait for one. */
class PanelClient extends TestClient {
  readonly notices: WorkspaceStatus[] = [];
  private noticeWaiters: { accept: (s: WorkspaceStatus) => boolean; resolve: (s: WorkspaceStatus) => void }[] = [];

  constructor() {
    super();
    this.connection.onNotification(WorkspaceMethods.changed, (status: WorkspaceStatus) => {
      this.notices.push(status);
      for (const waiter of [...this.noticeWaiters]) {
        if (waiter.accept(status)) {
          this.noticeWaiters.splice(this.noticeWaiters.indexOf(waiter), 1);
          waiter.resolve(status);
        }
      }
    });
  }

  /** The first notice from now on (or already seen, when `seen`) that `accept` takes. */
  notice(what: string, accept: (s: WorkspaceStatus) => boolean, seen = false): Promise<WorkspaceStatus> {
    const earlier = seen ? this.notices.find(accept) : undefined;
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no workspace notice: ${what}; last: ${JSON.stringify(this.notices.at(-1))}`)), 15_000);
      this.noticeWaiters.push({ accept, resolve: (s) => (clearTimeout(timer), resolve(s)) });
    });
  }

  report(): Promise<WorkspaceReport> {
    return this.connection.sendRequest(WorkspaceMethods.report);
  }

  /** Tells the server of file events, then waits for the results that follow them. */
  async fileEvents(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<WorkspaceReport> {
    const after = this.notices.at(-1)?.generation ?? 0;
    const next = this.notice("after file events", (s) => s.generation > after && s.state === "ready");
    await this.connection.sendNotification(FILE_CHANGED, { changes });
    await next;
    return this.report();
  }
}

function cliReport(folder: string): { files: unknown[]; callSites: unknown[]; skipped: unknown[]; root: string } {
  const result = spawnSync(process.execPath, [CLI, "check", folder, "--format", "json"], { encoding: "utf8" });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return JSON.parse(result.stdout);
}

const paths = (report: WorkspaceReport) => report.folders[0].report.files.map((f) => f.path);

describe("workspace scan", () => {
  const root = mkdtempSync(join(tmpdir(), "ai-readiness-workspace-"));
  const folder = join(root, "svc");
  const uriOf = (path: string) => pathToFileURL(join(folder, path)).toString();
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(join(folder, path, ".."), { recursive: true });
    writeFileSync(join(folder, path), text);
  };
  const client = new PanelClient();

  before(async () => {
    write("app/summarize.py", PROTOTYPE);
    write("app/clean.py", "def add(a, b):\n    return a + b\n");
    write("web/extract.ts", TS);
    write("app/blob.py", Buffer.from([0x6f, 0x70, 0x65, 0x6e, 0x61, 0x69, 0, 1, 2]));
    write("node_modules/dep/index.js", TS);
    write("app/legacy/old.py", PROTOTYPE);
    client.otherSettings["files.exclude"] = { "**/legacy": true, "**/*.js": { when: "$(basename).ts" } };
    await client.initialize([{ uri: pathToFileURL(folder).toString(), name: "svc" }]);
  });
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it("scans in the background at start-up, with progress in file counts, and reports what the CLI reports", async () => {
    const status = await client.notice("ready", (s) => s.state === "ready", true);
    assert.equal(status.total, 4, "summarize.py, clean.py, blob.py, extract.ts: node_modules and files.exclude left out");
    assert.equal(status.scanned, 4);
    const begin = client.progress.find((p) => p.kind === "begin")!;
    assert.equal(begin.cancellable, true);
    assert.ok(client.progress.some((p) => p.kind === "report" && p.message === "4 of 4 files"), JSON.stringify(client.progress));
    assert.ok(client.progress.some((p) => p.kind === "end"));

    const report = await client.report();
    assert.equal(report.folders.length, 1);
    const ours = report.folders[0].report;
    const cli = cliReport(folder);
    const notExcluded = <T extends { path: string }>(list: T[]) => list.filter((x) => !x.path.startsWith("app/legacy/"));
    assert.equal(ours.root, cli.root);
    assert.deepEqual(ours.files, notExcluded(cli.files as { path: string }[]));
    assert.deepEqual(ours.callSites, notExcluded(cli.callSites as { path: string }[]));
    assert.deepEqual(ours.skipped, cli.skipped);
    assert.deepEqual(ours.skipped, [{ path: "app/blob.py", reason: "binary content" }]);
    assert.equal(status.findings, ours.files.flatMap((f) => f.findings).length);
    assert.equal(status.callSites, 2);
    assert.equal(report.summary.overall, status.overall);
    assert.deepEqual(report.checks.map((c) => c.name), Object.keys(ours.callSites[0].checks));
  });

  it("keeps up with a created, a changed and a deleted file, and a folder renamed, without a rescan", async () => {
    const progressBefore = client.progress.length;
    write("app/new.py", PROTOTYPE);
    assert.ok(paths(await client.fileEvents([{ uri: uriOf("app/new.py"), type: 1 }])).includes("app/new.py"));

    write("app/new.py", "x = 1\n");
    assert.ok(!paths(await client.fileEvents([{ uri: uriOf("app/new.py"), type: 2 }])).includes("app/new.py"));

    rmSync(join(folder, "app/new.py"));
    const afterDelete = await client.fileEvents([{ uri: uriOf("app/new.py"), type: 3 }]);
    assert.equal(afterDelete.folders[0].report.stats.files, 3);

    // A folder renamed: its old path deleted, its new path created.
    write("pkg/a/chat.py", PROTOTYPE);
    assert.ok(paths(await client.fileEvents([{ uri: uriOf("pkg"), type: 1 }])).includes("pkg/a/chat.py"));
    mkdirSync(join(folder, "lib"));
    spawnSync("mv", [join(folder, "pkg/a"), join(folder, "lib/a")]);
    const renamed = await client.fileEvents([
      { uri: uriOf("pkg/a"), type: 3 },
      { uri: uriOf("lib/a"), type: 1 },
    ]);
    assert.ok(paths(renamed).includes("lib/a/chat.py"));
    assert.ok(!paths(renamed).includes("pkg/a/chat.py"));
    assert.equal(client.progress.length, progressBefore, "no scan ran");
  });

  it("takes an open document's text over the disk, and the disk again once it closes", async () => {
    const uri = uriOf("app/summarize.py");
    const before = await client.report();
    const count = (r: WorkspaceReport) => r.folders[0].report.files.find((f) => f.path === "app/summarize.py")?.findings.length ?? 0;
    const after = client.notices.at(-1)!.generation;
    const edited = client.notice("after the edit", (s) => s.generation > after);
    await client.open(uri, "python", PROTOTYPE.replace("OpenAI()", "OpenAI(timeout=20)"));
    await edited;
    assert.equal(count(await client.report()), count(before) - 1, "missing-timeout gone in the editor's text");

    const closed = client.notice("after close", (s) => s.findings === before.status.findings);
    await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    await closed;
    assert.equal(count(await client.report()), count(before));
  });

  it("gives the edits of a finding's fix and of ignoring it, found by fingerprint", async () => {
    const uri = uriOf("app/summarize.py");
    const report = await client.report();
    const file = report.folders[0].report.files.find((f) => f.path === "app/summarize.py")!;
    const parse = file.findings.find((f) => f.rule === "unvalidated-model-json")!;
    const fix: FindingEditsResult = await client.connection.sendRequest(WorkspaceMethods.findingEdits, { uri, fingerprint: parse.fingerprint, action: "fix" });
    assert.ok("edits" in fix, JSON.stringify(fix));
    const fixed = applyTextEdits(PROTOTYPE, fix.edits as TextEdit[]);
    assert.match(fixed, /except json\.JSONDecodeError/);
    assert.equal(syntaxErrors(fixed, "python"), 0);

    const ignore: FindingEditsResult = await client.connection.sendRequest(WorkspaceMethods.findingEdits, { uri, fingerprint: parse.fingerprint, action: "ignore" });
    assert.ok("edits" in ignore);
    assert.equal(applyTextEdits(PROTOTYPE, ignore.edits as TextEdit[]).split("\n")[8], "    # ai-readiness: ignore[unvalidated-model-json]");

    const gone: FindingEditsResult = await client.connection.sendRequest(WorkspaceMethods.findingEdits, { uri, fingerprint: "nope", action: "fix" });
    assert.ok("error" in gone);
  });

  it("exports the workspace as Markdown, HTML and SARIF", async () => {
    const md: ExportResult = await client.connection.sendRequest(WorkspaceMethods.export, { format: "markdown" });
    assert.match(md.content, /^# AI Readiness report\n\n_Folder svc · \d{4}-\d\d-\d\d \d\d:\d\d UTC_/);
    assert.match(md.content, /^### app\/summarize\.py$/m);
    const html: ExportResult = await client.connection.sendRequest(WorkspaceMethods.export, { format: "html" });
    assert.match(html.content, /^<!DOCTYPE html>/);
    const sarif: ExportResult = await client.connection.sendRequest(WorkspaceMethods.export, { format: "sarif" });
    const log = JSON.parse(sarif.content) as { version: string; runs: { results: unknown[] }[] };
    assert.equal(log.version, "2.1.0");
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0].results.length, (await client.report()).status.findings);
  });

  it("follows folders added to and removed from the workspace", async () => {
    const other = join(root, "other");
    mkdirSync(join(other, "src"), { recursive: true });
    writeFileSync(join(other, "src/extract.ts"), TS);
    const otherUri = pathToFileURL(other).toString();
    const generation = client.notices.at(-1)!.generation;
    const added = client.notice("after a folder is added", (s) => s.generation > generation && s.state === "ready");
    await client.connection.sendNotification("workspace/didChangeWorkspaceFolders", { event: { added: [{ uri: otherUri, name: "other" }], removed: [] } });
    await added;
    const both = await client.report();
    assert.deepEqual(both.folders.map((f) => f.name), ["svc", "other"]);
    assert.deepEqual(both.folders[1].report.files.map((f) => f.path), ["src/extract.ts"]);

    const after = client.notices.at(-1)!.generation;
    const removed = client.notice("after a folder is removed", (s) => s.generation > after);
    await client.connection.sendNotification("workspace/didChangeWorkspaceFolders", { event: { added: [], removed: [{ uri: otherUri, name: "other" }] } });
    await removed;
    const one = await client.report();
    assert.deepEqual(one.folders.map((f) => f.name), ["svc"]);
    assert.equal(one.status.callSites, both.status.callSites - 1);
  });

  it("scans again on request, and a cancelled scan says so and keeps what it had", async () => {
    for (let i = 0; i < 400; i++) write(`many/m${i}.py`, PROTOTYPE);
    const findingsBefore = (await client.report()).status.findings;
    // Cancel as soon as the progress bar appears, as a person pressing its cancel button.
    const token = new Promise<unknown>((resolve) => client.connection.onRequest("window/workDoneProgress/create", (params: { token: unknown }) => (resolve(params.token), null)));
    const scan = client.connection.sendRequest<WorkspaceStatus>(WorkspaceMethods.scan);
    await client.connection.sendNotification("window/workDoneProgress/cancel", { token: await token });
    const status = await scan;
    assert.equal(status.state, "cancelled");
    assert.ok(status.scanned < status.total, `${status.scanned} of ${status.total}`);
    const partial = await client.report();
    assert.ok(partial.status.findings >= findingsBefore, "what was read before stays");

    client.connection.onRequest("window/workDoneProgress/create", () => null);
    // Two requests at once: the second cancels the first, and one scan ends the work.
    const [, done] = await Promise.all([client.connection.sendRequest<WorkspaceStatus>(WorkspaceMethods.scan), client.connection.sendRequest<WorkspaceStatus>(WorkspaceMethods.scan)]);
    assert.equal(done.state, "ready");
    assert.equal(done.scanned, done.total);
    assert.equal((await client.report()).folders[0].report.stats.files, 3 + 1 + 400);
  });
});
