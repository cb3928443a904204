/** The messages between the scan pool and its workers. Plain data: they cross threads by structured clone. */
import type { FileFacts, LintConfig, ProjectFacts } from "../../rules/src/index";
import type { JsonPartText, ReportPart } from "../../rules/src/report/json";
import type { PartTally } from "./reportStream";
import type { IndexRecord } from "./metadataIndex";
import type { CacheSettings } from "./resultCache";

export interface WorkerData {
  /** Where each `.wasm` file is, by file name (a locator function cannot cross threads). */
  wasm: Record<string, string>;
  /** The result cache (`--cache`): each lane looks up and stores the files it reads. */
  cache?: CacheSettings;
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
  /** What the metadata index knows of it (`--cache-strategy metadata`). */
  known?: IndexRecord;
}

/**
 * `project` once every file is analysed, then `lint` a batch at a time, in the order the
 * report is written. `quiet`: keep only errors; `jsonText`: send parts as their JSON text.
 */
export type ToWorker =
  | { type: "analyse"; files: FileToScan[] }
  | { type: "project"; project: ProjectFacts; quiet: boolean; jsonText: boolean }
  | { type: "lint"; batch: number; indexes: number[] };

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

/** `record`: what the metadata index should keep of the file. */
export type AnalysedFile = { index: number; project: ProjectPart; record?: IndexRecord } | { index: number; skipped: string };

/**
 * A file's part of the report (only files with findings or call sites have one), as shown
 * (`--quiet`): objects, or for the JSON report its text and what the report's end needs.
 */
export type LintedPart = { index: number; part: ReportPart } | { index: number; text: JsonPartText; tally: PartTally };

export type FromWorker = { type: "analysed"; results: AnalysedFile[] } | { type: "linted"; batch: number; parts: LintedPart[] };
