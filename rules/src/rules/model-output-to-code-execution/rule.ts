import { sinkRule } from "../../sinkRule";

export const modelOutputToCodeExecution = sinkRule({
  id: "model-output-to-code-execution",
  factor: "security",
  tier: "recommended",
  severity: "error",
  summary: "Model output run as code (`eval`, `exec`, `Function`, `vm`, template rendering)",
  fix: null,
  owasp: "LLM05",
  cwe: "CWE-94",
  kind: "code",
  consequence: "a prompt injection becomes code running on your server; parse the output into data and act on that",
});
