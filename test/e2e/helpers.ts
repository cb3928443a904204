/** What the editor tests share: the fixture workspace, the extension, and waiting on diagnostics. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as vscode from "vscode";

export const EXTENSION_ID = "ai-readiness.ai-readiness";
export const SOURCE = "ai-readiness";

/** Every rule that a prototype-style OpenAI call in the fixtures breaks. */
export const OPENAI_CALL_RULES = ["missing-output-limit", "missing-timeout", "unvalidated-model-json", "untraced-model-call", "usage-not-recorded"];

/** How long one wait on the editor may take before the test fails with what it saw. */
const WAIT_MS = 30_000;

/** A file of a fixture folder (`python` or `typescript`) of the workspace under test. */
export function fixture(folder: "python" | "typescript", path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(folder).uri, path);
}

export function workspaceFolder(name: "python" | "typescript"): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  if (!folder) {
    const open = vscode.workspace.workspaceFolders?.map((f) => f.name).join(", ") ?? "none";
    throw new Error(`the editor has no workspace folder "${name}" (open: ${open}); run the suite through scripts/e2e.mjs or scripts/electron.mjs`);
  }
  return folder;
}

/** Makes sure the extension under test is the one from this repository and is active. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
  return extension;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Drops unsaved changes so the next test sees the file as on disk. */
export async function revert(uri: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document?.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand("workbench.action.files.revert");
}

/** A diagnostic's rule id: the client turns `code` + `codeDescription` into `{ value, target }`. */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === "object" ? code.value : code);
}

export function docsTargetOf(diagnostic: vscode.Diagnostic): vscode.Uri | undefined {
  return typeof diagnostic.code === "object" ? diagnostic.code.target : undefined;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function rules(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map(ruleOf).sort();
}

/** Resolves with our diagnostics on `uri` once they are exactly `expected` (rule ids, any order). */
export function waitForRules(uri: vscode.Uri, expected: string[], extra?: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const want = [...expected].sort();
  return waitForDiagnostics(uri, `rules [${want.join(", ")}]`, (d) => sameList(rules(d), want) && (extra?.(d) ?? true));
}

/**
 * Resolves with our diagnostics on `uri` when `accept` takes them: checked now, then on every
 * `onDidChangeDiagnostics` for that file, until a deadline that fails with what was last seen.
 */
export function waitForDiagnostics(uri: vscode.Uri, what: string, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const settle = (): boolean => {
      const current = ours(uri);
      if (!accept(current)) return false;
      stop();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === key)) settle();
    });
    const deadline = setTimeout(() => {
      stop();
      const seen = ours(uri).map((d) => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
      reject(new Error(`no ${what} on ${vscode.workspace.asRelativePath(uri)} within ${timeoutMs} ms; last seen: [${seen.join(", ")}]`));
    }, timeoutMs);
    function stop() {
      subscription.dispose();
      clearTimeout(deadline);
    }
    settle();
  });
}

/** Resolves with the next editor whose document satisfies `accept`. */
export function waitForEditor(what: string, accept: (editor: vscode.TextEditor) => boolean, timeoutMs = WAIT_MS): Promise<vscode.TextEditor> {
  return new Promise((resolve, reject) => {
    const check = (editor: vscode.TextEditor | undefined): void => {
      if (!editor || !accept(editor)) return;
      stop();
      resolve(editor);
    };
    const subscriptions = [vscode.window.onDidChangeActiveTextEditor(check), vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(check))];
    const deadline = setTimeout(() => {
      stop();
      reject(new Error(`no editor with ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    function stop() {
      subscriptions.forEach((s) => s.dispose());
      clearTimeout(deadline);
    }
    check(vscode.window.activeTextEditor);
  });
}

export type Action = vscode.CodeAction | vscode.Command;

/**
 * The code actions VS Code gathers for `range` from every provider: ours, and others such
 * as the built-in TypeScript one. VS Code cancels the whole request when the set of
 * providers changes meanwhile (TypeScript's registers more once its server is up): the
 * request then fails with `Canceled`, or answers with nothing from the providers that
 * noticed. Either way, ask again; every answer from our server offers "Show documentation".
 */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    let actions: vscode.CodeAction[] | undefined;
    try {
      const answer = (await vscode.commands.executeCommand<Action[]>("vscode.executeCodeActionProvider", uri, range, kind)) ?? [];
      actions = answer.filter((a): a is vscode.CodeAction => !("command" in a && typeof a.command === "string"));
    } catch (error) {
      if (!(error instanceof Error && error.name === "Canceled") || attempt === 5) throw error;
    }
    if (actions && (actions.some((a) => a.title.startsWith("Show documentation for `")) || attempt === 5)) return actions;
    console.log(`      (code actions: VS Code cancelled request ${attempt}; asking again)`);
  }
}

export function titled(actions: vscode.CodeAction[], match: (title: string) => boolean, what: string): vscode.CodeAction {
  const found = actions.find((a) => match(a.title));
  if (!found) throw new Error(`no code action ${what}; offered:\n  ${actions.map((a) => a.title).join("\n  ")}`);
  return found;
}

/**
 * The language server's processes: the extension host's children started from
 * `dist/server.js` (the client forks it with IPC). Linux only: read from /proc.
 */
export function serverPids(): number[] {
  const parent = process.pid;
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      if (Number(/^PPid:\s*(\d+)/m.exec(status)?.[1]) !== parent || /^State:\s*Z/m.test(status)) continue;
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (commandLine.some((arg) => /[\\/]dist[\\/]server\.js$/.test(arg))) pids.push(Number(entry));
    } catch {
      // the process ended while we read it
    }
  }
  return pids;
}

export function processAlive(pid: number): boolean {
  if (!existsSync(`/proc/${pid}`)) return false;
  try {
    return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
