/**
 * A scan lane: analyses the files the pool hands it, keeps their facts, and once the
 * project's facts are known lints them, a batch at a time as the pool asks, and sends back
 * the report's part of each file. It runs in each scan worker and on the main thread.
 * Facts stay in the lane between the two steps: they are large (the text) and full of
 * shared catalogue entries that a copy to another thread would duplicate. A file's facts
 * are dropped once it is linted.
 */
import { lintFacts, type FileFacts, type LintConfig, type WasmLocator } from "../../rules/src/index";
import { jsonPartText, reportPart } from "../../rules/src/report/json";
import { shownPart, tallyOf } from "./reportStream";
import type { CacheSettings } from "./resultCache";
import { scanFiles, type Scanned } from "./scanFile";
import type { AnalysedFile, FromWorker, LintedPart, ToWorker } from "./scanProtocol";

/** The lane's end of its channel to the pool: a worker's `parentPort`, or a `MessagePort`. */
export interface ScanPort {
  on(event: "message", listener: (message: ToWorker) => void): unknown;
  postMessage(message: FromWorker): void;
}

export function serveScans(port: ScanPort, locate: WasmLocator, cacheSettings?: CacheSettings): void {
  // Loaded only with a cache: its hashing (`node:crypto`) would cost every other scan's start-up.
  const cacheLoading = cacheSettings && import("./resultCache.js").then(({ ResultCache }) => new ResultCache(cacheSettings));
  const kept = new Map<number, { path: string; facts: FileFacts; config: LintConfig }>();
  let settings: Omit<Extract<ToWorker, { type: "project" }>, "type"> | undefined;

  const analyse = async (files: Extract<ToWorker, { type: "analyse" }>["files"]) => {
    const results: AnalysedFile[] = [];
    const cache = await cacheLoading;
    const scannedFiles = scanFiles(files, locate, cache);
    for (const file of files) {
      const scanned = (await scannedFiles.next()).value as Scanned;
      if ("skipped" in scanned) results.push({ index: file.index, skipped: scanned.skipped });
      else {
        // A file known to add nothing to the report (metadataIndex.ts) is not linted: it holds no text to lint.
        if (!scanned.unread) kept.set(file.index, { path: file.path, facts: scanned.facts, config: file.config });
        const { language, instrumentation, unparsed, callSites } = scanned.facts;
        const importsClients = callSites.some((c) => c.clientResolution === "imported");
        results.push({ index: file.index, project: { language, instrumentation, unparsed: unparsed === true, importsClients }, ...(scanned.record && { record: scanned.record }) });
      }
    }
    port.postMessage({ type: "analysed", results });
  };

  const lint = ({ batch, indexes }: Extract<ToWorker, { type: "lint" }>) => {
    const { project, quiet, jsonText } = settings!;
    const parts: LintedPart[] = [];
    for (const index of indexes) {
      const file = kept.get(index);
      // Skipped files, and those the metadata index knew to add nothing, were never kept.
      if (!file) continue;
      kept.delete(index);
      const part = shownPart(reportPart(file.path, lintFacts(file.facts, file.config, project)), quiet);
      if (!part.file && part.callSites.length === 0) continue;
      parts.push(jsonText ? { index, text: jsonPartText(part), tally: tallyOf(part) } : { index, part });
    }
    port.postMessage({ type: "linted", batch, parts });
  };

  port.on("message", (message) => {
    if (message.type === "analyse") void analyse(message.files);
    else if (message.type === "project") settings = message;
    else lint(message);
  });
}
