/** `ai-readiness check`: find the files and their configs, build the project's facts, lint (and fix), report. */
import { promises as fs } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import {
  MAX_FILE_CHARS,
  RULES,
  aiSdkMajorFromPackageJson,
  fixText,
  languageForPath,
  lintFacts,
  projectFromFiles,
  type FileFacts,
  type LintConfig,
  type ProjectFacts,
  type Report,
  type RuleSetting,
  type Severity,
  type WasmLocator,
} from "../../rules/src/index";
import { ReportCollector, reportPart, type ReportWriter } from "../../rules/src/report/json";
import { findSourceFiles } from "../../rules/src/project/walk";
import { isTestPath } from "../../rules/src/project/testFiles";
import { coversPath, EMPTY_PROJECT_CONFIG, type ConfigProblem } from "../../rules/src/config/configFile";
import { mergeConfig } from "../../rules/src/config/lintConfig";
import { ConfigLocator, configAt, type LocatedConfig } from "../../rules/src/project/configLocator";
import { initParsers } from "../../rules/src/parse/parser";
import { UsageError, type CheckArgs } from "./args";
import type { MetadataIndex } from "./metadataIndex";
import type { CacheSettings, CacheStrategy, ResultCache } from "./resultCache";
import { UNPARSED, analyseCached, analyseSource, preferQuickStart, scanFiles, type Scanned } from "./scanFile";
import { scanInWorkers, scanThreads, type PoolResult } from "./scanPool";
import type { FileToScan } from "./scanProtocol";
import { ReportStream } from "./reportStream";
import { workspaceProject } from "./workspaceClients";

/** The result cache as a run uses it: its settings for the scan threads, this thread's lane, and its end. */
interface RunCache {
  settings: CacheSettings;
  lane: ResultCache;
  /** With `--cache-strategy metadata`: what `stat` tells of the files (metadataIndex.ts). */
  index?: MetadataIndex;
  /** Writes the index, deletes stale entries. */
  finish(): void;
}

interface Source {
  path: string;
  facts: FileFacts;
  config: LintConfig;
}

export interface CheckResult {
  report: Report;
  /** Problems in the config files used, with where; linting went on with what was valid. */
  configProblems: { path: string; problem: ConfigProblem; text: string }[];
  warnings: string[];
}

export interface CheckOutcome {
  /** Findings in the report, by severity: the exit code's input. */
  severities: Record<Severity, number>;
  configProblems: CheckResult["configProblems"];
  /** What went otherwise than asked without failing the check (a cache that cannot be written), for stderr. */
  warnings: string[];
}

/** The whole report in memory, for tests and tools that read it back; the CLI writes it as it goes (`checkInto`). */
export async function check(args: CheckArgs, cwd: string, readStdin: () => Promise<string>, onProgress?: (done: number, total: number) => void, locate?: WasmLocator): Promise<CheckResult> {
  const collector = new ReportCollector();
  const { configProblems, warnings } = await checkInto(collector, args, cwd, readStdin, onProgress, locate);
  return { report: collector.report, configProblems, warnings };
}

/**
 * The check, its report going to `writer` a file at a time as files are linted: a large scan
 * never holds every file's findings, or the report's text, at once.
 * `onProgress` hears of each file as it is read: the terminal's progress line.
 * `locate`: where the grammars are, loaded as needed; without it the engine must be initialised already (one thread).
 */
export async function checkInto(writer: ReportWriter, args: CheckArgs, cwd: string, readStdin: () => Promise<string>, onProgress?: (done: number, total: number) => void, locate?: WasmLocator): Promise<CheckOutcome> {
  const started = performance.now();
  const configs = await configsFor(args, cwd);
  const out = new ReportStream(writer, args.quiet);
  const warnings: string[] = [];
  const cache = args.cache === null ? undefined : await resultCacheAt(resolve(cwd, args.cache), args.cacheStrategy, locate, warnings);
  const scanned = args.stdinFilename ? await fromStdin(args.stdinFilename, cwd, readStdin, configs, locate, cache) : await fromPaths(args.paths, cwd, configs, args.gitignore, locate, !args.fix, out, onProgress, cache);
  if ("written" in scanned) await out.end(scanned.written.skipped, scanned.written.linted, performance.now() - started);
  else {
    const { root, sources, skipped } = scanned;
    const project = projectFromFiles(sources, await aiSdkMajorNear(root));
    const projectFor = await workspaceProject(root, sources, project, scanned.unread, locate && ((languages) => initParsers(locate, languages)));
    if (args.fix && !args.stdinFilename) skipped.push(...(await applyFixes(sources, projectFor, args.unsafeFixes, (path) => resolve(root, path), locate)));
    await out.begin(root);
    for (const { path, facts, config } of sources) {
      // Known to add nothing to the report (metadataIndex.ts): its lint would find nothing in no text.
      if (scanned.unread.has(path)) continue;
      await out.file(reportPart(path, lintFacts(facts, config, projectFor(path, facts))));
    }
    await out.end(skipped, sources.length, performance.now() - started);
  }
  cache?.finish();
  return { severities: out.severities, configProblems: await configs.problems(), warnings };
}

