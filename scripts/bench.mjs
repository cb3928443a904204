// `npm run bench`: compile (tsc -b), run the keystroke benchmark (one process per case, so a
// case's memory or a crash cannot affect the next) and the parser benchmark, print a summary
// table, and write every figure to bench/results.json (git-ignored). Prints figures only;
// nothing here fails on a slow result.
//
//   npm run bench                       everything (about 10 to 15 minutes on 2 cores)
//   npm run bench -- keystroke          one benchmark; `realistic`, `server`, `parsers`, `walk`, `prefilter` and `scan` likewise
//   npm run bench -- --edits 20         fewer letters per keystroke case, for a quick look
//   npm run bench -- scan --runs 3      fewer rounds of the workspace scan (--skip-peers: no peers)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const args = process.argv.slice(2);
const only = args.filter((a) => a === "keystroke" || a === "realistic" || a === "server" || a === "parsers" || a === "walk" || a === "prefilter" || a === "scan");
const wanted = (name) => only.length === 0 || only.includes(name);
const edits = args.includes("--edits") ? ["--edits", args[args.indexOf("--edits") + 1]] : [];
const runs = [...(args.includes("--runs") ? ["--runs", args[args.indexOf("--runs") + 1]] : []), ...(args.includes("--skip-peers") ? ["--skip-peers"] : [])];
const CASES = ["python:1000", "python:5000", "python:20000", "typescript:1000", "typescript:5000", "typescript:20000"];

execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b"], { cwd: root, stdio: "inherit" });
// The scan benchmark times the built CLI, as users run it.
if (wanted("scan")) execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit" });

const scratch = mkdtempSync(join(tmpdir(), "ai-readiness-bench-"));
/** Runs one compiled benchmark; its figures come back as JSON (its own table is kept for failures). */
function run(script, extra) {
  const json = join(scratch, "out.json");
  rmSync(json, { force: true });
  const started = Date.now();
  const child = spawnSync(process.execPath, [join(root, "out/bench", script), ...extra, "--json", json], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (child.status !== 0) {
    console.log(`  ${script} ${extra.join(" ")}: FAILED (exit ${child.status ?? child.signal}) after ${seconds} s`);
    return { failed: `exit ${child.status ?? child.signal}`, output: child.stdout.slice(-2000) };
  }
  console.log(`  ${script} ${extra.join(" ")}: ${seconds} s`);
  return JSON.parse(readFileSync(json, "utf8"));
}

const git = (...a) => spawnSync("git", a, { cwd: root, encoding: "utf8" }).stdout.trim();
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  platform: `${process.platform} ${process.arch}`,
  commit: git("rev-parse", "HEAD") || "unknown",
  // Other people edit the engine while benchmarks run: say whether the figures are of HEAD.
  engineDirty: git("status", "--porcelain", "rules/src") !== "",
  // Figures are wall-clock: a busy machine inflates them. Compare the load with `cpus`.
  loadAverageBefore: loadavg().map((l) => Math.round(l * 100) / 100),
};

console.log("running benchmarks");
if (wanted("keystroke")) {
  results.keystroke = CASES.map((c) => {
    const r = run("keystroke.js", [c, ...edits]);
    return r.failed ? { case: c, ...r } : { ...r.cases[0], edits: r.edits, seed: r.seed, baselineSamples: r.baselineSamples };
  });
}
if (wanted("realistic")) results.realistic = run("realistic.js", edits);
if (wanted("server")) results.server = run("serverKeystroke.js", edits);
if (wanted("parsers")) results.parsers = run("parsers.js", []);
if (wanted("walk")) results.walk = run("walk.js", []);
if (wanted("prefilter")) results.prefilter = run("prefilter.js", []);
if (wanted("scan")) results.scan = run("cliScan.js", runs);
results.loadAverageAfter = loadavg().map((l) => Math.round(l * 100) / 100);
rmSync(scratch, { recursive: true, force: true });

const f = (v) => (typeof v === "number" ? v.toFixed(2) : String(v));
const table = (head, rows) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => "| " + cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
  return [line(head), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...rows.map(line)].join("\n");
};

