/**
 * A scan worker: analyses the files the pool hands it, keeps their facts, and once the
 * project's facts are known lints them and sends back the report's part of each file.
 * Facts stay here between the two steps: they are large (the text) and full of shared
 * catalogue entries that a copy to another thread would duplicate.
 */
import { parentPort, workerData } from "node:worker_threads";
import { buildReport, lintFacts, type FileFacts, type LintConfig } from "../../rules/src/index";
import { sep } from "node:path";
import { exportedClientsOf, projectFactsFor } from "../../rules/src/project/exportedClients";
import { ModuleResolver } from "../../rules/src/project/moduleResolution";
import { scanFile } from "./scanFile";
import type { AnalysedFile, LintedPart, ToWorker, WorkerData } from "./scanProtocol";

const { wasm } = workerData as WorkerData;
const locate = (file: string) => wasm[file] ?? file;
const kept = new Map<number, { path: string; absolute: string; facts: FileFacts; config: LintConfig }>();
const port = parentPort!;

port.on("message", (message: ToWorker) => {
  if (message.type === "analyse") void analyse(message.files);
  else lint(message);
});

async function analyse(files: Extract<ToWorker, { type: "analyse" }>["files"]): Promise<void> {
  const results: AnalysedFile[] = [];
  for (const file of files) {
    const scanned = await scanFile(file.absolute, file.language, locate);
    if ("skipped" in scanned) results.push({ index: file.index, skipped: scanned.skipped });
    else {
      kept.set(file.index, { path: file.path, absolute: file.absolute.split(sep).join("/"), facts: scanned.facts, config: file.config });
      const { language, instrumentation, unparsed, callSites } = scanned.facts;
      const exports = [...exportedClientsOf(scanned.facts)];
      const needsAliases = language !== "python" && callSites.some((c) => c.importedFrom && !c.importedFrom.module.startsWith("."));
      results.push({ index: file.index, project: { language, instrumentation, unparsed: unparsed === true, exports, needsAliases } });
    }
  }
  port.postMessage({ type: "analysed", results });
}

function lint({ project, workspace }: Extract<ToWorker, { type: "lint" }>): void {
  const parts: LintedPart[] = [];
  const resolver = new ModuleResolver(new Set(workspace.paths), workspace.aliases);
  const exports = new Map(workspace.exports.map(([path, clients]) => [path, new Map(clients)]));
  for (const [index, { path, absolute, facts, config }] of kept) {
    const projectHere = projectFactsFor(project, absolute, facts, resolver, (target) => exports.get(target));
    // A report of one file: its entry and call sites are exactly those of the whole report.
    const report = buildReport("", [{ path, result: lintFacts(facts, config, projectHere) }], [], 0);
    if (report.files.length > 0 || report.callSites.length > 0) parts.push({ index, files: report.files, callSites: report.callSites });
  }
  kept.clear();
  port.postMessage({ type: "linted", parts });
}
