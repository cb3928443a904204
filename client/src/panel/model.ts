/**
 * What the readiness panel shows, as plain data: the findings tree in three groupings, the
 * model-call inventory, and the overview's rows. No `vscode` here, so it is tested in plain
 * Node; the views only turn these nodes into tree items and HTML.
 */
import type { FolderReport, WorkspaceReport } from "../../../server/src/protocol";

type Report = FolderReport["report"];
export type ReportFinding = Report["files"][number]["findings"][number];
export type ReportCallSite = Report["callSites"][number];
type Severity = ReportFinding["severity"];
type Verdict = ReportCallSite["checks"][keyof ReportCallSite["checks"]];

export type Grouping = "factor" | "file" | "severity";
export const GROUPINGS: readonly Grouping[] = ["factor", "file", "severity"];

/** Where a finding or call is: its folder, its path in the report, and the file's URI. */
export interface Location {
  folder: string;
  path: string;
  /** The path as shown: with the folder's name first when the workspace has several folders. */
  shown: string;
  uri: string;
}

export interface GroupNode {
  kind: "group";
  id: string;
  level: "factor" | "rule" | "file" | "severity";
  key: string;
  label: string;
  description: string;
  tooltip: string;
  count: number;
  children: PanelNode[];
  /** For file groups: the file. */
  location?: Location;
}

export interface FindingNode {
  kind: "finding";
  id: string;
  finding: ReportFinding;
  location: Location;
  label: string;
  description: string;
  tooltip: string;
}

export type PanelNode = GroupNode | FindingNode;

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const SEVERITY_WORDS: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };

