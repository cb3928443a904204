import { sinkRule } from "../../sinkRule";

export const modelOutputToHtml = sinkRule({
  id: "model-output-to-html",
  factor: "security",
  tier: "recommended",
  severity: "error",
  summary: "Model output rendered as HTML with no sanitizer",
  fix: "unsafe",
  owasp: "LLM05",
  cwe: "CWE-79",
  kind: "html",
  consequence: "a prompt injection becomes script in your users' browsers; sanitize it first",
  fixFor(context, sink) {
    const call = context.facts.imports.sanitizerCall;
    if (!call) return null;
    const { start, end } = sink.argumentSpan;
    return { title: `Sanitize with ${call}`, safety: "unsafe", edits: [{ start, end, text: `${call}(${context.facts.text.slice(start, end)})` }] };
  },
});
