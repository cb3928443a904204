/**
 * Runs fuzz cases through the engine (lint; fix-all, which must add no syntax error and
 * converge; incremental reparse), through an
 * in-process language server (didOpen, didChange, code actions, fix-all) and, one case in
 * ten, through the CLI (the file on disk, every output format), and counts what
 * went wrong: an exception that escaped, a request that failed, a document that never got
 * its diagnostics, an error in the server's log, and budget overruns as the engine counts them.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { parseArgs, type CheckArgs, type Format } from "../../cli/src/args";
import { check } from "../../cli/src/check";
import { render } from "../../cli/src/output";
import type { CodeAction, Diagnostic } from "vscode-languageserver";
import { budgetStats, DEFAULT_CONFIG, EMPTY_PROJECT, fixText, lintText, SourceDocument, lintDocument, type LanguageId } from "../../rules/src/index";
import { initTestEngine, syntaxErrors } from "../../rules/src/testing";
import { RULES_DIR } from "../helpers";
import { TestClient } from "../lspClient";
import { seedFiles } from "./corpus";
import { makeCase, type FuzzCase } from "./mutate";
import { Random } from "./random";

export interface FuzzOptions {
  seed: number;
  cases: number;
  /** Run only this case (to replay a failure). */
  only?: number;
  /** Called after each case, for progress. */
  progress?: (done: number, result: FuzzResult) => void;
}

export interface FuzzFailure {
  index: number;
  steps: string[];
  error: string;
}

export interface FuzzResult {
  cases: number;
  crashes: number;
  overruns: number;
  /** Cases the engine skipped on purpose (over its budget), with the reasons seen. */
  skipped: number;
  skipReasons: Map<string, number>;
  failures: FuzzFailure[];
  longestMs: number;
  peakRssMb: number;
}

const LANGUAGE_IDS: Record<LanguageId, string> = { python: "python", typescript: "typescript", tsx: "typescriptreact", javascript: "javascript" };

/** Engine calls on one case; returns the skip reason if the engine skipped the file. */
function engineChecks(c: FuzzCase, r: Random): string | undefined {
  const lint = lintText(c.text, c.language, DEFAULT_CONFIG, EMPTY_PROJECT);
  // Fix-all on a broken file: never a new syntax error, and a second run changes nothing.
  const unsafe = r.chance(0.5);
  const fixed = fixText(c.text, c.language, DEFAULT_CONFIG, EMPTY_PROJECT, { unsafe });
  if (fixed.applied > 0) {
    if (syntaxErrors(fixed.text, c.language) > syntaxErrors(c.text, c.language)) throw new Error("fix-all added a syntax error");
    const again = fixText(fixed.text, c.language, DEFAULT_CONFIG, EMPTY_PROJECT, { unsafe });
    if (!again.skipped && again.text !== fixed.text) throw new Error(`a second fix-all changed the file again (${again.applied} fixes)`);
  }
  // The server's path: an open document edited in place, reparsed incrementally.
  const document = new SourceDocument(c.language, c.text);
  try {
    lintDocument(document, DEFAULT_CONFIG, EMPTY_PROJECT);
    for (let n = 0; n < 3; n++) {
      const start = r.int(document.text.length + 1);
      const end = Math.min(document.text.length, start + r.int(10));
      document.update([{ start, end, text: r.pick(["", "(", "\n", "x", "😀", '"', "\r"]) }]);
      lintDocument(document, DEFAULT_CONFIG, EMPTY_PROJECT);
    }
  } finally {
    document.dispose();
  }
  return lint.skipped;
}