/** The file's URI from its folder's URI and its report path. */
export function fileUri(folderUri: string, path: string): string {
  return `${folderUri.replace(/\/+$/, "")}/${path.split("/").map(encodeURIComponent).join("/")}`;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

export function percent(score: number | null): string {
  return score === null ? "–" : `${Math.round(score * 100)}%`;
}

/** Every finding of the workspace with where it is. */
export function allFindings(workspace: WorkspaceReport): { finding: ReportFinding; location: Location }[] {
  const several = workspace.folders.length > 1;
  return workspace.folders.flatMap((folder) =>
    folder.report.files.flatMap((file) => {
      const location = { folder: folder.name, path: file.path, shown: several ? `${folder.name}/${file.path}` : file.path, uri: fileUri(folder.uri, file.path) };
      return file.findings.map((finding) => ({ finding, location }));
    }),
  );
}

/**
 * The findings tree: factor → rule → file → finding, file → finding, or severity → rule →
 * file → finding. Groups carry their counts; findings sit in line order.
 */
export function groupFindings(workspace: WorkspaceReport, grouping: Grouping): GroupNode[] {
  const findings = allFindings(workspace);
  const summaries = new Map(workspace.rules.map((r) => [r.id, r.summary]));
  const byRule = (items: typeof findings, parent: string): GroupNode[] =>
    groupBy(items, (x) => x.finding.rule)
      .map(([rule, list]) => group(`${parent}/rule:${rule}`, "rule", rule, rule, summaries.get(rule) ?? list[0].finding.message, byFile(list, `${parent}/rule:${rule}`)))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const byFile = (items: typeof findings, parent: string): GroupNode[] =>
    groupBy(items, (x) => x.location.uri)
      .map(([uri, list]) => {
        const location = list[0].location;
        const node = group(`${parent}/file:${uri}`, "file", uri, location.shown, location.shown, findingNodes(list, `${parent}/file:${uri}`, grouping === "file"));
        node.location = location;
        return node;
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  if (grouping === "file") return byFile(findings, "");
  if (grouping === "severity") {
    return SEVERITIES.map((severity) => ({ severity, list: findings.filter((x) => x.finding.severity === severity) }))
      .filter(({ list }) => list.length > 0)
      .map(({ severity, list }) => group(`severity:${severity}`, "severity", severity, SEVERITY_WORDS[severity], SEVERITY_WORDS[severity], byRule(list, `severity:${severity}`)));
  }
  const order = workspace.summary.factors.map((f) => f.factor as string);
  return groupBy(findings, (x) => x.finding.factor)
    .sort(([a], [b]) => rank(order, a) - rank(order, b))
    .map(([factor, list]) => {
      const score = workspace.summary.factors.find((f) => f.factor === factor)?.score ?? null;
      const node = group(`factor:${factor}`, "factor", factor, capitalize(factor), `${capitalize(factor)}: readiness ${percent(score)}`, byRule(list, `factor:${factor}`));
      node.description = `${node.description} · ${percent(score)}`;
      return node;
    });
}

function findingNodes(items: { finding: ReportFinding; location: Location }[], parent: string, withRule: boolean): FindingNode[] {
  return [...items]
    .sort((a, b) => a.finding.range.start.line - b.finding.range.start.line || a.finding.range.start.column - b.finding.range.start.column || a.finding.rule.localeCompare(b.finding.rule))
    .map(({ finding, location }) => ({
      kind: "finding",
      id: `${parent}/${finding.fingerprint}`,
      finding,
      location,
      label: finding.message.replace(/`/g, ""),
      description: `${withRule ? `${finding.rule} · ` : ""}${finding.range.start.line}:${finding.range.start.column}`,
      tooltip: `${finding.severity} ${finding.rule} (${finding.factor})\n${finding.message}${finding.fix ? `\nFix: ${finding.fix.title} (${finding.fix.safety})` : ""}`,
    }));
}

function group(id: string, level: GroupNode["level"], key: string, label: string, tooltip: string, children: PanelNode[]): GroupNode {
  const count = children.reduce((n, c) => n + (c.kind === "finding" ? 1 : c.count), 0);
  return { kind: "group", id, level, key, label, description: plural(count, "finding"), tooltip, count, children };
}

function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    map.set(k, [...(map.get(k) ?? []), item]);
  }
  return [...map.entries()];
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

// ---- The model-call inventory ----

export interface CheckMark {
  name: string;
  label: string;
  verdict: Verdict;
}

export interface CallRow {
  id: string;
  location: Location;
  site: ReportCallSite;
  label: string;
  description: string;
  tooltip: string;
  /** `ready` when no check fails, `failing` when one does. */
  state: "ready" | "failing";
  marks: CheckMark[];
}

const MARK: Record<Verdict, string> = { pass: "✓", fail: "✗", unknown: "?" };

/** Every model call site, by folder, path and line, with a mark per check the engine has. */
export function callRows(workspace: WorkspaceReport): CallRow[] {
  const several = workspace.folders.length > 1;
  return workspace.folders.flatMap((folder) =>
    [...folder.report.callSites]
      .sort((a, b) => a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column)
      .map((site) => {
        const location = { folder: folder.name, path: site.path, shown: several ? `${folder.name}/${site.path}` : site.path, uri: fileUri(folder.uri, site.path) };
        const marks = workspace.checks.map(({ name, label }) => ({ name, label, verdict: (site.checks as unknown as Record<string, Verdict>)[name] ?? "unknown" }));
        const failing = marks.filter((m) => m.verdict === "fail").map((m) => m.label);
        const where = `${location.shown}:${site.range.start.line}`;
        return {
          id: `${folder.uri}#${site.path}:${site.range.start.line}:${site.range.start.column}`,
          location,
          site,
          label: site.api,
          description: `${site.provider} · ${site.model ?? "model not a literal"} · ${where}${failing.length ? ` — fails: ${failing.join(", ")}` : " — production-ready"}`,
          tooltip: [`${site.provider} ${site.api} (${site.model ?? "model not a literal"}) at ${where}`, ...marks.map((m) => `${MARK[m.verdict]} ${m.label}: ${m.verdict}`)].join("\n"),
          state: failing.length ? "failing" : "ready",
          marks,
        } satisfies CallRow;
      }),
  );
}

export function markLine(marks: CheckMark[]): string {
  return marks.map((m) => `${MARK[m.verdict]} ${m.label}`).join("  ");
}

// ---- The overview ----

export interface OverviewModel {
  state: WorkspaceReport["status"]["state"];
  overall: string;
  headline: string;
  factors: { factor: string; label: string; percent: string; width: number; scored: boolean; detail: string }[];
  problems: { rule: string; severity: Severity; label: string; detail: string }[];
  /** Set when there is nothing to score: why. */
  empty: string | null;
}

export function overviewModel(workspace: WorkspaceReport): OverviewModel {
  const { summary, status } = workspace;
  const total = summary.findings.error + summary.findings.warning + summary.findings.info;
  const scanning = status.state === "scanning" ? ` · scanning ${status.scanned} of ${status.total} files` : status.state === "cancelled" ? " · scan cancelled part-way" : "";
  return {
    state: status.state,
    overall: percent(summary.overall),
    headline: `${plural(total, "finding")} in ${plural(summary.filesWithFindings, "file")} · ${plural(summary.callSites, "model call")}, ${summary.readyCallSites} production-ready · ${plural(summary.files, "file")} checked${scanning}`,
    factors: summary.factors.map((f) => ({
      factor: f.factor,
      label: capitalize(f.factor),
      percent: percent(f.score),
      width: f.score === null ? 0 : Math.round(f.score * 100),
      scored: f.score !== null,
      detail: `${f.counted ? `${f.passed} of ${plural(f.counted, "call")} pass` : "no call to score"} · ${plural(f.findings, "finding")}`,
    })),
    problems: summary.topProblems.map((p) => ({ rule: p.rule, severity: p.severity, label: p.summary, detail: `${plural(p.count, "finding")} in ${plural(p.files, "file")}` })),
    empty:
      status.state === "notStarted"
        ? "The workspace has not been scanned yet."
        : summary.callSites === 0 && total === 0
          ? status.state === "scanning"
            ? "Scanning the workspace…"
            : "No AI code found yet: no model call from a known SDK in the scanned files."
          : null,
  };
}

