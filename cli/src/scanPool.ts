/**
 * Splits a scan across threads: the main thread and worker threads, each a lane
 * (`scanService.ts`). Two steps, because one file's findings can depend on another
 * (auto-instrumentation turned on in `main.py` traces every call): the lanes analyse files
 * handed out in small batches (a batch of model code takes longer than one of plain code, so
 * nobody waits on a fixed share), the main thread folds the facts into the project's, and
 * the lanes lint what they analysed against it, batch by batch in the walk's order as the
 * report is written, so the report is the one the single-threaded scan writes.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { MessagePort, Worker } from "node:worker_threads";
import { GRAMMAR_FILES, RUNTIME_WASM, emptyFacts, projectFromFiles, type FileFacts, type WasmLocator } from "../../rules/src/index";
import type { ReportStream } from "./reportStream";
import type { IndexRecord } from "./metadataIndex";
import type { CacheSettings } from "./resultCache";
import { UNPARSED } from "./scanFile";
import type { AnalysedFile, FileToScan, FromWorker, LintedPart, ToWorker, WorkerData } from "./scanProtocol";
import { serveScans } from "./scanService";

/**
 * Below this many files one thread is about as fast or faster. Each worker loads the engine
 * and its grammars again: two workers cost 160 to 210 ms more CPU than one thread on 200 to
 * 400 files (bench/README.md), which pays off once the single-threaded scan takes a few
 * hundred milliseconds: from about 650 files when 5% hold model calls, 65 when all do.
 */
export const WORKER_THRESHOLD = 400;
/** Files per batch: small enough to even out the load, large enough that messages cost nothing. */
const BATCH = 24;
/** More threads than this only add start-up time and memory for the sizes a CLI scan sees. */
const MAX_WORKERS = 8;
/** Lint requests in flight per lane: the next batch is queued while it lints one. */
const LINT_IN_FLIGHT = 2;
/**
 * How far (in batches) linting may run ahead of the report's writing. Parts wait here, in
 * order, to be written: this bounds them when the reader is slow or one lane lags.
 */
const LINT_AHEAD = 8;

/**
 * How many threads scan `fileCount` files, the main thread among them: 1 means it alone. The environment
 * variable `AI_READINESS_WORKERS` fixes the number (benchmarks and tests compare 1 with N).
 */
export function scanThreads(fileCount: number, env: NodeJS.ProcessEnv = process.env): number {
  const fixed = Number.parseInt(env.AI_READINESS_WORKERS ?? "", 10);
  if (Number.isInteger(fixed) && fixed >= 1) return Math.min(fixed, MAX_WORKERS);
  if (fileCount < WORKER_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), MAX_WORKERS));
}

export interface PoolScan {
  root: string;
  files: FileToScan[];
  /** Files named on the command line that their config excludes: reported as skipped, in the walk's order. */
  excluded: { index: number; path: string; reason: string }[];
  /** Skipped before any file (folders the walk could not read). */
  skippedFirst: { path: string; reason: string }[];
  aiSdkMajor: number | null;
  locate: WasmLocator;
  threads: number;
  /** The result cache (`--cache`), used by every lane. */
  cache?: CacheSettings;
  /** Hears what the metadata index should keep of a file (by its absolute path). */
  keep?: (absolute: string, record: IndexRecord) => void;
  /** Hears how many files are analysed so far. */
  onProgress?: (done: number) => void;
}

/** Where the parts of the report go, in the walk's order; each call resolves when it may take more. */
type PartSink = Pick<ReportStream, "begin" | "file" | "fileText" | "takesJsonText" | "quiet">;

/** The files in the report, and those skipped, once every part is written. */
export interface PoolResult {
  linted: number;
  skipped: { path: string; reason: string }[];
}

/** The pool's end of a lane: a worker thread, or a channel to the lane on the main thread. */
type Lane = Worker | MessagePort;

function isWorker(lane: Lane): lane is Worker {
  return "terminate" in lane;
}

/** Files analysed together, by one lane; their parts are written together too. */
interface Batch {
  lane: number;
  indexes: number[];
}

/**
 * Writes the report's parts of `files` to `out`, or returns null (writing nothing) when a
 * file calls a client imported from another module. Resolving those (`workspaceClients.ts`)
 * reads other modules' facts, parses plain modules that pass a client on, and follows
 * re-exports: the lanes would need each other's files. The caller then scans on one
 * thread; the analysis done here is lost.
 */
export async function scanInWorkers(scan: PoolScan, out: PartSink): Promise<PoolResult | null> {
  const wasm: Record<string, string> = {};
  for (const file of [RUNTIME_WASM, ...Object.values(GRAMMAR_FILES)]) wasm[file] = scan.locate(file);
  // Loaded here, not at start: a scan small enough for one thread does not pay for it (bench/README.md, "Start-up").
  const threads = await import("node:worker_threads");
  // The main thread is a lane too: one worker fewer saves a V8 heap and a WebAssembly memory (bench/README.md).
  const own = new threads.MessageChannel();
  serveScans(own.port2, scan.locate, scan.cache);
  const workerCount = Math.max(1, Math.min(scan.threads, Math.ceil(scan.files.length / BATCH))) - 1;
  const lanes: Lane[] = [own.port1, ...Array.from({ length: workerCount }, () => new threads.Worker(join(__dirname, "scanWorker.js"), { workerData: { wasm, cache: scan.cache } satisfies WorkerData }))];
  try {
    const { results, batches } = await analyse(lanes, scan.files, scan.onProgress);
    if ([...results.values()].some((r) => "project" in r && r.project.importsClients)) return null;
    const { project, linted, skipped } = fold(scan, results);
    for (const lane of lanes) lane.postMessage({ type: "project", project, quiet: out.quiet, jsonText: out.takesJsonText } satisfies ToWorker);
    await out.begin(scan.root);
    await lintInOrder(lanes, batches, (part) => ("part" in part ? out.file(part.part) : out.fileText(part.text, part.tally)));
    return { linted, skipped: [...scan.skippedFirst, ...skipped] };
  } finally {
    own.port1.close();
    for (const lane of lanes) if (isWorker(lane)) void lane.terminate();
  }
}

