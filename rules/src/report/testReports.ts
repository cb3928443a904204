/** Small reports for the report renderers' tests, linted the way the CLI lints. */
import { DEFAULT_CONFIG, EMPTY_PROJECT, lintText, type LanguageId } from "../index";
import { buildReport, type Report } from "./json";

/** A report of some source files, linted as the CLI lints them. */
export function reportOf(root: string, files: Record<string, string>): Report {
  const linted = Object.entries(files).map(([path, text]) => {
    const language: LanguageId = path.endsWith(".py") ? "python" : "typescript";
    return { path, result: lintText(text, language, DEFAULT_CONFIG, EMPTY_PROJECT) };
  });
  return buildReport(root, linted, [], 0);
}

export const PROTOTYPE = `import json
from openai import OpenAI

client = OpenAI()


def summarize(ticket):
    response = client.chat.completions.create(model="gpt-4o-mini", messages=[])
    return json.loads(response.choices[0].message.content)
`;

export const READY = `from openai import OpenAI

client = OpenAI(timeout=20)


def ask(q):
    try:
        response = client.chat.completions.create(model="gpt-4o-mini-2024-07-18", messages=[], max_completion_tokens=200)
    except Exception:
        raise
    print(response.usage)
    return response
`;
