/**
 * `ai-readiness: ignore[rule-id, …] -- reason` in a comment: on the finding's line, or alone
 * on the line before it.
 */
import type { Suppression } from "./model/facts";
import type { Finding } from "./types";
import type { LineIndex } from "./lineIndex";

/** The suppression that covers the finding, if any. */
export function suppressionOf(finding: Finding, suppressions: Suppression[], lines: LineIndex): Suppression | undefined {
  if (suppressions.length === 0) return undefined;
  const line = lines.position(finding.span.start).line;
  return suppressions.find((s) => s.rules.includes(finding.rule) && (s.line === line || (s.ownLine && s.line === line - 1)));
}

/** The comment that suppresses `ruleId`, in the language's comment syntax. */
export function suppressionComment(language: string, ruleId: string): string {
  return `${language === "python" ? "#" : "//"} ai-readiness: ignore[${ruleId}]`;
}
