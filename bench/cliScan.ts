/**
 * Workspace scan: the built CLI (`dist/cli.js check <dir> --format json`) on generated
 * repositories of 5,000 files, against floors and peers timed in the same run:
 *
 * - floors: reading every file, and tree-sitter parsing every file with no analysis (one thread);
 * - the CLI on 1 thread and on 2 (`AI_READINESS_WORKERS`), whose reports must be identical;
 * - the same with a warm result cache (`--cache-location`, filled by an untimed run first): the
 *   second run on an unchanged workspace, whose report must be the uncached one; by the
 *   metadata index (the default) and by the text's hash alone (`--cache-strategy content`);
 * - peers on the same files: oxlint on the TypeScript, ESLint (one custom rule visiting
 *   `CallExpression`) on the TypeScript compiled to JavaScript (ESLint's own parser reads no
 *   types), Ruff's WebAssembly build on the Python;
 * - start-up: the CLI on a 10-file folder against `node -e 0`.
 *
 * Every case is a fresh process, timed from spawn to exit; cases take turns, round after
 * round, so a burst of load elsewhere hits all of them alike. Figures: median, min and max.
 *
 *   node out/bench/cliScan.js [--runs 5] [--skip-peers] [--json file]   after `npm run build` and `tsc -b`
 *   node out/bench/cliScan.js --startup-only [--runs 15] [--baseline <other build>/dist/cli.js]
 *                                 the start-up cases alone, in a minute; with --baseline, another build's CLI beside them
 *   node out/bench/cliScan.js --generate-only DIR   the two 5,000-file workspaces into DIR/ai5 and DIR/ai100, nothing timed
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import * as ts from "typescript";
import { round, summarize, writeJsonIfAsked, type Summary } from "./common";
import { generateWorkspace, type GeneratedWorkspace } from "./workspace";

const ROOT = join(__dirname, "../..");
const CLI = join(ROOT, "dist/cli.js");
const NODE_MODULES = join(ROOT, "node_modules");
const USAGE_HOOK = join(__dirname, "processUsage.js");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : process.argv.includes("--startup-only") ? 15 : 5;
const PEER_RUNS = Math.max(1, Math.ceil(RUNS / 2));
const MB = 1_000_000;
/** `--skip-peers`: the CLI, its floors and its start-up only, for a quick look. */
const SKIP_PEERS = process.argv.includes("--skip-peers");
/** `--startup-only`: the 10-file folder, `--version` and `node -e 0`, no workspace scans. */
const STARTUP_ONLY = process.argv.includes("--startup-only");
/** `--baseline <cli.js>`: another build of the CLI (an older commit's) timed beside this one in the start-up cases. */
const baselineArg = process.argv.indexOf("--baseline");
const BASELINE = baselineArg >= 0 ? process.argv[baselineArg + 1] : undefined;

interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Files and bytes it goes through, for files/s and MB/s. */
  files: number;
  bytes: number;
  /** Where to keep the first run's stdout (the CLI's report). */
  keepOutput?: string;
  /** Before each of its runs, untimed: more environment for that run. */
  before?: () => Record<string, string>;
  /** Once before the rounds, untimed (a run that fills the result cache). */
  prepare?: () => void;
}

interface Sample {
  ms: number;
  maxRssMb: number;
  cpuMs: number;
}

export interface CaseResult {
  name: string;
  files: number;
  mb: number;
  ms: Summary;
  filesPerSecond: Summary;
  mbPerSecond: Summary;
  maxRssMb: Summary;
  /** CPU time (all threads) over wall time: above 1 when threads ran side by side. */
  cores: Summary;
  cpuMs: Summary;
}

const scratch = mkdtempSync(join(tmpdir(), "ai-readiness-scan-"));
/** The timed processes' temp folder, where the CLI keeps its code cache: the benchmark's own, started empty. */
const processTemp = join(scratch, "tmp");
mkdirSync(processTemp);
const tempEnv = (folder: string) => ({ TMPDIR: folder, TMP: folder, TEMP: folder });

