/**
 * The server's state: open documents (text plus syntax tree) and settings per resource.
 * Settings are pulled from the client per document and cached until they change.
 */
import type { Connection, TextDocumentContentChangeEvent } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { languageForLanguageId, sanitizeConfig, RULES, SourceDocument, type LanguageId, type LintConfig } from "../../rules/src/index";
import { DEFAULT_SETTINGS, SERVER_ID, type Settings } from "./protocol";

export interface OpenDocument {
  text: TextDocument;
  source: SourceDocument;
  language: LanguageId;
}

export class Session {
  readonly documents = new Map<string, OpenDocument>();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  /** Set at initialize: the client answers `workspace/configuration`. */
  pullsConfiguration = false;
  /** Settings pushed by `didChangeConfiguration` when the client cannot be asked. */
  pushedSettings: Settings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection) {}

  open(uri: string, languageId: string, version: number, content: string): OpenDocument | undefined {
    const language = languageForLanguageId(languageId);
    this.close(uri);
    if (!language) return undefined;
    const document = { text: TextDocument.create(uri, languageId, version, content), source: new SourceDocument(language, content), language };
    this.documents.set(uri, document);
    return document;
  }

  /** Applies incremental changes to the text and to the syntax tree, change by change. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    for (const change of changes) {
      if ("range" in change) {
        const start = document.text.offsetAt(change.range.start);
        const end = document.text.offsetAt(change.range.end);
        document.source.update([{ start, end, text: change.text }]);
      } else {
        document.source.replace(change.text);
      }
      document.text = TextDocument.update(document.text, [change], version);
    }
    return document;
  }

  close(uri: string): void {
    this.documents.get(uri)?.source.dispose();
    this.documents.delete(uri);
  }

  settingsFor(uri: string): Promise<Settings> {
    if (!this.pullsConfiguration) return Promise.resolve(this.pushedSettings);
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SERVER_ID })
        .then((value: unknown) => normalizeSettings(value))
        .catch(() => DEFAULT_SETTINGS);
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  clearSettings(pushed?: unknown): void {
    this.settingsCache.clear();
    if (pushed !== undefined) this.pushedSettings = normalizeSettings(pushed);
  }
}

/** Whatever the client sent, as complete settings; wrong types fall back to defaults. */
export function normalizeSettings(value: unknown): Settings {
  const raw = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const fix = (raw.fix && typeof raw.fix === "object" ? raw.fix : {}) as Record<string, unknown>;
  const number = (v: unknown, fallback: number) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : fallback);
  return {
    enable: typeof raw.enable === "boolean" ? raw.enable : DEFAULT_SETTINGS.enable,
    rules: raw.rules && typeof raw.rules === "object" ? (raw.rules as Record<string, string>) : {},
    unsafeFixes: raw.unsafeFixes === true,
    fix: {
      timeoutSeconds: number(fix.timeoutSeconds, DEFAULT_SETTINGS.fix.timeoutSeconds),
      maxOutputTokens: number(fix.maxOutputTokens, DEFAULT_SETTINGS.fix.maxOutputTokens),
    },
  };
}

/** The engine's configuration from the user's settings (unknown rule ids and bad severities dropped). */
export function lintConfigOf(settings: Settings): LintConfig {
  return sanitizeConfig({ rules: settings.rules, fix: settings.fix }, RULES.map((r) => r.id)).config;
}
