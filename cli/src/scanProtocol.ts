/** The messages between the scan pool and its workers. Plain data: they cross threads by structured clone. */
import type { FileFacts, LintConfig, ProjectFacts, Report } from "../../rules/src/index";

export interface WorkerData {
  /** Where each `.wasm` file is, by file name (a locator function cannot cross threads). */
  wasm: Record<string, string>;
}

export interface FileToScan {
  /** Position in the walk's order: results are put back in it. */
  index: number;
  absolute: string;
  /** Relative to the report's root, POSIX separators. */
  path: string;
  language: FileFacts["language"];
  /** Each file has its own: the nearest `ai-readiness.json` applies. */
  config: LintConfig;
}

export type ToWorker = { type: "analyse"; files: FileToScan[] } | { type: "lint"; project: ProjectFacts };

/** Facts without their text (`text` is empty), or why the file was skipped. */
export type AnalysedFile = { index: number; facts: FileFacts } | { index: number; skipped: string };

export interface LintedPart {
  index: number;
  files: Report["files"];
  callSites: Report["callSites"];
}

export type FromWorker = { type: "analysed"; results: AnalysedFile[] } | { type: "linted"; parts: LintedPart[] };
