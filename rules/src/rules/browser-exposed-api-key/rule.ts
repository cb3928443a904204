import type { Rule, FindingDraft } from "../../rule";
import type { Span } from "../../types";
import { apiKeyEntries } from "../../model/common";

/** Build tools inline variables with these prefixes into the browser bundle. */
const PUBLIC_ENV = /\b(?:process\.env|import\.meta\.env)\.((?:NEXT_PUBLIC|VITE|REACT_APP|EXPO_PUBLIC)_\w*)/g;
/** A public variable that names a model provider's key. */
const MODEL_KEY_NAME = /(OPENAI|ANTHROPIC|CLAUDE|GROQ|MISTRAL|GEMINI|GOOGLE_(GENERATIVE_)?AI|COHERE|TOGETHER|FIREWORKS|DEEPSEEK|XAI|PERPLEXITY|OPENROUTER|REPLICATE|HUGGING_?FACE|HF|LLM|AI)_?\w*(KEY|TOKEN|SECRET)/;

export const browserExposedApiKey: Rule = {
  id: "browser-exposed-api-key",
  factor: "security",
  tier: "recommended",
  checksTests: true,
  severity: "error",
  summary: "A model API key that ends up in the browser",
  fix: null,
  owasp: "LLM02",
  cwe: "CWE-522",
  check(context) {
    const { facts } = context;
    const findings: FindingDraft[] = [];
    if (facts.language === "python") return findings;
    const seen = new Set<number>();
    const push = (span: Span, message: string) => {
      if (seen.has(span.start)) return;
      seen.add(span.start);
      findings.push({ span, message });
    };
    const clientModule = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use client["']/.test(facts.text);
    for (const client of facts.clients) {
      const allow = client.options?.entries.find((e) => e.name === "dangerouslyAllowBrowser" && e.literal === true);
      // A key the visitor brings (a parameter, their own storage) is theirs to expose: only the developer's key counts.
      if (allow && !isDeveloperKey(apiKeyEntries(client)[0]?.valueText)) continue;
      if (allow) push(allow.span, `\`dangerouslyAllowBrowser: true\` ships the \`${client.className}\` API key to every visitor's browser; call the model from a server route instead`);
      else if (clientModule) push(client.span, `\`${client.className}\` is created in a \`"use client"\` module: its API key ships to the browser; call the model from a server route instead`);
    }
    for (const match of facts.text.matchAll(PUBLIC_ENV)) {
      if (!MODEL_KEY_NAME.test(match[1]) || isInComment(facts.text, match.index)) continue;
      push(
        { start: match.index, end: match.index + match[0].length },
        `\`${match[1]}\` is inlined into the browser bundle by the build: anyone can read this model API key; keep it in a server-only variable`,
      );
    }
    return findings;
  },
};

/** No key given (the SDK reads one the build inlined), a literal, or a build-time variable. */
function isDeveloperKey(valueText: string | undefined): boolean {
  return valueText === undefined || /^["'`]/.test(valueText) || /^(process\.env|import\.meta\.env)\b/.test(valueText);
}

/** The offset follows `//` on its line, or sits inside a block comment. */
function isInComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  if (/\/\/|^\s*\*/.test(text.slice(lineStart, offset))) return true;
  return text.lastIndexOf("/*", offset) > text.lastIndexOf("*/", offset);
}