function run(c: Case, keep: boolean): Sample {
  const usageFile = join(scratch, "usage.json");
  rmSync(usageFile, { force: true });
  const runEnv = c.before?.();
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--require", USAGE_HOOK, ...c.args], {
    cwd: c.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...tempEnv(processTemp), ...c.env, ...runEnv, BENCH_USAGE_FILE: usageFile },
    maxBuffer: 1 << 30,
    stdio: ["ignore", keep ? "pipe" : "ignore", "pipe"],
  });
  const ms = performance.now() - started;
  // Linters exit 1 when they find something; anything else is a failure to report, not to time.
  if (child.status !== 0 && child.status !== 1) throw new Error(`${c.name}: exit ${child.status ?? child.signal}\n${child.stderr.toString().slice(-2000)}`);
  if (keep && c.keepOutput) writeFileSync(c.keepOutput, child.stdout);
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { maxRssKb: number; cpuMs: number };
  return { ms, maxRssMb: usage.maxRssKb / 1024, cpuMs: usage.cpuMs };
}

/** Every case once per round, in turn; the first round is a warm-up (page cache, compiled code). */
function measure(cases: Case[], runs: number): CaseResult[] {
  const samples = cases.map(() => [] as Sample[]);
  for (const c of cases) c.prepare?.();
  for (let round = 0; round <= runs; round++) {
    cases.forEach((c, i) => {
      const sample = run(c, round === 0);
      if (round > 0) samples[i]!.push(sample);
    });
    process.stderr.write(`  round ${round}/${runs} done\n`);
  }
  return cases.map((c, i) => {
    const s = samples[i]!;
    const stat = (values: number[], digits = 1) => {
      const sum = summarize(values);
      return { n: sum.n, median: round(sum.median, digits), p95: round(sum.p95, digits), min: round(sum.min, digits), max: round(sum.max, digits) };
    };
    return {
      name: c.name,
      files: c.files,
      mb: round(c.bytes / MB, 2),
      ms: stat(s.map((x) => x.ms)),
      filesPerSecond: stat(s.map((x) => c.files / (x.ms / 1000)), 0),
      mbPerSecond: stat(s.map((x) => c.bytes / MB / (x.ms / 1000)), 2),
      maxRssMb: stat(s.map((x) => x.maxRssMb)),
      cores: stat(s.map((x) => x.cpuMs / x.ms), 2),
      cpuMs: stat(s.map((x) => x.cpuMs)),
    };
  });
}

const ratio = (a: CaseResult, b: CaseResult, what: "filesPerSecond" = "filesPerSecond") => round(a[what].median / b[what].median, 2);

/** Same report, `stats.ms` aside: the threads must not change a single finding or its order. */
function sameReport(a: string, b: string): boolean {
  const strip = (file: string) => {
    const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { ms: number } };
    report.stats.ms = 0;
    return JSON.stringify(report);
  };
  return strip(a) === strip(b);
}

/** The TypeScript files as JavaScript (types erased, same structure) for ESLint's parser. */
function compileToJs(files: string[], from: string, to: string): { files: number; bytes: number } {
  let bytes = 0;
  for (const file of files) {
    const out = ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
    const target = join(to, relative(from, file)).replace(/\.tsx?$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out);
    bytes += Buffer.byteLength(out);
  }
  return { files: files.length, bytes };
}

const ESLINT_CONFIG = `// One rule, one visitor: the least work a JavaScript linter with a custom rule does per file.
export default [
  {
    files: ["**/*.js"],
    plugins: {
      bench: {
        rules: {
          "model-call": {
            meta: { type: "problem", messages: { call: "model call" }, schema: [] },
            create(context) {
              return {
                CallExpression(node) {
                  if (node.callee.type === "MemberExpression" && node.callee.property.type === "Identifier" && node.callee.property.name === "create") {
                    context.report({ node, messageId: "call" });
                  }
                },
              };
            },
          },
        },
      },
    },
    rules: { "bench/model-call": "error" },
  },
];
`;

const slug = (label: string) => label.replace(/\W+/g, "-");
const bytesOf = (paths: string[]) => paths.reduce((sum, p) => sum + readFileSync(p).length, 0);

