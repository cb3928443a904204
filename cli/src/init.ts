/** `ai-readiness init`: a commented starter `ai-readiness.json`, listing every rule. */
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { CONFIG_FILE_NAME } from "../../rules/src/config/configFile";
import { DEFAULT_FIX } from "../../rules/src/config/lintConfig";
import { RULES } from "../../rules/src/index";
import { UsageError } from "./args";

export function starterConfig(): string {
  const width = Math.max(...RULES.map((r) => r.id.length)) + 4;
  const ruleLines = RULES.map((rule) => {
    const entry = `// "${rule.id}": "${rule.tier === "recommended" ? "off" : rule.severity}",`;
    return `    ${entry.padEnd(width + 16)}// ${rule.factor}, ${rule.tier}: ${rule.summary}`;
  });
  return `// AI Readiness configuration. The nearest ai-readiness.json above a file applies to it.
// What a rule flags and why: \`ai-readiness explain <rule-id>\`.
{
  // "recommended": the high-precision rules (default). "strict": every rule.
  "preset": "recommended",

  // Severity per rule: "error", "warning", "info" or "off". Rules not named follow the preset.
  "rules": {
${ruleLines.join("\n")}
  },

  // Files to skip, as globs relative to this file, e.g. ["**/tests/**", "scripts/**"].
  "exclude": [],

  // What quick fixes write.
  "fix": { "timeoutSeconds": ${DEFAULT_FIX.timeoutSeconds}, "maxOutputTokens": ${DEFAULT_FIX.maxOutputTokens} },

  // Your own helpers that already trace or bound the model calls inside them, by name.
  "wrappers": { "tracing": [], "timeout": [] }
}
`;
}

/** Writes the starter into `folder`; never overwrites an existing config. */
export async function init(folder: string): Promise<string> {
  const path = join(folder, CONFIG_FILE_NAME);
  try {
    await fs.writeFile(path, starterConfig(), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`${CONFIG_FILE_NAME} already exists here; not overwriting it`);
    throw error;
  }
  return path;
}
