/** `ai-readiness check`: find the files, build the project's facts, lint (and fix), report. */
import { promises as fs } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import {
  DEFAULT_CONFIG,
  MAX_FILE_CHARS,
  RULES,
  aiSdkMajorFromPackageJson,
  analyzeText,
  buildReport,
  fixText,
  languageForPath,
  lintFacts,
  projectFromFiles,
  type FileFacts,
  type LintConfig,
  type LintedFile,
  type ProjectFacts,
  type Report,
  type RuleSetting,
  type WasmLocator,
} from "../../rules/src/index";
import { findSourceFiles } from "../../rules/src/project/walk";
import { UsageError, type CheckArgs } from "./args";
import { analyseSource, scanFile } from "./scanFile";
import { scanInWorkers, scanThreads } from "./scanPool";

interface Source {
  path: string;
  facts: FileFacts;
}

export async function check(args: CheckArgs, cwd: string, readStdin: () => Promise<string>, locate: WasmLocator): Promise<Report> {
  const started = performance.now();
  const config = configFrom(args);
  const scanned = args.stdinFilename ? await fromStdin(args.stdinFilename, cwd, readStdin, locate) : await fromPaths(args.paths, cwd, locate, args.fix ? null : config);
  if ("report" in scanned) {
    const report = { ...scanned.report, stats: { ...scanned.report.stats, ms: Math.round(performance.now() - started) } };
    return args.quiet ? onlyErrors(report) : report;
  }
  const { root, sources, skipped } = scanned;
  const project = projectFromFiles(sources, await aiSdkMajorNear(root));
  if (args.fix && !args.stdinFilename) await applyFixes(sources, config, project, args.unsafeFixes, (path) => resolve(root, path));
  const linted: LintedFile[] = sources.map(({ path, facts }) => ({ path, result: lintFacts(facts, config, project) }));
  const report = buildReport(root, linted, skipped, performance.now() - started);
  return args.quiet ? onlyErrors(report) : report;
}

/** Rules on and off from --select and --ignore; unknown ids are a usage error, not a silent no-op. */
function configFrom(args: CheckArgs): LintConfig {
  const known = RULES.map((r) => r.id);
  for (const id of [...args.select, ...args.ignore]) {
    if (!known.includes(id)) throw new UsageError(`unknown rule \`${id}\` (see \`ai-readiness rules\`)`);
  }
  const rules: Record<string, RuleSetting> = {};
  for (const rule of RULES) {
    if (args.select.length > 0) rules[rule.id] = args.select.includes(rule.id) ? rule.severity : "off";
    if (args.ignore.includes(rule.id)) rules[rule.id] = "off";
  }
  return { ...DEFAULT_CONFIG, rules };
}

/** With `config` (not fixing), a large scan is split across threads and comes back as a report. */
async function fromPaths(paths: string[], cwd: string, locate: WasmLocator, config: LintConfig | null) {
  const absolute = paths.map((p) => resolve(cwd, p));
  for (const path of absolute) {
    if (!(await fs.stat(path).catch(() => null))) throw new UsageError(`no such file or folder: ${path}`);
  }
  const root = absolute.length === 1 && (await fs.stat(absolute[0])).isDirectory() ? absolute[0] : cwd;
  const toReportPath = (path: string) => relative(root, path).split(sep).join("/") || path;
  const sources: Source[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const files = await findSourceFiles(absolute, fs, join);
  const threads = config ? scanThreads(files.length) : 1;
  if (config && threads > 1) {
    const scan = { root, config, locate, threads, aiSdkMajor: await aiSdkMajorNear(root) };
    return { report: await scanInWorkers({ ...scan, files: files.map((f, index) => ({ index, absolute: f.path, path: toReportPath(f.path), language: f.language })) }) };
  }
  for (const file of files) {
    const analysed = await scanFile(file.path, file.language, locate);
    if ("facts" in analysed) sources.push({ path: toReportPath(file.path), facts: analysed.facts });
    else skipped.push({ path: toReportPath(file.path), reason: analysed.skipped });
  }
  return { root, sources, skipped };
}

async function fromStdin(filename: string, cwd: string, readStdin: () => Promise<string>, locate: WasmLocator) {
  const language = languageForPath(filename);
  if (!language) throw new UsageError(`--stdin-filename: \`${filename}\` is not a Python, TypeScript or JavaScript file`);
  const text = await readStdin();
  const path = relative(cwd, resolve(cwd, filename)).split(sep).join("/");
  const analysed = text.length > MAX_FILE_CHARS ? { skipped: `too large (${text.length} characters)` } : await analyseSource(text, language, locate);
  return {
    root: cwd,
    sources: "facts" in analysed ? [{ path, facts: analysed.facts }] : [],
    skipped: "facts" in analysed ? [] : [{ path, reason: analysed.skipped }],
  };
}

/**
 * Runs the shared fix loop on every file with findings, writes the files that changed,
 * and replaces their facts with those of the fixed text.
 */
async function applyFixes(sources: Source[], config: LintConfig, project: ProjectFacts, unsafe: boolean, absolute: (path: string) => string): Promise<void> {
  for (const source of sources) {
    if (source.facts.callSites.length === 0 && source.facts.stringLiterals.length === 0) continue;
    const result = fixText(source.facts.text, source.facts.language, config, project, { unsafe });
    if (result.applied === 0 || result.text === source.facts.text) continue;
    await fs.writeFile(absolute(source.path), result.text, "utf8");
    source.facts = analyzeText(result.text, source.facts.language);
  }
}

/** The AI SDK version from the nearest package.json at or above `folder`. */
async function aiSdkMajorNear(folder: string): Promise<number | null> {
  for (let dir = folder; ; dir = dirname(dir)) {
    const manifest = await fs.readFile(join(dir, "package.json"), "utf8").catch(() => null);
    if (manifest !== null) return aiSdkMajorFromPackageJson(manifest);
    if (dirname(dir) === dir) return null;
  }
}

function onlyErrors(report: Report): Report {
  const files = report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === "error") })).filter((f) => f.findings.length > 0);
  return { ...report, files };
}

/** 1 when findings reach `--fail-on` or warnings pass `--max-warnings`; 0 otherwise. */
export function exitCodeFor(report: Report, args: CheckArgs): number {
  if (args.exitZero) return 0;
  const rank = { info: 0, warning: 1, error: 2 } as const;
  const findings = report.files.flatMap((f) => f.findings);
  const failing = findings.some((f) => rank[f.severity] >= rank[args.failOn]);
  const warnings = findings.filter((f) => f.severity === "warning").length;
  return failing || (args.maxWarnings !== null && warnings > args.maxWarnings) ? 1 : 0;
}