function cli(name: string, dir: string, files: number, bytes: number, threads: number, keepOutput?: string): Case {
  return { name, args: [CLI, "check", dir, "--format", "json"], env: { AI_READINESS_WORKERS: String(threads) }, files, bytes, keepOutput };
}

/** The CLI with its result cache, filled by one untimed run before the rounds: every timed run is a warm one. */
function warmCache(name: string, dir: string, files: number, bytes: number, threads: number, keepOutput: string, strategy: "metadata" | "content" = "metadata"): Case {
  const location = join(scratch, `result-cache-${slug(name)}`);
  const c = cli(name, dir, files, bytes, threads, keepOutput);
  c.args.push("--cache-location", location, "--cache-strategy", strategy);
  return {
    ...c,
    prepare: () => {
      run({ ...c, keepOutput: undefined }, false);
    },
  };
}

function workspaceCases(label: string, dir: string, ws: GeneratedWorkspace): { main: Case[]; peers: Case[] } {
  const floors = join(__dirname, "floors.js");
  const main: Case[] = [
    { name: `${label}: read every file`, args: [floors, "read", dir], files: ws.files, bytes: ws.bytes },
    { name: `${label}: parse every file`, args: [floors, "parse", dir], files: ws.files, bytes: ws.bytes },
    cli(`${label}: CLI, 1 thread`, dir, ws.files, ws.bytes, 1, join(scratch, `${slug(label)}-1.json`)),
    cli(`${label}: CLI, 2 threads`, dir, ws.files, ws.bytes, 2, join(scratch, `${slug(label)}-2.json`)),
    warmCache(`${label}: CLI, warm cache, 1 thread`, dir, ws.files, ws.bytes, 1, join(scratch, `${slug(label)}-warm-1.json`)),
    warmCache(`${label}: CLI, warm cache, 2 threads`, dir, ws.files, ws.bytes, 2, join(scratch, `${slug(label)}-warm-2.json`)),
    warmCache(`${label}: CLI, warm cache, content, 1 thread`, dir, ws.files, ws.bytes, 1, join(scratch, `${slug(label)}-warm-content-1.json`), "content"),
    warmCache(`${label}: CLI, warm cache, content, 2 threads`, dir, ws.files, ws.bytes, 2, join(scratch, `${slug(label)}-warm-content-2.json`), "content"),
  ];
  const web = join(dir, "web");
  const backend = join(dir, "backend");
  const js = join(dir, "..", `${slug(label)}-js`);
  const compiled = compileToJs(ws.typescript, web, js);
  const tsBytes = bytesOf(ws.typescript);
  const pyBytes = bytesOf(ws.python);
  const oxlint = join(NODE_MODULES, "oxlint/bin/oxlint");
  const eslint = join(NODE_MODULES, "eslint/bin/eslint.js");
  const ruff = join(__dirname, "ruffWasm.js");
  const peers: Case[] = [
    cli(`${label}: CLI on TS, 1 thread`, web, ws.typescript.length, tsBytes, 1),
    { name: `${label}: oxlint on TS, 1 thread`, args: [oxlint, "--threads", "1", web], files: ws.typescript.length, bytes: tsBytes },
    cli(`${label}: CLI on TS, 2 threads`, web, ws.typescript.length, tsBytes, 2),
    { name: `${label}: oxlint on TS, 2 threads`, args: [oxlint, "--threads", "2", web], files: ws.typescript.length, bytes: tsBytes },
    cli(`${label}: CLI on TS as JS, 1 thread`, js, compiled.files, compiled.bytes, 1),
    { name: `${label}: ESLint on TS as JS, 1 thread`, args: [eslint, "--no-config-lookup", "-c", join(scratch, "eslint.config.mjs"), "--concurrency", "off", js], cwd: scratch, files: compiled.files, bytes: compiled.bytes },
    cli(`${label}: CLI on TS as JS, 2 threads`, js, compiled.files, compiled.bytes, 2),
    { name: `${label}: ESLint on TS as JS, 2 threads`, args: [eslint, "--no-config-lookup", "-c", join(scratch, "eslint.config.mjs"), "--concurrency", "2", js], cwd: scratch, files: compiled.files, bytes: compiled.bytes },
    cli(`${label}: CLI on Python, 1 thread`, backend, ws.python.length, pyBytes, 1),
    { name: `${label}: ruff-wasm on Python, 1 thread`, args: [ruff, backend], files: ws.python.length, bytes: pyBytes },
  ];
  return { main, peers };
}