/** The project's facts from every file's, and the files skipped, in the walk's order. */
function fold(scan: PoolScan, analysed: Map<number, AnalysedFile>) {
  const sources: { path: string; facts: FileFacts }[] = [];
  const skipped: { index: number; path: string; reason: string }[] = [...scan.excluded];
  for (const file of scan.files) {
    const result = analysed.get(file.index)!;
    if ("skipped" in result) skipped.push({ index: file.index, path: file.path, reason: result.skipped });
    else {
      // `projectFromFiles` reads `instrumentation` only: when it reads more, ProjectPart must carry it.
      sources.push({ path: file.path, facts: { ...emptyFacts("", result.project.language), instrumentation: result.project.instrumentation } });
      if (result.record) scan.keep?.(file.absolute, result.record);
      if (result.project.unparsed) skipped.push({ index: file.index, path: file.path, reason: UNPARSED });
    }
  }
  skipped.sort((a, b) => a.index - b.index);
  return { project: projectFromFiles(sources, scan.aiSdkMajor), linted: sources.length, skipped: skipped.map(({ path, reason }) => ({ path, reason })) };
}

/** Hands out batches until every file is analysed; two in flight per lane so none waits for the next. */
function analyse(lanes: Lane[], files: FileToScan[], onProgress?: (done: number) => void): Promise<{ results: Map<number, AnalysedFile>; batches: Batch[] }> {
  return new Promise((resolve, reject) => {
    const results = new Map<number, AnalysedFile>();
    // In the order handed out, which is the walk's.
    const batches: Batch[] = [];
    if (files.length === 0) return resolve({ results, batches });
    let next = 0;
    let pending = 0;
    const send = (lane: number) => {
      if (next >= files.length) return;
      const batch = files.slice(next, next + BATCH);
      next += batch.length;
      pending++;
      batches.push({ lane, indexes: batch.map((f) => f.index) });
      lanes[lane]!.postMessage({ type: "analyse", files: batch } satisfies ToWorker);
    };
    lanes.forEach((lane, index) => {
      const onMessage = (message: FromWorker) => {
        if (message.type !== "analysed") return;
        for (const result of message.results) results.set(result.index, result);
        onProgress?.(results.size);
        pending--;
        send(index);
        if (pending === 0 && next >= files.length) {
          lane.off("message", onMessage);
          resolve({ results, batches });
        }
      };
      const failed = (error: unknown) => reject(error instanceof Error ? error : new Error(`a scan worker stopped (exit code ${String(error)})`));
      lane.on("message", onMessage);
      if (isWorker(lane)) lane.on("error", failed).on("exit", failed);
      send(index);
      send(index);
    });
  });
}

/**
 * Has each lane lint its batches in the walk's order, a couple in flight, and writes each
 * batch's parts once every earlier batch's are written. No batch is asked for further than
 * LINT_AHEAD past the one being written, so when the report's reader is slow the lanes
 * wait instead of their parts piling up here.
 */
async function lintInOrder(lanes: Lane[], batches: Batch[], write: (part: LintedPart) => Promise<void>): Promise<void> {
  const queues = lanes.map((_, lane) => batches.flatMap((b, n) => (b.lane === lane ? [n] : [])));
  const inFlight = lanes.map(() => 0);
  const linted = new Map<number, LintedPart[]>();
  let writing = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const ask = () => {
    lanes.forEach((lane, index) => {
      const queue = queues[index]!;
      while (inFlight[index]! < LINT_IN_FLIGHT && queue.length > 0 && queue[0]! < writing + LINT_AHEAD) {
        const batch = queue.shift()!;
        inFlight[index]!++;
        lane.postMessage({ type: "lint", batch, indexes: batches[batch]!.indexes } satisfies ToWorker);
      }
    });
  };
  const listeners = lanes.map((lane, index) => {
    const onMessage = (message: FromWorker) => {
      if (message.type !== "linted") return;
      inFlight[index]!--;
      linted.set(message.batch, message.parts);
      wake?.();
    };
    const onFailure = (error: unknown) => {
      failure = error instanceof Error ? error : new Error(`a scan worker stopped (exit code ${String(error)})`);
      wake?.();
    };
    lane.on("message", onMessage);
    if (isWorker(lane)) lane.on("error", onFailure).on("exit", onFailure);
    return () => {
      lane.off("message", onMessage);
      if (isWorker(lane)) lane.off("error", onFailure).off("exit", onFailure);
    };
  });
  try {
    ask();
    while (writing < batches.length) {
      const parts = linted.get(writing);
      if (!parts) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      linted.delete(writing++);
      ask();
      // A batch's parts are in the walk's order already.
      for (const part of parts) await write(part);
    }
  } finally {
    for (const remove of listeners) remove();
  }
}
