/** What a rule is: metadata plus one function from the file's model to findings. */
import type { FixDefaults, Wrappers } from "./config/lintConfig";
import type { CallChecks } from "./model/checks";
import type { FileFacts } from "./model/facts";
import type { ProjectFacts } from "./model/project";
import type { Factor, Fix, FixSafety, RelatedLocation, Severity, Span } from "./types";

export interface RuleContext {
  facts: FileFacts;
  /** The checks of each call site, parallel to `facts.callSites`. */
  checks: CallChecks[];
  project: ProjectFacts;
  fix: FixDefaults;
  /** The rule's options from the configuration, defaults filled in. */
  options: Record<string, unknown>;
  /** The team's own tracing and timeout helpers, by name. */
  wrappers: Wrappers;
}

/** An option a rule accepts in `ai-readiness.json` (`"rule-id": ["warning", { "name": value }]`). */
export interface RuleOption {
  type: "number" | "boolean" | "string[]";
  default: number | boolean | string[];
  description: string;
}

export interface FindingDraft {
  span: Span;
  message: string;
  related?: RelatedLocation[];
  fix?: Fix | null;
}

export interface Rule {
  id: string;
  factor: Factor;
  /** `recommended` rules are on by default; `strict` ones are opt-in. */
  tier: "recommended" | "strict";
  severity: Severity;
  /** One line: what the rule flags. */
  summary: string;
  /** The OWASP Top 10 for LLM Applications (2025) entry it guards against, if any. */
  owasp?: string;
  /** The CWE of the weakness, if one fits. */
  cwe?: string;
  options?: Record<string, RuleOption>;
  /** Also reports in test files (a key or a retired model breaks tests too); production rules do not. */
  checksTests?: boolean;
  /** The safety of the quick fix it offers, or null when no correct edit exists. */
  fix: FixSafety | null;
  check(context: RuleContext): FindingDraft[];
}

const DOCS_BASE = "https://github.com/ai-readiness/ai-readiness/blob/main/rules/src/rules";

/** The one place rule documentation links are built. */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}/docs.md`;
}
