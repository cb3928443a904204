/** What a rule is: metadata plus one function from the file's model to findings. */
import type { FixDefaults } from "./config";
import type { CallChecks } from "./model/checks";
import type { FileFacts } from "./model/facts";
import type { ProjectFacts } from "./model/project";
import type { Factor, Fix, RelatedLocation, Severity, Span } from "./types";

export interface RuleContext {
  facts: FileFacts;
  /** The checks of each call site, parallel to `facts.callSites`. */
  checks: CallChecks[];
  project: ProjectFacts;
  fix: FixDefaults;
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
  check(context: RuleContext): FindingDraft[];
}

const DOCS_BASE = "https://github.com/ai-readiness/ai-readiness/blob/main/rules/src/rules";

/** The one place rule documentation links are built. */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}/docs.md`;
}