/** The result cache of this run (`--cache`), or none, with a warning, when it cannot be had. */
async function resultCacheAt(location: string, strategy: CacheStrategy, locate: WasmLocator | undefined, warnings: string[]): Promise<RunCache | undefined> {
  // Loaded only here: its hashing (`node:crypto`) would cost every other run's start-up.
  const { ResultCache, openResultCache, pruneResultCache } = await import("./resultCache.js");
  const opened = openResultCache(location, locate, strategy);
  if ("warning" in opened) {
    warnings.push(opened.warning);
    return undefined;
  }
  const { settings } = opened;
  const index = strategy === "metadata" ? (await import("./metadataIndex.js")).MetadataIndex.load(location, settings.entries, settings.stamp) : undefined;
  return {
    settings,
    lane: new ResultCache(settings),
    index,
    finish: () => {
      index?.save();
      pruneResultCache(settings);
    },
  };
}

/**
 * The config of each file: `--config` for all, else the nearest `ai-readiness.json`; with
 * --select/--ignore on top. Remembers which configs were used, to report their problems once.
 */
async function configsFor(args: CheckArgs, cwd: string) {
  const overrides = overridesFrom(args);
  const read = (path: string) => fs.readFile(path, "utf8").catch(() => null);
  const paths = { join, dirname };
  let explicit: LocatedConfig | null = null;
  if (args.config) {
    const path = resolve(cwd, args.config);
    const text = await read(path);
    if (text === null) throw new UsageError(`--config: cannot read \`${args.config}\``);
    explicit = configAt(path, text, paths);
  }
  const locator = new ConfigLocator(read, paths);
  const used = new Map<string, LocatedConfig>();
  // One lint config per config file and kind of file, shared by its files (nothing changes a lint config once made).
  const merged = new Map<LocatedConfig | null, [LintConfig | undefined, LintConfig | undefined]>();
  return {
    /** The lint config for a file, or null when its config excludes it. `root`: the scan's root, for telling test files. */
    async forFile(path: string, root: string): Promise<LintConfig | null> {
      const located = explicit ?? (await locator.forFile(path));
      if (located) used.set(located.path, located);
      const config = located?.config ?? EMPTY_PROJECT_CONFIG;
      if (located && !coversPath(config, relative(located.folder, path).split(sep).join("/"))) return null;
      const testFile = isTestPath(relative(root, path).split(sep).join("/"));
      const pair = merged.get(located) ?? [undefined, undefined];
      merged.set(located, pair);
      return (pair[testFile ? 1 : 0] ??= { ...mergeConfig(config.lint, overrides), testFile });
    },
    async problems() {
      const all: CheckResult["configProblems"] = [];
      for (const located of used.values()) {
        if (located.config.problems.length === 0) continue;
        const text = (await read(located.path)) ?? "";
        for (const problem of located.config.problems) all.push({ path: relative(cwd, located.path) || located.path, problem, text });
      }
      return all;
    },
  };
}

type Configs = Awaited<ReturnType<typeof configsFor>>;

/** Rules on and off from --select and --ignore; unknown ids are a usage error, not a silent no-op. */
function overridesFrom(args: CheckArgs): Partial<LintConfig> {
  const known = RULES.map((r) => r.id);
  for (const id of [...args.select, ...args.ignore]) {
    if (!known.includes(id)) throw new UsageError(`unknown rule \`${id}\` (see \`ai-readiness rules\`)`);
  }
  const rules: Record<string, RuleSetting> = {};
  for (const rule of RULES) {
    if (args.select.length > 0) rules[rule.id] = args.select.includes(rule.id) ? rule.severity : "off";
    if (args.ignore.includes(rule.id)) rules[rule.id] = "off";
  }
  return { rules };
}