/** The server's part: open, edit, ask for quick fixes and fix-all, close. */
async function serverChecks(client: TestClient, c: FuzzCase, r: Random): Promise<void> {
  const uri = `file:///fuzz/case-${c.index}${extension(c.language)}`;
  const languageId = LANGUAGE_IDS[c.language];
  let document = TextDocument.create(uri, languageId, 1, c.text);
  const opened = client.nextDiagnostics(uri, 1);
  await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text: c.text } });
  let diagnostics: Diagnostic[] = await opened;
  for (let version = 2; version <= 3; version++) {
    const start = r.int(document.getText().length + 1);
    const end = Math.min(document.getText().length, start + r.int(10));
    const range = { start: document.positionAt(start), end: document.positionAt(end) };
    const change = { range, text: r.pick(["", ")", "\n", "é", "'", "client.chat.completions.create("]) };
    document = TextDocument.update(document, [change], version);
    const next = client.nextDiagnostics(uri, version);
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [change] });
    diagnostics = await next;
  }
  const quickFixes: CodeAction[] = await client.codeActions(uri, diagnostics);
  if (!Array.isArray(quickFixes)) throw new Error("code actions: no list");
  const fixAll: CodeAction[] = await client.codeActions(uri, [], ["source.fixAll.aiReadiness"]);
  if (!Array.isArray(fixAll) || fixAll.length !== 1) throw new Error(`fix-all: expected one action, got ${JSON.stringify(fixAll).slice(0, 200)}`);
  await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
}

/** The CLI's part, on every tenth case (the heavy ones included): the file on disk (read as bytes, binary probed), checked and rendered. */
async function cliChecks(folder: string, c: FuzzCase, r: Random): Promise<void> {
  const path = join(folder, `case${extension(c.language)}`);
  writeFileSync(path, c.text);
  const format = r.pick<Format>(["text", "json", "sarif", "github"]);
  const { report } = await check(parseArgs(["check", path, "--format", format]) as CheckArgs, folder, async () => "");
  await render(report, format, (id) => join(RULES_DIR, id, "docs.md"));
}

function extension(language: LanguageId): string {
  return { python: ".py", typescript: ".ts", tsx: ".tsx", javascript: ".js" }[language];
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  await initTestEngine();
  const seeds = seedFiles();
  const result: FuzzResult = { cases: 0, crashes: 0, overruns: 0, skipped: 0, skipReasons: new Map(), failures: [], longestMs: 0, peakRssMb: 0 };
  const client = new TestClient();
  const serverErrors: string[] = [];
  // Any error the server logs is an exception it caught: for the fuzzer, a crash.
  client.connection.onNotification("window/logMessage", (params: { type: number; message: string }) => {
    if (params.type === 1) serverErrors.push(params.message);
  });
  await client.initialize();
  const before = budgetStats();
  const folder = mkdtempSync(join(tmpdir(), "ai-readiness-fuzz-"));
  const indices = options.only !== undefined ? [options.only] : Array.from({ length: options.cases }, (_, i) => i);
  try {
    for (const index of indices) {
      const c = makeCase(options.seed, index, seeds);
      const r = Random.forCase(options.seed ^ 0x5bd1e995, index);
      const overrunsBefore = budgetStats().overruns;
      const errors: string[] = [];
      try {
        const skipped = engineChecks(c, r);
        if (skipped) {
          result.skipped++;
          const kind = skipped.replace(/\d[\d.,]*/g, "N");
          result.skipReasons.set(kind, (result.skipReasons.get(kind) ?? 0) + 1);
        }
      } catch (error) {
        errors.push(`engine: ${describe(error)}`);
      }
      try {
        await serverChecks(client, c, r);
      } catch (error) {
        errors.push(`server: ${describe(error)}`);
      }
      if (index % 10 === 7) {
        try {
          await cliChecks(folder, c, r);
        } catch (error) {
          errors.push(`cli: ${describe(error)}`);
        }
      }
      errors.push(...serverErrors.splice(0).map((m) => `server log: ${m.slice(0, 500)}`));
      if (budgetStats().overruns > overrunsBefore) errors.push(`budget overrun (the engine ran past its time budget without a checkpoint)`);
      if (errors.length > 0) {
        if (budgetStats().overruns > overrunsBefore) result.overruns++;
        if (errors.some((e) => !e.startsWith("budget overrun"))) result.crashes++;
        result.failures.push({ index, steps: c.steps, error: errors.join("\n") });
      }
      result.cases++;
      result.peakRssMb = Math.max(result.peakRssMb, process.memoryUsage().rss / 1e6);
      options.progress?.(result.cases, result);
    }
  } finally {
    await client.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
  result.longestMs = Math.max(before.longestMs, budgetStats().longestMs);
  return result;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 6).join("\n") : String(error);
}