console.log(`\n${results.date}, Node ${results.node}, ${results.cpus} cores (${results.cpuModel}), load ${results.loadAverageBefore.join(" ")}`);
console.log(`commit ${results.commit.slice(0, 12)}${results.engineDirty ? " + uncommitted changes in rules/src" : ""}`);
if (results.keystroke) {
  console.log("\nKeystroke (update + incremental parse + lint), ms; full = parse + lint from scratch");
  const rows = results.keystroke.map((c) =>
    c.failed
      ? [c.case.replace(":", " "), "", "FAILED", c.failed, "", "", "", "", "", ""]
      : [`${c.language} ${c.lines}`, c.callSites, f(c.keystroke.median), f(c.keystroke.p95), f(c.keystroke.max), f(c.reparse.median), f(c.lint.median), f(c.full.median), `${c.speedup}x`, f(c.cpuShare)],
  );
  console.log(table(["file", "calls", "p50", "p95", "max", "reparse p50", "lint p50", "full p50", "speedup", "cpu share"], rows));
}
if (results.realistic && !results.realistic.failed) {
  console.log("\nKeystroke in an ordinary module (a model call in one function of 60), ms; baseline = the extraction walking the whole file");
  const rows = results.realistic.cases.map((c) => [`${c.language} ${c.lines}`, c.callSites, f(c.keystroke.median), f(c.keystroke.p95), f(c.reparse.median), f(c.lint.median), f(c.keptValid.p95), f(c.brokeSyntax.p95), f(c.wholeWalk.median), `${c.speedup}x`]);
  console.log(table(["file", "calls", "p50", "p95", "reparse p50", "lint p50", "p95 valid", "p95 broken", "baseline p50", "speedup"], rows));
}
if (results.server && !results.server.failed) {
  console.log("\nKeystroke through the language server (didChange to publishDiagnostics, no debounce), ms; engine = the same letters through the engine alone");
  const rows = results.server.cases.map((c) => [`${c.language} ${c.lines}`, f(c.server.median), f(c.server.p95), f(c.engine.median), f(c.engine.p95), f(c.serverOverhead)]);
  console.log(table(["file", "server p50", "server p95", "engine p50", "engine p95", "server's own p50"], rows));
}
if (results.parsers && !results.parsers.failed) {
  console.log("\nParse speed, MB/s (median of 5 passes; min, max)");
  const rows = results.parsers.parsers.map((p) => [p.parser, p.files, f(p.mb), f(p.mbPerSecond.median), f(p.mbPerSecond.min), f(p.mbPerSecond.max), p.filesWithErrors]);
  console.log(table(["parser", "files", "MB", "median", "min", "max", "files with errors"], rows));
}
if (results.walk && !results.walk.failed) {
  const w = results.walk;
  console.log(`\nFolder walk, ${w.files} files in ${w.folders} folders, ${w.rootPatterns} root patterns, ${w.nestedGitignores} nested .gitignore files, ms`);
  console.log(table(["", "median", "p95"], [["without .gitignore", f(w.withoutGitignoreMs.median), f(w.withoutGitignoreMs.p95)], ["with .gitignore", f(w.withGitignoreMs.median), f(w.withGitignoreMs.p95)]]));
}
if (results.prefilter && !results.prefilter.failed) {
  console.log(`\nText prefilter over the scan benchmark's workspaces, ${results.prefilter.passes} passes, ms; MB/s of the medians`);
  const rows = results.prefilter.workspaces.map((w) => [w.name, w.files, w.differences, f(w.regularExpression.ms.median), `${f(w.regularExpression.ms.min)}–${f(w.regularExpression.ms.max)}`, f(w.automaton.ms.median), `${f(w.automaton.ms.min)}–${f(w.automaton.ms.max)}`, w.regularExpression.mbPerSecond.median, w.automaton.mbPerSecond.median, `${w.speedup}x`, `${w.cpuSpeedup}x`]);
  console.log(table(["workspace", "files", "different answers", "regex median", "regex min–max", "automaton median", "automaton min–max", "regex MB/s", "automaton MB/s", "ratio", "ratio, CPU"], rows));
}

if (results.scan && !results.scan.failed) {
  const s = results.scan;
  const rows = (list) => list.map((c) => [c.name, `${f(c.ms.median)} (${f(c.ms.min)}–${f(c.ms.max)})`, Math.round(c.filesPerSecond.median), f(c.mbPerSecond.median), f(c.maxRssMb.median), f(c.cores.median)]);
  const head = ["case", "ms median (min–max)", "files/s", "MB/s", "peak RSS MB", "cores busy"];
  const ws = (w) => `${w.files} files (${w.aiFiles} with model calls), ${w.lines} lines, ${(w.bytes / 1e6).toFixed(1)} MB`;
  console.log(`\nWorkspace scan, ${s.runs} rounds (peers ${s.peerRuns}); 5% AI: ${ws(s.workspaces["5% AI"])}; all AI: ${ws(s.workspaces["all AI"])}`);
  console.log(table(head, rows(s.scans)));
  if (s.peers.length > 0) console.log("\nPeers on the same files");
  if (s.peers.length > 0) console.log(table(head, rows(s.peers)));
  console.log("\nStart-up");
  console.log(table(head, rows(s.startup)));
  const r = (label) => s.ratios[label];
  const ratioRows = ["5% AI", "all AI"].map((label) => [label, r(label).cliVsRead, r(label).cli2VsRead, r(label).cliVsReadCpu, r(label).cliVsParse, r(label).cliVsParseCpu, r(label).cli2PerCoreVsParse, r(label).twoThreadsSpeedup, r(label).identicalReports, r(label).vsOxlint1, r(label).vsOxlint2, r(label).vsEslint1, r(label).vsEslint2, r(label).vsRuffWasm]);
  console.log(`\nRatios of files/s (medians of this run; cpu: per CPU-second); CLI on 10 files / node -e 0: ${s.ratios.startupVsNode} (cpu ${s.ratios.startupVsNodeCpu}), first run on a machine ${s.ratios.firstRunVsNode} (cpu ${s.ratios.firstRunVsNodeCpu})`);
  console.log(table(["workspace", "1 thread / read", "2 threads / read", "1 thread / read, cpu", "1 thread / parse", "1 thread / parse, cpu", "2 threads per core / parse", "2 threads / 1", "same report", "/ oxlint 1", "/ oxlint 2", "/ ESLint 1", "/ ESLint 2", "/ ruff-wasm"], ratioRows));
}

writeFileSync(join(root, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
console.log("\nwrote bench/results.json");
