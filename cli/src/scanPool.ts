/**
 * Splits a scan across worker threads. Two steps, because one file's findings can depend on
 * another (auto-instrumentation turned on in `main.py` traces every call): the workers
 * analyse files handed out in small batches (a batch of model code takes longer than one of
 * plain code, so nobody waits on a fixed share), the main thread folds the facts into the
 * project's, and the workers lint what they analysed against it. Files keep the walk's order,
 * so the report is the one the single-threaded scan builds.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { GRAMMAR_FILES, RUNTIME_WASM, buildReport, emptyFacts, projectFromFiles, scoresOf, type FileFacts, type Report, type WasmLocator } from "../../rules/src/index";
import { UNPARSED } from "./scanFile";
import type { AnalysedFile, FileToScan, FromWorker, LintedPart, ToWorker, WorkerData } from "./scanProtocol";

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

/**
 * How many threads scan `fileCount` files: 1 means the main thread alone. The environment
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
  /** Hears how many files are analysed so far. */
  onProgress?: (done: number) => void;
}

/**
 * The report of `files`, without `stats.ms` filled in (the caller times the whole check); or
 * null when a file calls a client imported from another module. Resolving those
 * (`workspaceClients.ts`) reads other modules' facts, parses plain modules that pass a client
 * on, and follows re-exports: the workers would need each other's files. The caller then
 * scans on one thread; the analysis done here is lost.
 */
export async function scanInWorkers(scan: PoolScan): Promise<Report | null> {
  const wasm: Record<string, string> = {};
  for (const file of [RUNTIME_WASM, ...Object.values(GRAMMAR_FILES)]) wasm[file] = scan.locate(file);
  // Loaded here, not at start: a scan small enough for one thread does not pay for it (bench/README.md, "Start-up").
  const threads = await import("node:worker_threads");
  const workers = Array.from({ length: Math.max(1, Math.min(scan.threads, Math.ceil(scan.files.length / BATCH))) }, () => new threads.Worker(join(__dirname, "scanWorker.js"), { workerData: { wasm } satisfies WorkerData }));
  try {
    const analysed = await analyse(workers, scan.files, scan.onProgress);
    if ([...analysed.values()].some((r) => "project" in r && r.project.importsClients)) return null;
    const { project, linted, skipped } = fold(scan, analysed);
    const parts = (await Promise.all(workers.map((w) => request(w, { type: "lint", project }, "linted")))).flatMap((m) => m.parts);
    return assemble(scan.root, parts, linted, [...scan.skippedFirst, ...skipped]);
  } finally {
    for (const worker of workers) void worker.terminate();
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
      if (result.project.unparsed) skipped.push({ index: file.index, path: file.path, reason: UNPARSED });
    }
  }
  skipped.sort((a, b) => a.index - b.index);
  return { project: projectFromFiles(sources, scan.aiSdkMajor), linted: sources.length, skipped: skipped.map(({ path, reason }) => ({ path, reason })) };
}

/** Hands out batches until every file is analysed; two in flight per worker so none waits for the next. */
function analyse(workers: Worker[], files: FileToScan[], onProgress?: (done: number) => void): Promise<Map<number, AnalysedFile>> {
  return new Promise((resolve, reject) => {
    const results = new Map<number, AnalysedFile>();
    if (files.length === 0) return resolve(results);
    let next = 0;
    let pending = 0;
    const send = (worker: Worker) => {
      if (next >= files.length) return;
      const batch = files.slice(next, next + BATCH);
      next += batch.length;
      pending++;
      worker.postMessage({ type: "analyse", files: batch } satisfies ToWorker);
    };
    for (const worker of workers) {
      worker.on("error", reject);
      worker.on("exit", (code) => reject(new Error(`a scan worker stopped (exit code ${code})`)));
      worker.on("message", (message: FromWorker) => {
        if (message.type !== "analysed") return;
        for (const result of message.results) results.set(result.index, result);
        onProgress?.(results.size);
        pending--;
        send(worker);
        if (pending === 0 && next >= files.length) resolve(results);
      });
      send(worker);
      send(worker);
    }
  });
}

function request<T extends FromWorker["type"]>(worker: Worker, message: ToWorker, answer: T): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`a scan worker stopped (exit code ${code})`)));
    worker.on("message", (reply: FromWorker) => {
      if (reply.type === answer) resolve(reply as Extract<FromWorker, { type: T }>);
    });
    worker.postMessage(message);
  });
}

/** The whole report from the files' parts, in the walk's order, as `buildReport` lays it out. */
function assemble(root: string, parts: LintedPart[], linted: number, skipped: Report["skipped"]): Report {
  parts.sort((a, b) => a.index - b.index);
  const callSites = parts.flatMap((p) => p.callSites);
  const base = buildReport(root, [], skipped, 0);
  return {
    ...base,
    files: parts.flatMap((p) => p.files),
    callSites,
    scores: scoresOf(callSites.map((s) => s.checks)),
    stats: { ...base.stats, files: linted },
  };
}
