/**
 * A long session against an in-process language server: random edits to a few open
 * documents, interleaved with quick-fix and fix-all requests, waits for diagnostics,
 * workspace requests and notifications (commands, configuration, file events), requests
 * cancelled in flight, and files deleted on disk and closed. Counts every request's fate
 * and measures the heap after forced GCs.
 */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { CancellationTokenSource, ResponseError } from "vscode-jsonrpc/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { TestClient } from "../lspClient";
import { initTestEngine } from "../../rules/src/testing";
import { seedFiles, type SeedFile } from "./corpus";
import { Random } from "./random";

export interface SoakOptions {
  seed: number;
  edits: number;
  /** The heap is measured after this many edits, and again at the end. */
  baselineAfter: number;
  progress?: (done: number) => void;
}

export interface SoakResult {
  edits: number;
  requests: { sent: number; answered: number; cancelled: number; failed: number; unanswered: number };
  diagnosticsWaits: { sent: number; answered: number };
  fileEvents: number;
  deletions: number;
  serverErrors: string[];
  failures: string[];
  heapBaselineMb: number;
  heapEndMb: number;
  /** The same without compiled code (the JIT keeps adding optimised code as paths get hot). */
  dataBaselineMb: number;
  dataEndMb: number;
  /** End heap over baseline heap, both after forced GCs. */
  heapRatio: number;
  rssEndMb: number;
}

const LANGUAGE_IDS = { python: "python", typescript: "typescript", tsx: "typescriptreact", javascript: "javascript" } as const;
const EXTENSIONS = { python: ".py", typescript: ".ts", tsx: ".tsx", javascript: ".js" } as const;
const TYPED = ["a", "x", "(", ")", "\n", " ", '"', "'", ".", ",", "é", "😀", "client.chat.completions.create(", "json.loads(", "JSON.parse(", "timeout=30", "try:", "} catch {", "\r\n", ""];

interface Open {
  uri: string;
  path: string;
  seed: SeedFile;
  document: TextDocument;
}

