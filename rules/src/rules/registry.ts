/** Every rule, sorted by id. Adding a rule: its folder, and one line here. */
import type { Rule } from "../rule";
import { browserExposedApiKey } from "./browser-exposed-api-key/rule";
import { clientPerCall } from "./client-per-call/rule";
import { deprecatedModel } from "./deprecated-model/rule";
import { hardcodedApiKey } from "./hardcoded-api-key/rule";
import { missingOutputLimit } from "./missing-output-limit/rule";
import { missingTimeout } from "./missing-timeout/rule";
import { modelOutputToCodeExecution } from "./model-output-to-code-execution/rule";
import { modelOutputToHtml } from "./model-output-to-html/rule";
import { modelOutputToShell } from "./model-output-to-shell/rule";
import { modelOutputToSql } from "./model-output-to-sql/rule";
import { sensitiveDataInLogs } from "./sensitive-data-in-logs/rule";
import { streamWithoutUsage } from "./stream-without-usage/rule";
import { swallowedModelError } from "./swallowed-model-error/rule";
import { syncClientInAsync } from "./sync-client-in-async/rule";
import { unbatchedEmbeddings } from "./unbatched-embeddings/rule";
import { unboundedAgentLoop } from "./unbounded-agent-loop/rule";
import { unboundedPromptInput } from "./unbounded-prompt-input/rule";
import { uncheckedModelOutput } from "./unchecked-model-output/rule";
import { unhandledModelError } from "./unhandled-model-error/rule";
import { unpinnedModel } from "./unpinned-model/rule";
import { untracedModelCall } from "./untraced-model-call/rule";
import { untrustedInputInSystemPrompt } from "./untrusted-input-in-system-prompt/rule";
import { unusedSuppression } from "./unused-suppression/rule";
import { unvalidatedModelJson } from "./unvalidated-model-json/rule";
import { usageNotRecorded } from "./usage-not-recorded/rule";

export const RULES: readonly Rule[] = [
  browserExposedApiKey,
  clientPerCall,
  deprecatedModel,
  hardcodedApiKey,
  missingOutputLimit,
  missingTimeout,
  modelOutputToCodeExecution,
  modelOutputToHtml,
  modelOutputToShell,
  modelOutputToSql,
  sensitiveDataInLogs,
  streamWithoutUsage,
  swallowedModelError,
  syncClientInAsync,
  unbatchedEmbeddings,
  unboundedAgentLoop,
  unboundedPromptInput,
  uncheckedModelOutput,
  unhandledModelError,
  unpinnedModel,
  untracedModelCall,
  untrustedInputInSystemPrompt,
  unusedSuppression,
  unvalidatedModelJson,
  usageNotRecorded,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
