/**
 * Applying fixes: one loop shared by the CLI's `--fix`, the editor's fix-all and
 * fix-on-save. Each pass applies the fixes that do not touch each other, re-lints, and
 * goes on until nothing is left to fix. A fix that would add a syntax error is dropped.
 */
import type { LintConfig } from "./config/lintConfig";
import { lintText, type LintResult } from "./lint";
import { countErrors } from "./model/syntax";
import type { ProjectFacts } from "./model/project";
import { FileSkipped, withBudget } from "./parse/budget";
import { parseText } from "./parse/parser";
import type { Edit, Finding, Fix, LanguageId } from "./types";

const MAX_PASSES = 10;

export interface FixOptions {
  /** Apply unsafe fixes too. */
  unsafe: boolean;
  /** Only fixes of this rule. */
  rule?: string;
}

export interface FixResult {
  text: string;
  /** How many fixes were applied. */
  applied: number;
  /** The findings left after the last pass. */
  remaining: Finding[];
  /** Why nothing was fixed: the file is over the engine's budget (the text is returned unchanged). */
  skipped?: string;
}

/** Applies edits that do not overlap; edits at the same offset keep their given order. */
export function applyEdits(text: string, edits: Edit[]): string {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.order - b.order);
  let out = "";
  let position = 0;
  for (const { edit } of sorted) {
    out += text.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return out + text.slice(position);
}

/** Two edits conflict when they overlap or insert at the same place. */
function conflicts(a: Edit, b: Edit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

/** The fixes of one pass that touch nothing another chosen fix touches, first come first served. */
export function nonOverlappingFixes(fixes: Fix[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: Edit[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.some((other) => conflicts(edit, other)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

export function isApplicable(fix: Fix | null, options: FixOptions): fix is Fix {
  return fix !== null && fix.edits.length > 0 && (options.unsafe || fix.safety === "safe");
}

function syntaxErrorCount(language: LanguageId, text: string): number {
  const tree = parseText(language, text);
  try {
    return countErrors(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** The fix loop under one budget for all its passes; a file over it comes back unchanged. */
export function fixText(text: string, language: LanguageId, config: LintConfig, project: ProjectFacts, options: FixOptions): FixResult {
  try {
    return withBudget(() => fixLoop(text, language, config, project, options));
  } catch (error) {
    if (!(error instanceof FileSkipped)) throw error;
    return { text, applied: 0, remaining: [], skipped: error.reason };
  }
}

function fixLoop(text: string, language: LanguageId, config: LintConfig, project: ProjectFacts, options: FixOptions): FixResult {
  let current = text;
  let applied = 0;
  let result: LintResult = lintText(current, language, config, project);
  if (result.skipped) throw new FileSkipped(result.skipped);
  const baselineErrors = syntaxErrorCount(language, current);
  const rejected = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const candidates = result.findings
      .filter((f) => !options.rule || f.rule === options.rule)
      .map((f) => f.fix)
      .filter((fix): fix is Fix => isApplicable(fix, options) && !rejected.has(fixKey(fix)));
    if (candidates.length === 0) break;
    const batch = nonOverlappingFixes(candidates);
    let next = applyEdits(current, batch.flatMap((fix) => fix.edits));
    let count = batch.length;
    if (syntaxErrorCount(language, next) > baselineErrors) {
      // One of them breaks the file: keep only those that are fine alone.
      const good = batch.filter((fix) => {
        const ok = syntaxErrorCount(language, applyEdits(current, fix.edits)) <= baselineErrors;
        if (!ok) rejected.add(fixKey(fix));
        return ok;
      });
      if (good.length === 0) continue;
      next = applyEdits(current, nonOverlappingFixes(good).flatMap((fix) => fix.edits));
      count = good.length;
      if (syntaxErrorCount(language, next) > baselineErrors) {
        next = applyEdits(current, good[0].edits);
        count = 1;
      }
    }
    current = next;
    applied += count;
    result = lintText(current, language, config, project);
    if (result.skipped) throw new FileSkipped(result.skipped);
  }
  return { text: current, applied, remaining: result.findings };
}

/** Identifies a fix across passes, for the ones refused because they break the file. */
function fixKey(fix: Fix): string {
  return `${fix.title}@${fix.edits.map((e) => `${e.start}:${e.end}:${e.text}`).join("|")}`;
}
