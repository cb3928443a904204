/** `ai-readiness check`: find the files, build the project's facts, lint, report. */
import { promises as fs } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import {
  DEFAULT_CONFIG,
  MAX_FILE_CHARS,
  aiSdkMajorFromPackageJson,
  analyzeText,
  buildReport,
  emptyFacts,
  fixText,
  lintFacts,
  mayContainModelCode,
  projectFromFiles,
  type FileFacts,
  type LintedFile,
  type ProjectFacts,
  type Report,
} from "../../rules/src/index";
import { findSourceFiles } from "../../rules/src/project/walk";
import { UsageError, type CheckArgs } from "./args";

/** Bytes looked at for a NUL, the sign of a binary file. */
const BINARY_PROBE = 8000;

export async function check(args: CheckArgs, cwd: string): Promise<Report> {
  const started = performance.now();
  const paths = args.paths.map((p) => resolve(cwd, p));
  for (const path of paths) {
    if (!(await fs.stat(path).catch(() => null))) throw new UsageError(`no such file or folder: ${path}`);
  }
  const root = paths.length === 1 && (await fs.stat(paths[0]))?.isDirectory() ? paths[0] : cwd;
  const toReportPath = (path: string) => relative(root, path).split(sep).join("/") || path;
  const files = await findSourceFiles(paths, fs, join);
  const analyzed: { path: string; facts: FileFacts }[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const file of files) {
    const outcome = await readSource(file.path);
    if (typeof outcome !== "string") {
      skipped.push({ path: toReportPath(file.path), reason: outcome.skipped });
      continue;
    }
    try {
      const facts = mayContainModelCode(outcome) ? analyzeText(outcome, file.language) : emptyFacts(outcome, file.language);
      analyzed.push({ path: toReportPath(file.path), facts });
    } catch (error) {
      skipped.push({ path: toReportPath(file.path), reason: `could not be analysed (${error instanceof Error ? error.message : String(error)})` });
    }
  }
  const project = projectFromFiles(analyzed, await aiSdkMajorNear(root));
  if (args.fix) await applySafeFixes(analyzed, project, (path) => resolve(root, path));
  const linted: LintedFile[] = analyzed.map(({ path, facts }) => ({ path, result: lintFacts(facts, DEFAULT_CONFIG, project) }));
  return buildReport(root, linted, skipped, performance.now() - started);
}

/**
 * Runs the shared fix loop (safe fixes only) on every file with findings, writes the
 * files that changed, and replaces their facts with those of the fixed text.
 */
async function applySafeFixes(analyzed: { path: string; facts: FileFacts }[], project: ProjectFacts, absolute: (path: string) => string): Promise<void> {
  for (const entry of analyzed) {
    if (entry.facts.callSites.length === 0 && entry.facts.stringLiterals.length === 0) continue;
    const result = fixText(entry.facts.text, entry.facts.language, DEFAULT_CONFIG, project, { unsafe: false });
    if (result.applied === 0 || result.text === entry.facts.text) continue;
    await fs.writeFile(absolute(entry.path), result.text, "utf8");
    entry.facts = analyzeText(result.text, entry.facts.language);
  }
}

/** The file's text, or why it was skipped (too large, binary, unreadable). */
async function readSource(path: string): Promise<string | { skipped: string }> {
  try {
    const stat = await fs.stat(path);
    // UTF-8 takes at least one byte per UTF-16 unit; more bytes than 3 units each is surely too long.
    if (stat.size > MAX_FILE_CHARS * 3) return { skipped: `too large (${(stat.size / 1e6).toFixed(1)} MB)` };
    const bytes = await fs.readFile(path);
    if (bytes.subarray(0, BINARY_PROBE).includes(0)) return { skipped: "binary content" };
    const text = bytes.toString("utf8");
    if (text.length > MAX_FILE_CHARS) return { skipped: `too large (${text.length} characters, the limit is ${MAX_FILE_CHARS})` };
    return text;
  } catch (error) {
    return { skipped: `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
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
