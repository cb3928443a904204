/** What a lint run is told: which rules at what severity, and the values fixes write. */
import type { RuleSetting } from "./types";

export interface FixDefaults {
  /** The timeout a fix adds, in seconds (written in the SDK's own unit). */
  timeoutSeconds: number;
  /** The output limit a fix adds, in tokens. */
  maxOutputTokens: number;
}

export interface LintConfig {
  /** Severity per rule id, or `off`; rules not named keep their default (recommended on, strict off). */
  rules: Record<string, RuleSetting>;
  fix: FixDefaults;
}

export const DEFAULT_FIX: FixDefaults = { timeoutSeconds: 30, maxOutputTokens: 1024 };

export const DEFAULT_CONFIG: LintConfig = { rules: {}, fix: DEFAULT_FIX };

const SETTINGS: readonly RuleSetting[] = ["error", "warning", "info", "off"];

export function isRuleSetting(value: unknown): value is RuleSetting {
  return typeof value === "string" && (SETTINGS as readonly string[]).includes(value);
}

/** Keeps the valid parts of user-supplied values; reports what it dropped. */
export function sanitizeConfig(input: { rules?: unknown; fix?: unknown }, knownRules: string[]): { config: LintConfig; problems: string[] } {
  const problems: string[] = [];
  const rules: Record<string, RuleSetting> = {};
  if (input.rules && typeof input.rules === "object") {
    for (const [id, setting] of Object.entries(input.rules as Record<string, unknown>)) {
      if (!knownRules.includes(id)) problems.push(`unknown rule \`${id}\``);
      else if (!isRuleSetting(setting)) problems.push(`\`${id}\`: expected one of ${SETTINGS.join(", ")}`);
      else rules[id] = setting;
    }
  }
  const fix = { ...DEFAULT_FIX };
  const given = (input.fix ?? {}) as Record<string, unknown>;
  for (const key of ["timeoutSeconds", "maxOutputTokens"] as const) {
    const value = given[key];
    if (value === undefined) continue;
    if (typeof value === "number" && Number.isFinite(value) && value > 0 && value <= 1_000_000) fix[key] = Math.round(value);
    else problems.push(`\`fix.${key}\` must be a positive number`);
  }
  return { config: { rules, fix }, problems };
}
