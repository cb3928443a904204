import type { FindingDraft, Rule } from "../../rule";
import type { FileFacts, Suppression } from "../../model/facts";
import { lineEndAfter } from "../../edits";
import type { Edit } from "../../types";

/**
 * Reported by the lint run itself, once every other rule has run (`check` has nothing to
 * look at on its own): a suppression is unused when none of its rules reported there.
 */
export const unusedSuppression: Rule = {
  id: "unused-suppression",
  factor: "compliance",
  tier: "recommended",
  checksTests: true,
  severity: "info",
  summary: "An `ai-readiness: ignore[…]` comment that no longer suppresses anything",
  fix: "safe",
  check: () => [],
};

export interface SuppressionUse {
  suppression: Suppression;
  /** Rule ids of the comment that suppressed at least one finding. */
  used: Set<string>;
}

/**
 * `isActive(id)`: the rule exists and runs in this configuration. A suppression of a rule
 * that is off is left alone: another configuration may turn it on.
 */
export function unusedSuppressions(facts: FileFacts, uses: SuppressionUse[], isKnown: (id: string) => boolean, isActive: (id: string) => boolean): FindingDraft[] {
  // Half-typed code reports less than it will: judging suppressions now would nag.
  if (facts.syntaxErrors > 0) return [];
  const findings: FindingDraft[] = [];
  for (const { suppression, used } of uses) {
    const stale = suppression.rules.filter((id) => !isKnown(id) || (isActive(id) && !used.has(id) && id !== unusedSuppression.id));
    if (stale.length === 0) continue;
    const unknown = stale.filter((id) => !isKnown(id));
    const names = stale.map((id) => `\`${id}\``).join(", ");
    findings.push({
      span: suppression.span,
      message:
        unknown.length === stale.length
          ? `This suppression names ${unknown.length === 1 ? "a rule that does not exist" : "rules that do not exist"}: ${names}`
          : `This suppression no longer suppresses anything for ${names}: the finding is gone, so the comment only hides future ones`,
      fix: {
        title: stale.length === suppression.rules.length ? "Remove the unused suppression" : `Remove ${names} from the suppression`,
        safety: "safe",
        edits: [removal(facts.text, suppression, stale)],
      },
    });
  }
  return findings;
}

/** Drops the stale ids from the list, or the whole comment (and its line, when it stands alone). */
function removal(text: string, suppression: Suppression, stale: string[]): Edit {
  const { start, end } = suppression.span;
  const comment = text.slice(start, end);
  const kept = suppression.rules.filter((id) => !stale.includes(id));
  if (kept.length > 0) {
    const list = /ignore\[([^\]]*)\]/.exec(comment)!;
    const listStart = start + list.index + "ignore[".length;
    return { start: listStart, end: listStart + list[1].length, text: kept.join(", ") };
  }
  if (suppression.ownLine) {
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const lineEnd = lineEndAfter(text, end);
    const next = text.indexOf("\n", lineEnd);
    return { start: lineStart, end: next < 0 ? lineEnd : next + 1, text: "" };
  }
  let from = start;
  while (from > 0 && (text[from - 1] === " " || text[from - 1] === "\t")) from--;
  return { start: from, end, text: "" };
}
