/**
 * `ai-readiness.json`: read, checked against the rules the engine has, and turned into a
 * LintConfig plus the files it covers. A broken file never stops linting: every problem is
 * reported with its span in the file, and what is valid of the rest still applies.
 */
import type { Rule } from "../rule";
import type { RuleSetting, Span } from "../types";
import { globMatcher, type PathMatcher } from "./glob";
import { JsonSyntaxError, parseJsonc, type JsonValue } from "./jsonc";
import { DEFAULT_FIX, isPositiveCount, isRuleSetting, type LintConfig, type Preset, type Wrappers } from "./lintConfig";

export const CONFIG_FILE_NAME = "ai-readiness.json";

/** Larger than any hand-written config by far: anything bigger is not one. */
const MAX_CONFIG_CHARS = 1_000_000;

export interface ConfigProblem {
  message: string;
  span: Span;
  severity: "error" | "warning";
}

export interface ProjectConfig {
  lint: LintConfig;
  /** Relative to the config file's folder; an empty `include` means every file. */
  includes: PathMatcher | null;
  excludes: PathMatcher | null;
  /** The file set `fix` itself (so it wins over an editor's defaults). */
  setsFix: boolean;
  problems: ConfigProblem[];
}

export const EMPTY_PROJECT_CONFIG: ProjectConfig = {
  lint: { rules: {}, fix: DEFAULT_FIX },
  includes: null,
  excludes: null,
  setsFix: false,
  problems: [],
};

const TOP_LEVEL = ["$schema", "preset", "rules", "include", "exclude", "checkTests", "fix", "wrappers"];

export function parseProjectConfig(text: string, rules: readonly Rule[]): ProjectConfig {
  if (text.length > MAX_CONFIG_CHARS) {
    return { ...EMPTY_PROJECT_CONFIG, problems: [{ message: `the file is too large to be a configuration (${text.length} characters); defaults apply`, span: { start: 0, end: 0 }, severity: "error" }] };
  }
  let root: JsonValue;
  try {
    root = parseJsonc(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ...EMPTY_PROJECT_CONFIG, problems: [{ message: `${error.message}; defaults apply until it is fixed`, span: error.span, severity: "error" }] };
  }
  const reader = new ConfigReader(rules);
  return reader.read(root);
}

