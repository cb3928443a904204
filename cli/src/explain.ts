/** `explain <rule-id>` prints the rule's docs; `rules` lists the catalogue. */
import { promises as fs } from "node:fs";
import { RULES, ruleById } from "../../rules/src/index";
import { UsageError } from "./args";

export async function explain(ruleId: string, docsPath: (id: string) => string): Promise<string> {
  if (!ruleById(ruleId)) {
    const near = RULES.filter((r) => r.id.includes(ruleId) || ruleId.includes(r.id.split("-")[0])).map((r) => r.id);
    throw new UsageError(`no rule \`${ruleId}\`${near.length > 0 ? ` (did you mean ${near.join(", ")}?)` : ""}`);
  }
  return fs.readFile(docsPath(ruleId), "utf8");
}

export function listRules(format: "text" | "json"): string {
  const rows = RULES.map((r) => ({ id: r.id, factor: r.factor, tier: r.tier, severity: r.severity, summary: r.summary, fix: r.fix, owasp: r.owasp ?? null, cwe: r.cwe ?? null }));
  if (format === "json") return `${JSON.stringify(rows, null, 2)}\n`;
  const width = Math.max(...rows.map((r) => r.id.length));
  return `${rows.map((r) => `${r.id.padEnd(width)}  ${r.factor.padEnd(13)}  ${r.tier.padEnd(11)}  ${r.summary}`).join("\n")}\n`;
}