/** The same seeded workspaces as a run, to time or profile one case by hand. */
function generateOnly(dir: string): void {
  for (const [name, aiShare, seed] of [["ai5", 0.05, 1], ["ai100", 1, 2]] as const) {
    const ws = generateWorkspace(join(dir, name), { files: 5000, aiShare, seed });
    console.log(`${join(dir, name)}: ${ws.files} files, ${round(ws.bytes / MB, 1)} MB`);
  }
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * The CLI on a 10-file folder against a bare Node and the CLI's `--version`: what a small scan
 * pays before its first file. The CLI runs with its code cache made (a second run on the same
 * machine and later), on a fresh machine (no cache yet: the run only marks the bundle as seen),
 * and with the cache turned off.
 */
function measureStartup(scratchDir: string, runs: number): { tenFiles: GeneratedWorkspace; startup: CaseResult[]; ratios: Record<string, number> } {
  const tenFiles = generateWorkspace(join(scratchDir, "ten"), { files: 10, aiShare: 0.3, seed: 3 });
  const ten = (name: string, extra: Partial<Case>): Case => ({ ...cli(name, join(scratchDir, "ten"), tenFiles.files, tenFiles.bytes, 0), ...extra });
  // A new temp folder for each first run, made ahead: deleting one just before the run slowed it.
  const freshTemps = Array.from({ length: runs + 1 }, (_, i) => join(scratchDir, `fresh-tmp-${i}`));
  for (const folder of freshTemps) mkdirSync(folder);
  let firstRuns = 0;
  const cases: Case[] = [
    { name: "node -e 0", args: ["-e", "0"], files: 0, bytes: 0 },
    ten("CLI on 10 files", {}),
    ten("CLI on 10 files, first run", { before: () => tempEnv(freshTemps[firstRuns++]!) }),
    ten("CLI on 10 files, no code cache", { env: { AI_READINESS_WORKERS: "0", AI_READINESS_CODE_CACHE: "0" } }),
    { name: "CLI --version", args: [CLI, "--version"], files: 0, bytes: 0 },
    ...(BASELINE
      ? [
          { ...ten("baseline CLI on 10 files", {}), args: [BASELINE, "check", join(scratchDir, "ten"), "--format", "json"] },
          { name: "baseline CLI --version", args: [BASELINE, "--version"], files: 0, bytes: 0 },
        ]
      : []),
  ];
  // The second run of a command makes its cache; the timed rounds read it (a baseline without one just runs twice more).
  for (const c of cases.filter((_, i) => i === 1 || i >= 4)) for (let i = 0; i < 2; i++) run(c, false);
  const startup = measure(cases, runs);
  const [node, cached, first, uncached, version] = startup as [CaseResult, CaseResult, CaseResult, CaseResult, CaseResult];
  const vsNode = (r: CaseResult) => ({ wall: round(r.ms.median / node.ms.median, 2), cpu: round(r.cpuMs.median / node.cpuMs.median, 2) });
  const ratios = {
    startupVsNode: vsNode(cached).wall,
    startupVsNodeCpu: vsNode(cached).cpu,
    firstRunVsNode: vsNode(first).wall,
    firstRunVsNodeCpu: vsNode(first).cpu,
    noCacheVsNode: vsNode(uncached).wall,
    noCacheVsNodeCpu: vsNode(uncached).cpu,
    versionVsNode: vsNode(version).wall,
    versionVsNodeCpu: vsNode(version).cpu,
  };
  if (BASELINE) {
    const [baseline, baselineVersion] = startup.slice(5) as [CaseResult, CaseResult];
    Object.assign(ratios, { baselineVsNode: vsNode(baseline).wall, baselineVsNodeCpu: vsNode(baseline).cpu, baselineVersionVsNode: vsNode(baselineVersion).wall, baselineVersionVsNodeCpu: vsNode(baselineVersion).cpu });
  }
  return { tenFiles, startup, ratios };
}

const summaryOf = (ws: GeneratedWorkspace) => ({ ...ws, python: ws.python.length, typescript: ws.typescript.length });

function main(): void {
  const only = process.argv.indexOf("--generate-only");
  if (only >= 0) return generateOnly(process.argv[only + 1] ?? "bench-workspaces");
  if (!existsSync(CLI) || !existsSync(join(ROOT, "dist/scanWorker.js"))) throw new Error("dist/cli.js is missing: run `npm run build` first");
  if (STARTUP_ONLY) {
    process.stderr.write("start-up\n");
    const { tenFiles, startup, ratios } = measureStartup(scratch, RUNS);
    printTables([], [], startup, ratios);
    writeJsonIfAsked({ workspaces: { "10 files": summaryOf(tenFiles) }, runs: RUNS, startup, ratios });
    rmSync(scratch, { recursive: true, force: true });
    return;
  }
  writeFileSync(join(scratch, "eslint.config.mjs"), ESLINT_CONFIG);
  process.stderr.write(`generating workspaces in ${scratch}\n`);
  const fivePercent = generateWorkspace(join(scratch, "ai5"), { files: 5000, aiShare: 0.05, seed: 1 });
  const allAi = generateWorkspace(join(scratch, "ai100"), { files: 5000, aiShare: 1, seed: 2 });
  const a = workspaceCases("5% AI", join(scratch, "ai5"), fivePercent);
  const b = workspaceCases("all AI", join(scratch, "ai100"), allAi);

  process.stderr.write("workspace scans\n");
  const scans = measure([...a.main, ...b.main], RUNS);
  process.stderr.write("peers\n");
  const peers = SKIP_PEERS ? [] : measure([...a.peers, ...b.peers], PEER_RUNS);
  process.stderr.write("start-up\n");
  const { tenFiles, startup, ratios: startupRatios } = measureStartup(scratch, Math.max(10, RUNS * 2));

  const byName = new Map([...scans, ...peers, ...startup].map((r) => [r.name, r]));
  const get = (name: string) => byName.get(name)!;
  const derived = (label: string) => ({
    cliVsRead: ratio(get(`${label}: CLI, 1 thread`), get(`${label}: read every file`)),
    cli2VsRead: ratio(get(`${label}: CLI, 2 threads`), get(`${label}: read every file`)),
    cliVsParse: ratio(get(`${label}: CLI, 1 thread`), get(`${label}: parse every file`)),
    /** Per core: the 2-thread scan's files/s over the cores it kept busy (CPU time / wall). */
    cli2PerCoreVsParse: round(get(`${label}: CLI, 2 threads`).filesPerSecond.median / get(`${label}: CLI, 2 threads`).cores.median / get(`${label}: parse every file`).filesPerSecond.median, 2),
    /** The same on CPU time (all threads), which waiting for a busy core does not inflate. */
    cliVsParseCpu: round(get(`${label}: parse every file`).cpuMs.median / get(`${label}: CLI, 1 thread`).cpuMs.median, 2),
    cliVsReadCpu: round(get(`${label}: read every file`).cpuMs.median / get(`${label}: CLI, 1 thread`).cpuMs.median, 2),
    twoThreadsSpeedup: ratio(get(`${label}: CLI, 2 threads`), get(`${label}: CLI, 1 thread`)),
    identicalReports: sameReport(join(scratch, `${slug(label)}-1.json`), join(scratch, `${slug(label)}-2.json`)),
    ...warmRatios(label),
    ...(SKIP_PEERS ? {} : peerRatios(label)),
  });
  /** The warm result cache against the same run's floors and uncached scans; its reports must be the uncached one's. */
  const warmRatios = (label: string) => ({
    warmVsRead: ratio(get(`${label}: CLI, warm cache, 1 thread`), get(`${label}: read every file`)),
    warm2VsRead: ratio(get(`${label}: CLI, warm cache, 2 threads`), get(`${label}: read every file`)),
    warmVsReadCpu: round(get(`${label}: read every file`).cpuMs.median / get(`${label}: CLI, warm cache, 1 thread`).cpuMs.median, 2),
    warmVsParse: ratio(get(`${label}: CLI, warm cache, 1 thread`), get(`${label}: parse every file`)),
    warm2VsParse: ratio(get(`${label}: CLI, warm cache, 2 threads`), get(`${label}: parse every file`)),
    warmSpeedup: ratio(get(`${label}: CLI, warm cache, 1 thread`), get(`${label}: CLI, 1 thread`)),
    warm2Speedup: ratio(get(`${label}: CLI, warm cache, 2 threads`), get(`${label}: CLI, 2 threads`)),
    warmContentVsRead: ratio(get(`${label}: CLI, warm cache, content, 1 thread`), get(`${label}: read every file`)),
    warmContent2VsRead: ratio(get(`${label}: CLI, warm cache, content, 2 threads`), get(`${label}: read every file`)),
    /** The metadata index against the text's hash alone, both warm. */
    metadataVsContent: ratio(get(`${label}: CLI, warm cache, 1 thread`), get(`${label}: CLI, warm cache, content, 1 thread`)),
    metadataVsContent2: ratio(get(`${label}: CLI, warm cache, 2 threads`), get(`${label}: CLI, warm cache, content, 2 threads`)),
    warmIdenticalReports: ["warm-1", "warm-2", "warm-content-1", "warm-content-2"].every((name) => sameReport(join(scratch, `${slug(label)}-1.json`), join(scratch, `${slug(label)}-${name}.json`))),
  });
  const peerRatios = (label: string) => ({
    vsOxlint1: ratio(get(`${label}: CLI on TS, 1 thread`), get(`${label}: oxlint on TS, 1 thread`)),
    vsOxlint2: ratio(get(`${label}: CLI on TS, 2 threads`), get(`${label}: oxlint on TS, 2 threads`)),
    vsEslint1: ratio(get(`${label}: CLI on TS as JS, 1 thread`), get(`${label}: ESLint on TS as JS, 1 thread`)),
    vsEslint2: ratio(get(`${label}: CLI on TS as JS, 2 threads`), get(`${label}: ESLint on TS as JS, 2 threads`)),
    vsRuffWasm: ratio(get(`${label}: CLI on Python, 1 thread`), get(`${label}: ruff-wasm on Python, 1 thread`)),
  });
  const results = {
    workspaces: {
      "5% AI": summaryOf(fivePercent),
      "all AI": summaryOf(allAi),
      "10 files": summaryOf(tenFiles),
    },
    runs: RUNS,
    peerRuns: PEER_RUNS,
    scans,
    peers,
    startup,
    ratios: {
      "5% AI": derived("5% AI"),
      "all AI": derived("all AI"),
      ...startupRatios,
    },
  };
  printTables(results.scans, results.peers, results.startup, results.ratios);
  writeJsonIfAsked(results);
  rmSync(scratch, { recursive: true, force: true });
}

function printTables(scans: CaseResult[], peers: CaseResult[], startup: CaseResult[], ratios: unknown): void {
  const row = (r: CaseResult) => `| ${r.name} | ${r.ms.median} (${r.ms.min}–${r.ms.max}) | ${r.filesPerSecond.median} | ${r.mbPerSecond.median} | ${r.cpuMs.median} | ${r.maxRssMb.median} | ${r.cores.median} |`;
  const head = "| case | ms median (min–max) | files/s | MB/s | CPU ms | peak RSS MB | cores busy |\n|---|---|---|---|---|---|---|";
  const tables = [scans, peers, startup].filter((rows) => rows.length > 0).flatMap((rows) => ["", head, ...rows.map(row)]);
  console.log([...tables, "", JSON.stringify(ratios, null, 2)].join("\n"));
}

main();
