/**
 * The JSON schema of `ai-readiness.json`, built from the rule registry so it never falls
 * behind it. The build writes it to `dist/ai-readiness.schema.json`; VS Code uses it to
 * complete and validate the file.
 */
import type { Rule, RuleOption } from "../rule";
import { DEFAULT_FIX } from "./lintConfig";

const SEVERITY = { type: "string", enum: ["error", "warning", "info", "off"] };
const PATTERNS = { type: "array", items: { type: "string" }, uniqueItems: true };

export function configSchema(rules: readonly Rule[]): object {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "AI Readiness configuration",
    description: "ai-readiness.json: the nearest one above a file applies to it.",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      preset: {
        enum: ["recommended", "strict"],
        default: "recommended",
        markdownDescription: "`recommended`: the high-precision rules only. `strict`: every rule.",
      },
      rules: {
        type: "object",
        markdownDescription: "Severity per rule id, or `off`. Rules not named follow the preset.",
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((rule) => [rule.id, ruleSchema(rule)])),
      },
      include: { ...PATTERNS, markdownDescription: "Check only files matching these globs (relative to this file). Default: every Python, TypeScript and JavaScript file." },
      exclude: { ...PATTERNS, markdownDescription: "Skip files matching these globs (relative to this file), e.g. `\"**/tests/**\"`." },
      checkTests: {
        type: "boolean",
        default: false,
        markdownDescription: "Check test files (`tests/`, `*.test.ts`, `test_*.py`…) with every rule. By default only the rules that matter in tests (keys, retired models, suppressions) run there.",
      },
      fix: {
        type: "object",
        additionalProperties: false,
        properties: {
          timeoutSeconds: { type: "number", exclusiveMinimum: 0, default: DEFAULT_FIX.timeoutSeconds, description: "The timeout a fix adds, in seconds (written in each SDK's own unit)." },
          maxOutputTokens: { type: "integer", exclusiveMinimum: 0, default: DEFAULT_FIX.maxOutputTokens, description: "The output token limit a fix adds." },
        },
      },
      wrappers: {
        type: "object",
        additionalProperties: false,
        markdownDescription: "Your own helpers, by name, that the analysis cannot see into.",
        properties: {
          tracing: { ...PATTERNS, markdownDescription: "Decorators, context managers or wrapper functions that trace the model calls inside them (`traced`, `observe_llm`)." },
          timeout: { ...PATTERNS, markdownDescription: "Decorators, context managers or wrapper functions that bound the model calls inside them with a timeout." },
        },
      },
    },
  };
}

function ruleSchema(rule: Rule): object {
  const description = `${rule.summary} (${rule.factor}, ${rule.tier})`;
  if (!rule.options) return { ...SEVERITY, description };
  const options = {
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(rule.options).map(([name, option]) => [name, optionSchema(option)])),
  };
  return { description, oneOf: [SEVERITY, { type: "array", items: [SEVERITY, options], minItems: 1, maxItems: 2 }] };
}

function optionSchema(option: RuleOption): object {
  const type = option.type === "string[]" ? { type: "array", items: { type: "string" } } : { type: option.type };
  return { ...type, default: option.default, description: option.description };
}
