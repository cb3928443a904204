/**
 * The workspace's results as reports, one per folder, in the CLI's JSON shape: each file's
 * facts (from the project index) linted with the folder's settings. Lint results are kept
 * per facts, project facts and settings, so a change to one file re-lints that file only.
 */
import { pathToFileURL } from "node:url";
import { relative, sep } from "node:path";
import { buildReport, emptyFacts, lintFacts, RULES, scoresOf, type LintConfig, type LintResult, type ProjectFacts, type Report } from "../../rules/src/index";
import { checkLabel } from "../../rules/src/report/labels";
import { summarize } from "../../rules/src/report/scores";
import type { FileRecord, ProjectIndex } from "./projectIndex";
import type { FolderReport, WorkspaceReport, WorkspaceStatus } from "./protocol";

export interface Folder {
  uri: string;
  path: string;
  name: string;
}

/** The engine's config for a file of a folder, or null when it is not checked (turned off, or excluded by its `ai-readiness.json`). */
export type ConfigFor = (folder: Folder, record: FileRecord) => Promise<LintConfig | null>;

export class WorkspaceReports {
  private readonly lints = new WeakMap<object, { project: ProjectFacts; key: string; result: LintResult }>();
  /** Each lint's part of the report (ranges, fingerprints): a report is these parts put together. */
  private readonly parts = new WeakMap<LintResult, { root: string; path: string; part: Report }>();

  constructor(private readonly project: ProjectIndex) {}

  async build(folders: readonly Folder[], enabled: (folder: Folder) => Promise<boolean>, configFor: ConfigFor, status: WorkspaceStatus, ms = 0): Promise<WorkspaceReport> {
    const byFolder = new Map<Folder, FileRecord[]>(folders.map((f) => [f, []]));
    for (const record of this.project.files()) {
      const folder = folderOf(folders, record.path);
      if (folder) byFolder.get(folder)!.push(record);
    }
    const reports: FolderReport[] = [];
    for (const folder of folders) {
      const on = await enabled(folder);
      const records = on ? byFolder.get(folder)!.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) : [];
      reports.push({ name: folder.name, uri: folder.uri, enabled: on, report: await this.folderReport(folder, records, configFor, ms) });
    }
    const summary = summarize(reports.map((r) => r.report));
    return {
      status: { ...status, overall: summary.overall, findings: summary.findings.error + summary.findings.warning + summary.findings.info, callSites: summary.callSites },
      folders: reports,
      summary,
      checks: summary.checks.map((name) => ({ name, label: checkLabel(name) })),
      rules: RULES.map((r) => ({ id: r.id, factor: r.factor, severity: r.severity, summary: r.summary })),
    };
  }

  /** The lint of one file under its folder's settings, reusing the last one when nothing changed. */
  lint(record: FileRecord, config: LintConfig): LintResult {
    const facts = record.facts ?? emptyFacts("", record.language);
    // Files that import project clients see the index at this moment; the others share its facts.
    const project = this.project.factsFor(pathToFileURL(record.path).toString(), facts);
    const key = JSON.stringify(config);
    const cached = record.facts ? this.lints.get(record.facts) : undefined;
    if (cached && cached.project === project && cached.key === key) return cached.result;
    const result = lintFacts(facts, config, project);
    if (record.facts) this.lints.set(record.facts, { project, key, result });
    return result;
  }

  /** As the CLI reports the folder: files its config excludes are left out, unreadable ones listed as skipped. */
  private async folderReport(folder: Folder, records: FileRecord[], configFor: ConfigFor, ms: number): Promise<Report> {
    const report = buildReport(folder.path, [], [], ms);
    let checked = 0;
    for (const record of records) {
      const config = await configFor(folder, record);
      if (!config) continue;
      const path = reportPath(folder, record.path);
      if (record.skipped) {
        report.skipped.push({ path, reason: record.skipped });
        continue;
      }
      checked++;
      // No model-code marker: nothing to find (the engine's own early exit), nothing to add.
      if (!record.facts) continue;
      const part = this.part(folder.path, path, this.lint(record, config));
      report.files.push(...part.files);
      report.callSites.push(...part.callSites);
    }
    // What buildReport would give for all the files at once: the parts are per file, and so are fingerprints.
    report.scores = scoresOf(report.callSites.map((s) => s.checks));
    report.stats = { files: checked, skipped: report.skipped.length, ms: Math.round(ms) };
    return report;
  }

  private part(root: string, path: string, result: LintResult): Report {
    const cached = this.parts.get(result);
    if (cached && cached.root === root && cached.path === path) return cached.part;
    const part = buildReport(root, [{ path, result }], [], 0);
    this.parts.set(result, { root, path, part });
    return part;
  }
}

/** The innermost folder holding `path` (workspace folders may nest). */
export function folderOf<F extends { path: string }>(folders: readonly F[], path: string): F | undefined {
  let best: F | undefined;
  for (const folder of folders) {
    const inside = path === folder.path || path.startsWith(folder.path.endsWith(sep) ? folder.path : folder.path + sep);
    if (inside && (!best || folder.path.length > best.path.length)) best = folder;
  }
  return best;
}

/** Relative to the folder with `/`, as the CLI writes paths in its report. */
export function reportPath(folder: { path: string }, path: string): string {
  return relative(folder.path, path).split(sep).join("/") || path;
}
