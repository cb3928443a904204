/** Every rule, sorted by id. Adding a rule: its folder, and one line here. */
import type { Rule } from "../rule";
import { hardcodedApiKey } from "./hardcoded-api-key/rule";
import { missingOutputLimit } from "./missing-output-limit/rule";
import { missingTimeout } from "./missing-timeout/rule";
import { untracedModelCall } from "./untraced-model-call/rule";
import { unvalidatedModelJson } from "./unvalidated-model-json/rule";
import { usageNotRecorded } from "./usage-not-recorded/rule";

export const RULES: readonly Rule[] = [
  hardcodedApiKey,
  missingOutputLimit,
  missingTimeout,
  untracedModelCall,
  unvalidatedModelJson,
  usageNotRecorded,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
