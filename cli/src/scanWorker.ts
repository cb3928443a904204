/**
 * A scan worker: analyses the files the pool hands it, keeps their facts, and once the
 * project's facts are known lints them and sends back the report's part of each file.
 * Facts stay here between the two steps: they are large (the text) and full of shared
 * catalogue entries that a copy to another thread would duplicate.
 */
import { parentPort, workerData } from "node:worker_threads";
import { buildReport, lintFacts, type FileFacts, type LintConfig } from "../../rules/src/index";
import { scanFiles, type ScannedFile } from "./scanFile";
import type { AnalysedFile, LintedPart, ToWorker, WorkerData } from "./scanProtocol";

const { wasm } = workerData as WorkerData;
const locate = (file: string) => wasm[file] ?? file;
const kept = new Map<number, { path: string; facts: FileFacts; config: LintConfig }>();
const port = parentPort!;

port.on("message", (message: ToWorker) => {
  if (message.type === "analyse") void analyse(message.files);
  else lint(message);
});

async function analyse(files: Extract<ToWorker, { type: "analyse" }>["files"]): Promise<void> {
  const results: AnalysedFile[] = [];
  const scannedFiles = scanFiles(files, locate);
  for (const file of files) {
    const scanned = (await scannedFiles.next()).value as ScannedFile;
    if ("skipped" in scanned) results.push({ index: file.index, skipped: scanned.skipped });
    else {
      kept.set(file.index, { path: file.path, facts: scanned.facts, config: file.config });
      const { language, instrumentation, unparsed, callSites } = scanned.facts;
      const importsClients = callSites.some((c) => c.clientResolution === "imported");
      results.push({ index: file.index, project: { language, instrumentation, unparsed: unparsed === true, importsClients } });
    }
  }
  port.postMessage({ type: "analysed", results });
}

function lint({ project }: Extract<ToWorker, { type: "lint" }>): void {
  const parts: LintedPart[] = [];
  for (const [index, { path, facts, config }] of kept) {
    // A report of one file: its entry and call sites are exactly those of the whole report.
    const report = buildReport("", [{ path, result: lintFacts(facts, config, project) }], [], 0);
    if (report.files.length > 0 || report.callSites.length > 0) parts.push({ index, files: report.files, callSites: report.callSites });
  }
  kept.clear();
  port.postMessage({ type: "linted", parts });
}
