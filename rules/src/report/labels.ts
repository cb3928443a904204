/** Words for people: check names, factors and scores as the panel and the exported reports show them. */
import type { CheckName } from "../model/checks";
import type { Factor, Verdict } from "../types";

/** Shorter words than the check keys where the key reads badly; any new check falls back to its key in words. */
const CHECK_WORDS: Partial<Record<string, string>> = {
  outputLimit: "output limit",
  usageRecorded: "usage",
  outputGuarded: "output handling",
  errorHandling: "errors",
  modelPinned: "pinned model",
};

export function checkLabel(name: CheckName | string): string {
  return CHECK_WORDS[name] ?? name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

export function factorLabel(factor: Factor | string): string {
  return factor.charAt(0).toUpperCase() + factor.slice(1);
}

/** `62%`, or an en dash when there is nothing to score. */
export function percent(score: number | null): string {
  return score === null ? "–" : `${Math.round(score * 100)}%`;
}

export const VERDICT_MARK: Record<Verdict, string> = { pass: "✓", fail: "✗", unknown: "?" };

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
