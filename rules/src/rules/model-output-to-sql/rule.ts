import { sinkRule } from "../../sinkRule";

export const modelOutputToSql = sinkRule({
  id: "model-output-to-sql",
  factor: "security",
  tier: "recommended",
  severity: "error",
  summary: "Model output built into a SQL statement that is executed",
  fix: null,
  owasp: "LLM05",
  cwe: "CWE-89",
  kind: "sql",
  consequence: "a prompt injection becomes SQL against your database; pass values as query parameters, and run generated queries read-only with an allow-list",
});
