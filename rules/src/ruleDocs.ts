/** Reads the runnable examples of a rule's docs.md: fenced blocks tagged `<language> <kind>`. */
import type { LanguageId } from "./types";

export type ExampleKind = "invalid" | "valid" | "fixed";

export interface DocExample {
  language: LanguageId;
  kind: ExampleKind;
  code: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

const LANGUAGES: Record<string, LanguageId> = { python: "python", py: "python", ts: "typescript", typescript: "typescript", tsx: "tsx", js: "javascript", javascript: "javascript", jsx: "javascript" };

export function docExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w+)\s+(invalid|valid|fixed)\s*$/.exec(lines[i]);
    if (!open) continue;
    const language = LANGUAGES[open[1]];
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i]);
    if (language) examples.push({ language, kind: open[2] as ExampleKind, code: `${body.join("\n")}\n`, line: start + 1 });
  }
  return examples;
}