/** When `threads` may be used (not fixing), a large scan is split across them, which write its report to `out`. */
async function fromPaths(paths: string[], cwd: string, configs: Configs, gitignore: boolean, locate: WasmLocator | undefined, threads: boolean, out: ReportStream, onProgress?: (done: number, total: number) => void, cache?: RunCache): Promise<{ written: PoolResult } | { root: string; sources: Source[]; skipped: { path: string; reason: string }[]; unread: Set<string> }> {
  const absolute = paths.map((p) => resolve(cwd, p));
  for (const path of absolute) {
    if (!(await fs.stat(path).catch(() => null))) throw new UsageError(`no such file or folder: ${path}`);
  }
  const root = absolute.length === 1 && (await fs.stat(absolute[0])).isDirectory() ? absolute[0] : cwd;
  const toReportPath = (path: string) => relative(root, path).split(sep).join("/") || path;
  const sources: Source[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const unreadable = (path: string, reason: string) => skipped.push({ path: toReportPath(path), reason });
  const files = await findSourceFiles(absolute, fs, join, { gitignore, skipped: unreadable });
  const found = [];
  for (const [index, file] of files.entries()) found.push({ index, absolute: file.path, path: toReportPath(file.path), language: file.language, config: await configs.forFile(file.path, root) });
  // A file named on the command line is reported as skipped; one found by the walk is simply not checked.
  const excluded = found.filter((f) => !f.config && absolute.includes(f.absolute)).map((f) => ({ index: f.index, path: f.path, reason: "excluded by ai-readiness.json" }));
  const index = cache?.index;
  index?.covers(absolute);
  const toScan: FileToScan[] = found.filter((f): f is typeof f & { config: LintConfig } => f.config !== null).map((f) => (index ? { ...f, known: index.known(f.absolute) } : f));
  // A file the metadata index knows to add nothing costs a `stat`: threads pay off on the others only.
  const count = threads && locate ? scanThreads(index ? toScan.filter((f) => !(f.known && "config" in f.known)).length : toScan.length) : 1;
  if (count > 1 && locate) {
    const written = await scanInWorkers({ root, files: toScan, skippedFirst: [...skipped], excluded, locate, threads: count, aiSdkMajor: await aiSdkMajorNear(root), cache: cache?.settings, keep: index && ((path, record) => index.keep(path, record)), onProgress: (done) => onProgress?.(done, files.length) }, out);
    if (written) return { written };
  }
  preferQuickStart(toScan.length);
  const scanned = scanFiles(toScan, locate, cache?.lane);
  // Files whose facts came from the index without their text (workspaceClients.ts reads one if an import goes through it).
  const unread = new Set<string>();
  for (const file of found) {
    onProgress?.(file.index, files.length);
    if (!file.config) {
      if (absolute.includes(file.absolute)) skipped.push({ path: file.path, reason: "excluded by ai-readiness.json" });
      continue;
    }
    const analysed = (await scanned.next()).value as Scanned;
    if (analysed.record) index?.keep(file.absolute, analysed.record);
    if (analysed.unread) unread.add(file.path);
    if ("facts" in analysed) sources.push({ path: file.path, facts: analysed.facts, config: file.config });
    else skipped.push({ path: file.path, reason: analysed.skipped });
    if ("facts" in analysed && analysed.facts.unparsed) skipped.push({ path: file.path, reason: UNPARSED });
  }
  return { root, sources, skipped, unread };
}

async function fromStdin(filename: string, cwd: string, readStdin: () => Promise<string>, configs: Configs, locate: WasmLocator | undefined, cache: RunCache | undefined) {
  const language = languageForPath(filename);
  if (!language) throw new UsageError(`--stdin-filename: \`${filename}\` is not a Python, TypeScript or JavaScript file`);
  const text = await readStdin();
  preferQuickStart(1);
  const path = relative(cwd, resolve(cwd, filename)).split(sep).join("/");
  const config = await configs.forFile(resolve(cwd, filename), cwd);
  const analysed = !config ? { skipped: "excluded by ai-readiness.json" } : text.length > MAX_FILE_CHARS ? { skipped: `too large (${text.length} characters)` } : await analyseCached(text, language, locate, cache?.lane);
  return {
    root: cwd,
    sources: "facts" in analysed && config ? [{ path, facts: analysed.facts, config }] : [],
    skipped: "facts" in analysed ? [] : [{ path, reason: analysed.skipped }],
    unread: new Set<string>(),
  };
}

/**
 * Runs the shared fix loop on every file with findings, writes the files that changed,
 * and replaces their facts with those of the fixed text.
 */
async function applyFixes(sources: Source[], projectFor: (path: string, facts: FileFacts) => ProjectFacts, unsafe: boolean, absolute: (path: string) => string, locate: WasmLocator | undefined) {
  const unwritten: { path: string; reason: string }[] = [];
  for (const source of sources) {
    if (source.facts.callSites.length === 0 && source.facts.stringLiterals.length === 0) continue;
    const result = fixText(source.facts.text, source.facts.language, source.config, projectFor(source.path, source.facts), { unsafe });
    if (result.applied === 0 || result.text === source.facts.text) continue;
    try {
      await fs.writeFile(absolute(source.path), result.text, "utf8");
    } catch (error) {
      // Read-only or gone since it was read: its findings stay as they were.
      unwritten.push({ path: source.path, reason: `fixes could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    const analysed = await analyseSource(result.text, source.facts.language, locate);
    if ("facts" in analysed) source.facts = analysed.facts;
  }
  return unwritten;
}

/** The AI SDK version from the nearest package.json at or above `folder`. */
async function aiSdkMajorNear(folder: string): Promise<number | null> {
  for (let dir = folder; ; dir = dirname(dir)) {
    const manifest = await fs.readFile(join(dir, "package.json"), "utf8").catch(() => null);
    if (manifest !== null) return aiSdkMajorFromPackageJson(manifest);
    if (dirname(dir) === dir) return null;
  }
}

/** 1 when findings reach `--fail-on` or warnings pass `--max-warnings`; 0 otherwise. */
export function exitCodeFor(severities: Record<Severity, number>, args: CheckArgs): number {
  if (args.exitZero) return 0;
  const rank = { info: 0, warning: 1, error: 2 } as const;
  const failing = (Object.keys(rank) as Severity[]).some((s) => severities[s] > 0 && rank[s] >= rank[args.failOn]);
  return failing || (args.maxWarnings !== null && severities.warning > args.maxWarnings) ? 1 : 0;
}
