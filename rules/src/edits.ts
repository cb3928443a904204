/**
 * Building blocks for fixes, in the file's own style: imports, lines after a statement,
 * blocks around a statement, environment lookups. Each returns plain edits.
 */
import type { FileFacts, StatementFact } from "./model/facts";
import { indentUnit, newlineOf } from "./model/syntax";
import { textMatches } from "./model/textScan";
import type { Edit, LanguageId } from "./types";

/** Adds an import line where the file's imports end; none when `present`. */
export function importEdit(facts: FileFacts, line: string, present: boolean): Edit[] {
  if (present) return [];
  const { text } = facts;
  const at = facts.imports.insertAt;
  const newline = newlineOf(text);
  const needsBreakBefore = at > 0 && at === text.length && !text.endsWith("\n");
  return [{ start: at, end: at, text: `${needsBreakBefore ? newline : ""}${line}${newline}` }];
}

/** The end of the statement's last line (after a trailing comment), before the line break. */
export function lineEndAfter(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  if (end < 0) return text.length;
  return text[end - 1] === "\r" ? end - 1 : end;
}

/** Inserts `line` on its own line after the statement, at the statement's indentation. */
export function lineAfterStatement(facts: FileFacts, statement: StatementFact, line: string): Edit {
  const at = lineEndAfter(facts.text, statement.span.end);
  return { start: at, end: at, text: `${newlineOf(facts.text)}${statement.indent}${line}` };
}

/**
 * Puts the statement inside a block: `opener` on the statement's line, the statement one
 * level deeper, `closerLines` after it (each a line at the statement's indentation, deeper
 * lines start with the unit marker `\t>`). Lines inside multi-line strings keep their text.
 */
export function wrapStatement(facts: FileFacts, statement: StatementFact, opener: string, closerLines: string[]): Edit[] {
  const { text } = facts;
  const newline = newlineOf(text);
  const unit = indentUnit(text);
  const edits: Edit[] = [{ start: statement.span.start, end: statement.span.start, text: `${opener}${newline}${statement.indent}${unit}` }];
  const lastLineEnd = lineEndAfter(text, statement.span.end);
  for (let i = text.indexOf("\n", statement.span.start); i >= 0 && i < lastLineEnd; i = text.indexOf("\n", i + 1)) {
    const lineStart = i + 1;
    if (!statement.frozenLineStarts.includes(lineStart) && text.slice(lineStart, lineEndAfter(text, lineStart)).trim() !== "") {
      edits.push({ start: lineStart, end: lineStart, text: unit });
    }
  }
  const closer = closerLines.map((line) => `${newline}${statement.indent}${line.replace(/^\t>/, unit)}`).join("");
  edits.push({ start: lastLineEnd, end: lastLineEnd, text: closer });
  return edits;
}

export function envLookup(language: LanguageId, variable: string): string {
  return language === "python" ? `os.environ["${variable}"]` : `process.env.${variable}`;
}

const REQUIRE_CALL = /\brequire\(/;
const IMPORT_LINE = /^\s*import\s/m;

/** The file already uses `require` and no `import`: new imports must be `require` calls too. */
export function usesCommonJs(facts: FileFacts): boolean {
  return facts.language === "javascript" && textMatches(facts.text, REQUIRE_CALL) && !textMatches(facts.text, IMPORT_LINE);
}
