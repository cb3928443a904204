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

/**
 * What the main thread needs of a file's facts: the parts `projectFromFiles` reads, and
 * whether it parsed. Not the facts themselves: copying thousands of call sites to the main
 * thread cost as much CPU as a third thread on two cores.
 */
export interface ProjectPart {
  language: FileFacts["language"];
  instrumentation: FileFacts["instrumentation"];
  unparsed: boolean;
  /** Calls on a client imported from another module: resolving them needs every module's facts (see scanPool.ts). */
  importsClients: boolean;
}

export type AnalysedFile = { index: number; project: ProjectPart } | { index: number; skipped: string };

export interface LintedPart {
  index: number;
  files: Report["files"];
  callSites: Report["callSites"];
}

export type FromWorker = { type: "analysed"; results: AnalysedFile[] } | { type: "linted"; parts: LintedPart[] };
