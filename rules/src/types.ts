/** Shared vocabulary of the engine: spans, edits, findings, verdicts. */

export type LanguageId = "python" | "typescript" | "tsx" | "javascript";

export type Factor = "data" | "compute" | "observability" | "security" | "cost" | "compliance";
export const FACTORS: readonly Factor[] = ["data", "compute", "observability", "security", "cost", "compliance"];

export type Severity = "error" | "warning" | "info";
export type RuleSetting = Severity | "off";

/** A check's answer for one call site. `unknown` is never reported. */
export type Verdict = "pass" | "fail" | "unknown";

/** Offsets are UTF-16 code units into the file's text, like LSP positions and JS strings. */
export interface Span {
  start: number;
  end: number;
}

export interface Edit extends Span {
  text: string;
}

export type FixSafety = "safe" | "unsafe";

export interface Fix {
  title: string;
  safety: FixSafety;
  edits: Edit[];
}

export interface RelatedLocation {
  /** Absent when the location is in the same file. */
  path?: string;
  span: Span;
  message: string;
}

export interface Finding {
  rule: string;
  factor: Factor;
  severity: Severity;
  message: string;
  span: Span;
  related: RelatedLocation[];
  fix: Fix | null;
}

export interface Position {
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units */
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}
