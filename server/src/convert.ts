/** Pure conversions between the engine's findings and LSP shapes. */
import { Diagnostic, DiagnosticSeverity, type TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { docsUrl, type Edit, type Finding, type Fix, type Severity } from "../../rules/src/index";
import { SOURCE, type DiagnosticData } from "./protocol";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toTextEdit(document: TextDocument, edit: Edit): TextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text };
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const data: DiagnosticData = { rule: finding.rule, fix: finding.fix && fixData(document, finding.fix) };
  const diagnostic = Diagnostic.create(
    { start: document.positionAt(finding.span.start), end: document.positionAt(finding.span.end) },
    finding.message,
    SEVERITY[finding.severity],
    finding.rule,
    SOURCE,
  );
  diagnostic.codeDescription = { href: docsUrl(finding.rule) };
  diagnostic.data = data;
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri: document.uri, range: { start: document.positionAt(r.span.start), end: document.positionAt(r.span.end) } },
      message: r.message,
    }));
  }
  return diagnostic;
}

function fixData(document: TextDocument, fix: Fix): DiagnosticData["fix"] {
  return { title: fix.title, safety: fix.safety, edits: fix.edits.map((e) => toTextEdit(document, e)) };
}

export function isOurDiagnostic(diagnostic: Diagnostic): diagnostic is Diagnostic & { data: DiagnosticData } {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return diagnostic.source === SOURCE && typeof data?.rule === "string";
}

/**
 * The smallest single edit that turns `before` into `after` (common prefix and suffix
 * kept), so a fix-all does not move the cursor or fold state of untouched text.
 */
export function minimalEdit(document: TextDocument, before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (endBefore < before.length && isHighSurrogate(before.charCodeAt(endBefore - 1))) {
    endBefore++;
    endAfter++;
  }
  return toTextEdit(document, { start, end: endBefore, text: after.slice(start, endAfter) });
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
