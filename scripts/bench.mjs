// `npm run bench`: compile (tsc -b), run the keystroke benchmark (one process per case, so a
// case's memory or a crash cannot affect the next) and the parser benchmark, print a summary
// table, and write every figure to bench/results.json (git-ignored). Prints figures only;
// nothing here fails on a slow result.
//
//   npm run bench                       everything (about 10 to 15 minutes on 2 cores)
//   npm run bench -- keystroke          one benchmark; `parsers` and `walk` likewise
//   npm run bench -- --edits 20         fewer letters per keystroke case, for a quick look
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const args = process.argv.slice(2);
const only = args.filter((a) => a === "keystroke" || a === "parsers" || a === "walk");
const wanted = (name) => only.length === 0 || only.includes(name);
const edits = args.includes("--edits") ? ["--edits", args[args.indexOf("--edits") + 1]] : [];
const CASES = ["python:1000", "python:5000", "python:20000", "typescript:1000", "typescript:5000", "typescript:20000"];

execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b"], { cwd: root, stdio: "inherit" });

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
if (wanted("parsers")) results.parsers = run("parsers.js", []);
if (wanted("walk")) results.walk = run("walk.js", []);
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

writeFileSync(join(root, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
console.log("\nwrote bench/results.json");
