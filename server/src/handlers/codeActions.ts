/**
 * Code actions, built from `diagnostic.data` (no second lint): per finding the fix
 * (preferred only when safe), fix all of this rule in the file, ignore on this line, and
 * show docs; and `source.fixAll.aiReadiness` through the engine's shared fix loop.
 */
import { CodeAction, CodeActionKind, type Connection, type Diagnostic, type TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { fixText, isApplicable, suppressionComment, type LintResult } from "../../../rules/src/index";
import { isOurDiagnostic, minimalEdit } from "../convert";
import type { DiagnosticsScheduler } from "../diagnostics";
import { Commands, FIX_ALL_KIND, type DiagnosticData, type Settings } from "../protocol";
import type { ProjectIndex } from "../projectIndex";
import type { ProjectConfigs } from "../projectConfigs";
import type { OpenDocument, Session } from "../session";

export function registerCodeActions(connection: Connection, session: Session, project: ProjectIndex, configs: ProjectConfigs, diagnostics: DiagnosticsScheduler): void {
  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    const document = session.documents.get(uri);
    const settings = await session.settingsFor(uri);
    const lint = await diagnostics.current(uri);
    const config = settings.enable ? await configs.lintConfigFor(uri, settings) : null;
    if (!document || !lint || !config) return [];
    const only = params.context.only;
    const fixAllRequested = only?.some((kind) => kind.startsWith(CodeActionKind.Source) && FIX_ALL_KIND.startsWith(kind)) ?? false;
    const fixAll = (rule?: string): TextEdit | null => {
      const before = document.text.getText();
      const after = fixText(before, document.language, config, project.facts(), { unsafe: settings.unsafeFixes, rule }).text;
      return minimalEdit(document.text, before, after);
    };
    if (fixAllRequested) {
      const edit = fixAll();
      const action = CodeAction.create("Fix all AI Readiness problems", FIX_ALL_KIND);
      action.edit = { changes: { [uri]: edit ? [edit] : [] } };
      return [action];
    }
    if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    return quickFixes(document, params.context.diagnostics.filter(isOurDiagnostic), lint, settings, fixAll);
  });
}

function quickFixes(
  document: OpenDocument,
  ours: (Diagnostic & { data: DiagnosticData })[],
  lint: LintResult,
  settings: Settings,
  fixAll: (rule: string) => TextEdit | null,
): CodeAction[] {
  const uri = document.text.uri;
  const fixes: CodeAction[] = [];
  const more: CodeAction[] = [];
  const seenRules = new Set<string>();
  for (const diagnostic of ours) {
    const { rule, fix } = diagnostic.data;
    if (fix) {
      const action = CodeAction.create(fix.safety === "safe" ? fix.title : `${fix.title} (unsafe)`, { changes: { [uri]: fix.edits } }, CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = fix.safety === "safe";
      fixes.push(action);
    }
    if (seenRules.has(rule)) continue;
    seenRules.add(rule);
    const fixable = lint.findings.filter((f) => f.rule === rule && isApplicable(f.fix, { unsafe: settings.unsafeFixes })).length;
    if (fixable > 1) {
      const edit = fixAll(rule);
      if (edit) more.push(CodeAction.create(`Fix all \`${rule}\` problems in this file`, { changes: { [uri]: [edit] } }, CodeActionKind.QuickFix));
    }
    more.push(ignoreAction(document, diagnostic, rule));
    more.push(CodeAction.create(`Show documentation for \`${rule}\``, { title: "Show documentation", command: Commands.showDocs, arguments: [rule] }, CodeActionKind.QuickFix));
  }
  return [...fixes, ...more];
}

/** Puts `ai-readiness: ignore[rule]` on its own line above the finding, at that line's indentation. */
function ignoreAction(document: OpenDocument, diagnostic: Diagnostic, rule: string): CodeAction {
  const edit = suppressionEdit(document.text, document.language, diagnostic.range.start.line, rule);
  const action = CodeAction.create(`Ignore \`${rule}\` on this line`, { changes: { [document.text.uri]: [edit] } }, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  return action;
}

/** The edit that puts `ai-readiness: ignore[rule]` above a 0-based line (the panel's "ignore" uses it too). */
export function suppressionEdit(text: TextDocument, language: string, line: number, rule: string): TextEdit {
  const lineText = text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? "";
  const newline = text.getText().includes("\r\n") ? "\r\n" : "\n";
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${suppressionComment(language, rule)}${newline}` };
}
