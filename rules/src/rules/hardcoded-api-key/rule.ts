import type { Rule, FindingDraft } from "../../rule";
import { envLookup, importEdit } from "../../edits";
import { envForKey, looksLikeSecret, maskSecret, matchProviderKey } from "../../model/secrets";

export const hardcodedApiKey: Rule = {
  id: "hardcoded-api-key",
  factor: "security",
  tier: "recommended",
  checksTests: true,
  severity: "error",
  summary: "A model provider API key written in the source",
  fix: "unsafe",
  owasp: "LLM02",
  cwe: "CWE-798",
  check(context) {
    const { facts } = context;
    const findings: FindingDraft[] = [];
    for (const literal of facts.stringLiterals) {
      const known = matchProviderKey(literal.value);
      const asOption = literal.apiKeyOf && !literal.localServer && looksLikeSecret(literal.value);
      if (!known && !asOption) continue;
      const variable = envForKey(literal.value) ?? literal.apiKeyOf?.env ?? "API_KEY";
      const where = literal.apiKeyOf ? `\`${literal.apiKeyOf.option}\` is set to a key literal` : "A provider API key is written in the code";
      findings.push({
        span: literal.span,
        message: `${where} (\`${maskSecret(literal.value)}\`): anyone who can read the repository can spend on it`,
        fix: {
          title: `Read the key from the ${variable} environment variable`,
          safety: "unsafe",
          edits: [
            ...(facts.language === "python" ? importEdit(facts, "import os", facts.imports.hasOs) : []),
            { start: literal.span.start, end: literal.span.end, text: envLookup(facts.language, variable) },
          ],
        },
      });
    }
    return findings;
  },
};
