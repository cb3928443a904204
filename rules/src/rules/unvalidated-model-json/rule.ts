import type { Rule, FindingDraft } from "../../rule";
import type { FileFacts, JsonParseFact } from "../../model/facts";
import { isUnguardedParse } from "../../model/checks";
import { wrapStatement } from "../../edits";
import { newlineOf } from "../../model/syntax";
import { textMatches } from "../../model/textScan";
import type { Fix } from "../../types";

export const unvalidatedModelJson: Rule = {
  id: "unvalidated-model-json",
  factor: "security",
  tier: "recommended",
  severity: "warning",
  summary: "Model output parsed as JSON with no error handling and no schema validation",
  fix: "safe",
  owasp: "LLM05",
  cwe: "CWE-20",
  check(context) {
    const { facts } = context;
    const findings: FindingDraft[] = [];
    for (const parse of facts.jsonParses) {
      if (!isUnguardedParse(facts, parse)) continue;
      const source = facts.callSites[parse.source!];
      findings.push({
        span: parse.span,
        message: `\`${parse.calleeText}\` parses model output with no error handling and no schema check: one malformed answer raises here`,
        related: [{ span: source.calleeSpan, message: `the output comes from \`${source.calleeText}\`` }],
        fix: facts.language === "python" ? pythonFix(facts, parse) : javascriptFix(facts, parse),
      });
    }
    return findings;
  },
};

const TITLE = "Wrap the parse in try/catch with a clear failure";

function pythonFix(facts: FileFacts, parse: JsonParseFact): Fix | null {
  const statement = parse.statement;
  if (!statement || !["expression", "assignment", "return"].includes(statement.kind)) return null;
  // Re-raised as the same type, so callers that catch `JSONDecodeError` still do; only the
  // message says more. Without the `json` module in scope there is no such name to use.
  if (parse.errorType !== "json.JSONDecodeError") return null;
  const closer = [`except json.JSONDecodeError as exc:`, `\t>raise json.JSONDecodeError(f"Model returned invalid JSON: {exc.msg}", exc.doc, exc.pos) from exc`];
  return { title: TITLE.replace("try/catch", "try/except"), safety: "safe", edits: wrapStatement(facts, statement, "try:", closer) };
}

const HELPER = "parseModelJson";
const HELPER_DEFINED = new RegExp(`function ${HELPER}\\b`);

/**
 * JS/TS: the parse becomes a call to one small helper with the try/catch, added once at
 * the end of the file. Unlike wrapping the statement, it keeps `const` bindings in scope.
 */
function javascriptFix(facts: FileFacts, parse: JsonParseFact): Fix {
  const edits = [{ start: parse.calleeSpan.start, end: parse.calleeSpan.end, text: HELPER }];
  if (!textMatches(facts.text, HELPER_DEFINED)) {
    const newline = newlineOf(facts.text);
    const typed = facts.language === "typescript" || facts.language === "tsx";
    const end = facts.text.length;
    const lead = facts.text.endsWith("\n") ? newline : `${newline}${newline}`;
    edits.push({
      start: end,
      end,
      text:
        `${lead}/** Parses JSON written by a model, failing with a clear error when it is malformed. */${newline}` +
        `function ${HELPER}(text${typed ? ": string" : ""}) {${newline}` +
        `  try {${newline}    return JSON.parse(text);${newline}  } catch (error) {${newline}` +
        `    throw new SyntaxError(\`Model returned invalid JSON: \${String(error)}\`);${newline}  }${newline}}${newline}`,
    });
  }
  return { title: TITLE, safety: "safe", edits };
}