class ConfigReader {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly knownRules: readonly Rule[]) {}

  read(root: JsonValue): ProjectConfig {
    const lint: LintConfig = { rules: {}, fix: { ...DEFAULT_FIX } };
    let includes: PathMatcher | null = null;
    let excludes: PathMatcher | null = null;
    let setsFix = false;
    if (root.kind !== "object") {
      this.error(root.span, "the configuration must be an object (`{ \"rules\": { … } }`)");
      return { ...EMPTY_PROJECT_CONFIG, problems: this.problems };
    }
    for (const member of root.members) {
      switch (member.key) {
        case "$schema":
          break;
        case "preset":
          lint.preset = this.preset(member.value);
          break;
        case "rules":
          this.rules(member.value, lint);
          break;
        case "include":
          includes = this.patterns(member.value, "include");
          break;
        case "exclude":
          excludes = this.patterns(member.value, "exclude");
          break;
        case "fix":
          setsFix = this.fix(member.value, lint);
          break;
        case "wrappers":
          lint.wrappers = this.wrappers(member.value);
          break;
        case "checkTests":
          if (member.value.kind === "boolean") lint.checkTests = member.value.value;
          else this.error(member.value.span, "`checkTests` must be true or false");
          break;
        default:
          this.warning(member.keySpan, `unknown setting \`${member.key}\` (expected one of ${TOP_LEVEL.map((k) => `\`${k}\``).join(", ")})`);
      }
    }
    return { lint, includes, excludes, setsFix, problems: this.problems };
  }

  private preset(value: JsonValue): Preset | undefined {
    if (value.kind === "string" && (value.value === "recommended" || value.value === "strict")) return value.value;
    this.error(value.span, "`preset` must be \"recommended\" or \"strict\"");
    return undefined;
  }

  private rules(value: JsonValue, lint: LintConfig): void {
    if (value.kind !== "object") return this.error(value.span, "`rules` must be an object of rule id → severity");
    for (const { key, keySpan, value: setting } of value.members) {
      const rule = this.knownRules.find((r) => r.id === key);
      if (!rule) {
        this.warning(keySpan, `unknown rule \`${key}\`${suggestion(key, this.knownRules.map((r) => r.id))}`);
        continue;
      }
      const [severity, options] = setting.kind === "array" ? setting.items : [setting, undefined];
      if (!severity || severity.kind !== "string" || !isRuleSetting(severity.value)) {
        this.error(severity?.span ?? setting.span, `\`${key}\`: expected "error", "warning", "info" or "off"${rule.options ? `, or [severity, { options }]` : ""}`);
        continue;
      }
      lint.rules[key] = severity.value as RuleSetting;
      if (setting.kind === "array" && setting.items.length > 2) this.error(setting.items[2].span, `\`${key}\`: expected [severity, { options }]`);
      if (options) {
        const checked = this.ruleOptions(rule, options);
        if (checked) (lint.ruleOptions ??= {})[key] = checked;
      }
    }
  }

  private ruleOptions(rule: Rule, value: JsonValue): Record<string, unknown> | null {
    const spec = rule.options ?? {};
    if (value.kind !== "object") {
      this.error(value.span, `\`${rule.id}\`: options must be an object`);
      return null;
    }
    const options: Record<string, unknown> = {};
    for (const member of value.members) {
      const option = Object.hasOwn(spec, member.key) ? spec[member.key] : undefined;
      if (!option) {
        const names = Object.keys(spec);
        this.warning(member.keySpan, `\`${rule.id}\` has no option \`${member.key}\`${names.length ? ` (it has ${names.map((n) => `\`${n}\``).join(", ")})` : ""}`);
      } else if (option.type === "number" && member.value.kind === "number" && isPositiveCount(member.value.value)) options[member.key] = member.value.value;
      else if (option.type === "boolean" && member.value.kind === "boolean") options[member.key] = member.value.value;
      else if (option.type === "string[]" && this.isStringList(member.value)) options[member.key] = this.strings(member.value);
      else this.error(member.value.span, `\`${rule.id}\`.\`${member.key}\` must be ${OPTION_TYPE_WORDS[option.type]}`);
    }
    return options;
  }

  private patterns(value: JsonValue, name: string): PathMatcher | null {
    if (!this.isStringList(value)) {
      this.error(value.span, `\`${name}\` must be a list of glob patterns (\`["src/**", "**/tests/**"]\`)`);
      return null;
    }
    const patterns = this.strings(value);
    return patterns.length > 0 ? globMatcher(patterns) : null;
  }

  private fix(value: JsonValue, lint: LintConfig): boolean {
    if (value.kind !== "object") {
      this.error(value.span, "`fix` must be an object (`{ \"timeoutSeconds\": 30 }`)");
      return false;
    }
    let sets = false;
    for (const member of value.members) {
      if (member.key !== "timeoutSeconds" && member.key !== "maxOutputTokens") {
        this.warning(member.keySpan, `unknown fix setting \`${member.key}\` (expected \`timeoutSeconds\` or \`maxOutputTokens\`)`);
      } else if (member.value.kind === "number" && isPositiveCount(member.value.value)) {
        lint.fix[member.key] = Math.round(member.value.value);
        sets = true;
      } else this.error(member.value.span, `\`fix.${member.key}\` must be a positive number`);
    }
    return sets;
  }

  private wrappers(value: JsonValue): Wrappers | undefined {
    if (value.kind !== "object") {
      this.error(value.span, "`wrappers` must be an object (`{ \"tracing\": [\"traced\"], \"timeout\": [\"call_llm\"] }`)");
      return undefined;
    }
    const wrappers: Wrappers = { tracing: [], timeout: [] };
    for (const member of value.members) {
      if (member.key !== "tracing" && member.key !== "timeout") this.warning(member.keySpan, `unknown wrapper kind \`${member.key}\` (expected \`tracing\` or \`timeout\`)`);
      else if (this.isStringList(member.value)) wrappers[member.key] = this.strings(member.value);
      else this.error(member.value.span, `\`wrappers.${member.key}\` must be a list of function or decorator names`);
    }
    return wrappers;
  }

  private isStringList(value: JsonValue): value is Extract<JsonValue, { kind: "array" }> {
    return value.kind === "array" && value.items.every((item) => item.kind === "string");
  }

  private strings(value: Extract<JsonValue, { kind: "array" }>): string[] {
    return value.items.map((item) => (item as Extract<JsonValue, { kind: "string" }>).value).filter((s) => s.trim() !== "");
  }

  private error(span: Span, message: string): void {
    this.problems.push({ message, span, severity: "error" });
  }

  private warning(span: Span, message: string): void {
    this.problems.push({ message, span, severity: "warning" });
  }
}

const OPTION_TYPE_WORDS = { number: "a positive number", boolean: "true or false", "string[]": "a list of strings" } as const;

/** ` (did you mean `x`?)` for a near miss, so a typo is one glance away from fixed. */
function suggestion(key: string, known: string[]): string {
  const close = known.find((id) => editDistance(id, key) <= 2);
  return close ? ` (did you mean \`${close}\`?)` : "";
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Whether a file, relative to the config's folder with `/` separators, is linted under it. */
export function coversPath(config: ProjectConfig, relativePath: string): boolean {
  if (config.includes && !config.includes(relativePath)) return false;
  return !config.excludes?.(relativePath);
}

