/**
 * `ai-readiness: ignore[rule-id, …] -- reason` in a comment: on the finding's line, or alone
 * on the line before it.
 */
import type { Suppression } from "./model/facts";
import type { Finding } from "./types";
import type { LineIndex } from "./lineIndex";

export function isSuppressed(finding: Finding, suppressions: Suppression[], lines: LineIndex): boolean {
  if (suppressions.length === 0) return false;
  const line = lines.position(finding.span.start).line;
  return suppressions.some(
    (s) => s.rules.includes(finding.rule) && (s.line === line || (s.ownLine && s.line === line - 1)),
  );
}

/** The comment that suppresses `ruleId`, in the language's comment syntax. */
export function suppressionComment(language: string, ruleId: string): string {
  return `${language === "python" ? "#" : "//"} ai-readiness: ignore[${ruleId}]`;
}
