/**
 * An LSP client for tests: talks JSON-RPC to the server over in-memory streams, answers
 * `workspace/configuration` with settings the test controls, and lets tests wait for the
 * diagnostics of a given document version (never a fixed sleep).
 */
import { PassThrough } from "node:stream";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { createConnection } from "vscode-languageserver/node";
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit } from "vscode-languageserver";
import { startServer } from "../server/src/server";
import { nodeModulesWasm } from "../rules/src/testing";
import { RULES_DIR } from "./helpers";

export class TestClient {
  readonly connection: MessageConnection;
  settings: Record<string, unknown> = {};
  /** Answers `workspace/configuration` for sections other than `aiReadiness` (e.g. `files.exclude`). */
  otherSettings: Record<string, unknown> = {};
  /** `$/progress` values the server sent, in order. */
  readonly progress: { kind: string; message?: string; percentage?: number; cancellable?: boolean }[] = [];
  readonly shownDocuments: string[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; version: number; resolve: (d: Diagnostic[]) => void }[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();

  /** `debounceMs`: the server's wait after a change before it lints (short in tests). */
  constructor(debounceMs = 5) {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), {
      locateWasm: nodeModulesWasm,
      docsPath: (id) => join(RULES_DIR, id, "docs.md"),
      debounceMs,
    });
    this.connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.connection.onRequest("workspace/configuration", (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section && item.section !== "aiReadiness" ? (this.otherSettings[item.section] ?? null) : this.settings)),
    );
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onNotification("$/progress", (params: { value: TestClient["progress"][number] }) => this.progress.push(params.value));
    this.connection.onRequest("window/showDocument", (params: { uri: string }) => {
      this.shownDocuments.push(params.uri);
      return { success: true };
    });
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && (params.version === undefined || params.version >= waiter.version)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params.diagnostics);
        }
      }
    });
    this.connection.listen();
  }

  async initialize(workspaceFolders: { uri: string; name: string }[] | null = null): Promise<void> {
    await this.connection.sendRequest("initialize", {
      processId: null,
      rootUri: null,
      workspaceFolders,
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { showDocument: { support: true }, workDoneProgress: true } },
    });
    await this.connection.sendNotification("initialized", {});
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? "";
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, languageId: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    const diagnostics = this.nextDiagnostics(uri);
    await this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
    return diagnostics;
  }

  /** Applies edits as incremental changes (last first, so positions stay valid) and waits for the new diagnostics. */
  async applyEdits(uri: string, edits: TextEdit[]): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const sorted = lastFirst(edits, (p) => p.line * 1e6 + p.character);
    this.texts.set(uri, applyTextEdits(this.text(uri), edits));
    const diagnostics = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return diagnostics;
  }

  /**
   * One change given in offsets, made ready to send: the positions and the copy of the text
   * are worked out now, so `send()` covers only the round trip to the new diagnostics.
   */
  changeAt(uri: string, start: number, end: number, newText: string): () => Promise<Diagnostic[]> {
    const text = this.text(uri);
    const position = (offset: number) => {
      const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
      return { line: text.slice(0, lineStart).split("\n").length - 1, character: offset - lineStart };
    };
    const range = { start: position(start), end: position(end) };
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text.slice(0, start) + newText + text.slice(end));
    return async () => {
      const diagnostics = this.nextDiagnostics(uri, version);
      await this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
      return diagnostics;
    };
  }

  nextDiagnostics(uri: string, version = this.versions.get(uri) ?? 1): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), 10_000);
      this.waiters.push({ uri, version, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  async dispose(): Promise<void> {
    await this.connection.sendRequest("shutdown").catch(() => undefined);
    this.connection.dispose();
  }
}

/** Applies LSP edits to a text, each in positions of the original text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  let out = text;
  for (const e of lastFirst(edits, offset)) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Edits ordered so that applying them one by one keeps later positions valid; inserts at one place keep their order. */
function lastFirst(edits: TextEdit[], key: (p: { line: number; character: number }) => number): TextEdit[] {
  return edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => key(b.edit.range.start) - key(a.edit.range.start) || b.index - a.index)
    .map(({ edit }) => edit);
}
