/** Names shared by the server and the extension (the client imports types and constants only). */

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
