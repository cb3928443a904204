/** Names shared by the server and the extension (the client imports types and constants only). */
// Types only from the engine: the client bundles none of it.
import type { Report } from "../../rules/src/report/json";
import type { ReadinessSummary } from "../../rules/src/report/scores";
import type { Factor, Severity } from "../../rules/src/types";

export const SERVER_ID = "aiReadiness";
export const SOURCE = "ai-readiness";

export const FIX_ALL_KIND = "source.fixAll.aiReadiness";

export const Commands = {
  showDocs: "aiReadiness.showDocs",
} as const;

/** Settings under `aiReadiness.*`, as the server reads them per resource. */
export interface Settings {
  enable: boolean;
  rules: Record<string, string>;
  unsafeFixes: boolean;
  fix: { timeoutSeconds: number; maxOutputTokens: number };
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  rules: {},
  unsafeFixes: false,
  fix: { timeoutSeconds: 30, maxOutputTokens: 1024 },
};

/** What every diagnostic carries in `data`, so code actions never lint again. */
export interface DiagnosticData {
  rule: string;
  fix: { title: string; safety: "safe" | "unsafe"; edits: { range: LspRange; newText: string }[] } | null;
}

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

// ---- The workspace: what the readiness panel, the status bar and the export read ----

export type { Report, ReadinessSummary };

/** Custom methods between the extension and the server. */
export const WorkspaceMethods = {
  /** Notification, server → client: the workspace's results changed; carries `WorkspaceStatus`. */
  changed: "aiReadiness/workspaceChanged",
  /** Request, client → server: the whole `WorkspaceReport`. */
  report: "aiReadiness/workspaceReport",
  /** Request, client → server: scan every folder again now (a scan under way is cancelled first). */
  scan: "aiReadiness/scanWorkspace",
  /** Request, client → server: the edits of a finding's fix, or of ignoring it on its line. */
  findingEdits: "aiReadiness/findingEdits",
  /** Request, client → server: the workspace report as Markdown, HTML or SARIF text. */
  export: "aiReadiness/exportReport",
} as const;

/** `notStarted` before the first scan, `scanning` during one, `cancelled` when stopped part-way, `ready` after. */
export type ScanState = "notStarted" | "scanning" | "cancelled" | "ready";

export interface WorkspaceStatus {
  state: ScanState;
  /** Goes up with every change of the results: a client asks for the report when it moved. */
  generation: number;
  /** Files read by the scan under way or the last one, of `total`. */
  scanned: number;
  total: number;
  overall: number | null;
  findings: number;
  callSites: number;
}

export interface FolderReport {
  name: string;
  uri: string;
  /** False when `aiReadiness.enable` is off for the folder: its report is empty. */
  enabled: boolean;
  report: Report;
}

export interface RuleInfo {
  id: string;
  factor: Factor;
  severity: Severity;
  summary: string;
}

export interface WorkspaceReport {
  status: WorkspaceStatus;
  folders: FolderReport[];
  summary: ReadinessSummary;
  /** The checks every call site carries, with words for people, in the engine's order. */
  checks: { name: string; label: string }[];
  /** The engine's rules: factor and summary for each id the findings name. */
  rules: RuleInfo[];
}

export interface FindingEditsParams {
  /** The file's URI (`file:`). */
  uri: string;
  /** The finding's `fingerprint` in the report. */
  fingerprint: string;
  action: "fix" | "ignore";
}

/** The edits, or why there are none (the finding is gone, or has no fix). */
export type FindingEditsResult = { edits: { range: LspRange; newText: string }[] } | { error: string };

export type ExportFormat = "markdown" | "html" | "sarif";

export interface ExportParams {
  format: ExportFormat;
}

export interface ExportResult {
  content: string;
}