/** Node's `gc()`: from --expose-gc, or turned on here (the test runner starts files without flags). */
function forcedGc(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

function heapMb(): number {
  const gc = forcedGc();
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

function codeMb(): number {
  return getHeapSpaceStatistics()
    .filter((space) => space.space_name.startsWith("code_"))
    .reduce((sum, space) => sum + space.space_used_size / 1e6, 0);
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  await initTestEngine();
  const r = new Random(options.seed);
  const seeds = seedFiles().filter((s) => s.text.length < 20_000);
  const folder = mkdtempSync(join(tmpdir(), "ai-readiness-soak-"));
  const result: SoakResult = {
    edits: 0,
    requests: { sent: 0, answered: 0, cancelled: 0, failed: 0, unanswered: 0 },
    diagnosticsWaits: { sent: 0, answered: 0 },
    fileEvents: 0,
    deletions: 0,
    serverErrors: [],
    failures: [],
    heapBaselineMb: 0,
    heapEndMb: 0,
    dataBaselineMb: 0,
    dataEndMb: 0,
    heapRatio: 0,
    rssEndMb: 0,
  };
  const client = new TestClient();
  client.connection.onNotification("window/logMessage", (params: { type: number; message: string }) => {
    if (params.type === 1) result.serverErrors.push(params.message.slice(0, 500));
  });
  client.connection.onNotification("window/showMessage", () => undefined);
  const pending: Promise<unknown>[] = [];
  const track = (request: Promise<unknown>, what: string) => {
    result.requests.sent++;
    pending.push(
      request.then(
        () => void result.requests.answered++,
        (error: unknown) => {
          if (error instanceof ResponseError && error.code === -32800) result.requests.cancelled++;
          else {
            result.requests.failed++;
            result.failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
          }
        },
      ),
    );
  };
  await client.connection.sendRequest("initialize", {
    processId: null,
    rootUri: pathToFileURL(folder).toString(),
    workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: "soak" }],
    capabilities: { workspace: { configuration: true } },
  });
  await client.connection.sendNotification("initialized", {});

  const open: Open[] = [];
  let fileCount = 0;
  const openOne = async () => {
    const seed = r.pick(seeds);
    const path = join(folder, `file${fileCount++}${EXTENSIONS[seed.language]}`);
    writeFileSync(path, seed.text);
    const uri = pathToFileURL(path).toString();
    const document = TextDocument.create(uri, LANGUAGE_IDS[seed.language], 1, seed.text);
    open.push({ uri, path, seed, document });
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: document.languageId, version: 1, text: seed.text } });
  };
  for (let i = 0; i < 4; i++) await openOne();

  try {
    for (let edit = 1; edit <= options.edits; edit++) {
      const doc = r.pick(open);
      const text = doc.document.getText();
      const version = doc.document.version + 1;
      // Typing drifts; now and then the editor replaces the whole text (a revert, a paste).
      const changes =
        r.chance(0.01) || text.length > 40_000
          ? [{ text: doc.seed.text }]
          : (() => {
              const start = r.int(text.length + 1);
              const end = Math.min(text.length, start + (r.chance(0.5) ? 0 : r.int(8)));
              return [{ range: { start: doc.document.positionAt(start), end: doc.document.positionAt(end) }, text: r.pick(TYPED) }];
            })();
      doc.document = TextDocument.update(doc.document, changes, version);
      await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: doc.uri, version }, contentChanges: changes });
      result.edits++;

      const roll = r.next();
      if (roll < 0.05) {
        result.diagnosticsWaits.sent++;
        await client.nextDiagnostics(doc.uri, version).then(
          () => void result.diagnosticsWaits.answered++,
          (error: Error) => void result.failures.push(error.message),
        );
      } else if (roll < 0.15) {
        const range = { start: doc.document.positionAt(r.int(doc.document.getText().length + 1)), end: doc.document.positionAt(doc.document.getText().length) };
        const only = r.chance(0.3) ? { only: ["source.fixAll.aiReadiness"] } : {};
        const params = { textDocument: { uri: doc.uri }, range, context: { diagnostics: [], ...only } };
        if (r.chance(0.3)) {
          const cancel = new CancellationTokenSource();
          track(client.connection.sendRequest("textDocument/codeAction", params, cancel.token), "cancelled code action");
          if (r.chance(0.5)) cancel.cancel();
          else setImmediate(() => cancel.cancel());
        } else track(client.connection.sendRequest("textDocument/codeAction", params), "code action");
      } else if (roll < 0.17) {
        track(client.connection.sendRequest("workspace/executeCommand", { command: "aiReadiness.showDocs", arguments: [r.pick(["missing-timeout", "no-such-rule"])] }), "command");
      } else if (roll < 0.19) {
        client.settings = r.chance(0.5) ? {} : { rules: { "untraced-model-call": "off" }, unsafeFixes: r.chance(0.5) };
        await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
      } else if (roll < 0.21) {
        // A file on disk changes, is created, or is deleted.
        result.fileEvents++;
        const seed = r.pick(seeds);
        const path = join(folder, `disk${r.int(20)}${EXTENSIONS[seed.language]}`);
        let type = 1;
        try {
          if (r.chance(0.3)) {
            unlinkSync(path);
            type = 3;
          } else writeFileSync(path, seed.text);
        } catch {
          type = 3; // already gone: still a deletion event, as a watcher may send twice
        }
        await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(path).toString(), type }] });
      } else if (roll < 0.215) {
        // An open file deleted: the editor closes it, the watcher reports it, another opens.
        result.deletions++;
        const gone = open.splice(open.indexOf(doc), 1)[0];
        unlinkSync(gone.path);
        await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri: gone.uri } });
        await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: gone.uri, type: 3 }] });
        await openOne();
      }
      if (pending.length > 200) await Promise.all(pending.splice(0));
      if (edit === options.baselineAfter) {
        await Promise.all(pending.splice(0));
        result.heapBaselineMb = heapMb();
        result.dataBaselineMb = result.heapBaselineMb - codeMb();
      }
      if (edit % 1000 === 0) options.progress?.(edit);
    }
    // Every request settles (answered or cancelled) within a generous bound, or counts as unanswered.
    const settled = await Promise.race([Promise.all(pending.splice(0)).then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000).unref())]);
    if (!settled) result.requests.unanswered = result.requests.sent - result.requests.answered - result.requests.cancelled - result.requests.failed;
    // Each open document still gets diagnostics for its newest version (one last keystroke).
    for (const doc of open) {
      const version = doc.document.version + 1;
      const end = doc.document.positionAt(doc.document.getText().length);
      const changes = [{ range: { start: end, end }, text: "\n" }];
      doc.document = TextDocument.update(doc.document, changes, version);
      result.diagnosticsWaits.sent++;
      const published = client.nextDiagnostics(doc.uri, version);
      await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: doc.uri, version }, contentChanges: changes });
      await published.then(
        () => void result.diagnosticsWaits.answered++,
        (error: Error) => void result.failures.push(error.message),
      );
    }
    result.heapEndMb = heapMb();
    result.dataEndMb = result.heapEndMb - codeMb();
    result.heapRatio = result.heapEndMb / result.heapBaselineMb;
    result.rssEndMb = process.memoryUsage().rss / 1e6;
  } finally {
    await client.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
  return result;
}
