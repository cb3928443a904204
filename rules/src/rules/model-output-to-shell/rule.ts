import { sinkRule } from "../../sinkRule";

export const modelOutputToShell = sinkRule({
  id: "model-output-to-shell",
  factor: "security",
  tier: "recommended",
  severity: "error",
  summary: "Model output run in a shell (`os.system`, `shell=True`, `child_process.exec`)",
  fix: null,
  owasp: "LLM05",
  cwe: "CWE-78",
  kind: "shell",
  consequence: "a prompt injection becomes a shell command; run a fixed program with an argument list instead",
});
