/** What a lint run is told: which rules at what severity, and the values fixes write. */
import type { RuleSetting } from "../types";

export interface FixDefaults {
  /** The timeout a fix adds, in seconds (written in the SDK's own unit). */
  timeoutSeconds: number;
  /** The output limit a fix adds, in tokens. */
  maxOutputTokens: number;
}

/** A team's own helpers the engine cannot see into, by the name they are called or decorated with. */
export interface Wrappers {
  /** Decorators, context managers and wrapper functions that trace the model calls inside them. */
  tracing: string[];
  /** ... that bound the model calls inside them with a timeout. */
  timeout: string[];
}

export type Preset = "recommended" | "strict";

export interface LintConfig {
  /** Severity per rule id, or `off`; rules not named follow the preset. */
  rules: Record<string, RuleSetting>;
  /** `recommended` (default): recommended rules on, strict ones off. `strict`: all on. */
  preset?: Preset;
  /** Options per rule id, already checked against the rule's declared options. */
  ruleOptions?: Record<string, Record<string, unknown>>;
  fix: FixDefaults;
  wrappers?: Wrappers;
  /** Set by the host for a test file: only rules that matter in tests run (`Rule.checksTests`). */
  testFile?: boolean;
  /** From the config file: check test files like any other. */
  checkTests?: boolean;
}

export const DEFAULT_FIX: FixDefaults = { timeoutSeconds: 30, maxOutputTokens: 1024 };

export const DEFAULT_CONFIG: LintConfig = { rules: {}, fix: DEFAULT_FIX };

const SETTINGS: readonly RuleSetting[] = ["error", "warning", "info", "off"];

export function isRuleSetting(value: unknown): value is RuleSetting {
  return typeof value === "string" && (SETTINGS as readonly string[]).includes(value);
}

/** `base` with `override`'s rule settings on top (the editor's settings over the config file's). */
export function mergeConfig(base: LintConfig, override: Partial<LintConfig>): LintConfig {
  return {
    ...base,
    ...override,
    rules: { ...base.rules, ...override.rules },
    fix: { ...base.fix, ...override.fix },
  };
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
    if (isPositiveCount(value)) fix[key] = Math.round(value);
    else problems.push(`\`fix.${key}\` must be a positive number`);
  }
  return { config: { rules, fix }, problems };
}

export function isPositiveCount(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 && value <= 1_000_000;
}
