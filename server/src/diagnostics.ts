/**
 * Lints open documents and publishes their diagnostics. Changes are debounced per
 * document; a newer edit cancels a pending run, and a result for an outdated version is
 * dropped. Nothing here ever throws into the connection: a failure is logged and skipped.
 */
import type { Connection } from "vscode-languageserver";
import { emptyFacts, lintDocument, MAX_FILE_CHARS, ParserFailed, type LintResult } from "../../rules/src/index";
import { toDiagnostic } from "./convert";
import type { ProjectIndex } from "./projectIndex";
import type { ProjectConfigs } from "./projectConfigs";
import type { Session } from "./session";

export class DiagnosticsScheduler {
  /** Each document's pending lint: a timer, or an immediate when there is no delay. */
  private readonly timers = new Map<string, { cancel(): void }>();
  /** The last lint of each document, with the version it was for. */
  private readonly results = new Map<string, { version: number; result: LintResult }>();
  private readonly warnedSkipped = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
    private readonly project: ProjectIndex,
    private readonly configs: ProjectConfigs,
    private readonly engineReady: Promise<void>,
    private readonly debounceMs: number,
    private readonly onParserFailed: () => void,
  ) {}

  schedule(uri: string, delay = this.debounceMs): void {
    this.timers.get(uri)?.cancel();
    const run = () => {
      this.timers.delete(uri);
      void this.run(uri);
    };
    // A zero-delay timer still waits a millisecond in Node; an immediate runs after pending I/O.
    if (delay > 0) {
      const timer = setTimeout(run, delay);
      this.timers.set(uri, { cancel: () => clearTimeout(timer) });
    } else {
      const immediate = setImmediate(run);
      this.timers.set(uri, { cancel: () => clearImmediate(immediate) });
    }
  }

  scheduleAll(): void {
    for (const uri of this.session.documents.keys()) this.schedule(uri, 0);
  }

  forget(uri: string): void {
    this.timers.get(uri)?.cancel();
    this.timers.delete(uri);
    this.results.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The lint of the document's current version, running it now if needed. */
  async current(uri: string): Promise<LintResult | undefined> {
    const document = this.session.documents.get(uri);
    if (!document) return undefined;
    const cached = this.results.get(uri);
    if (cached && cached.version === document.text.version) return cached.result;
    return this.lint(uri);
  }

  private async run(uri: string): Promise<void> {
    const result = await this.lint(uri);
    const document = this.session.documents.get(uri);
    if (!document || !result) return;
    await this.connection.sendDiagnostics({ uri, version: document.text.version, diagnostics: result.findings.map((f) => toDiagnostic(document.text, f)) });
  }

  private async lint(uri: string): Promise<LintResult | undefined> {
    try {
      await this.engineReady;
      const document = this.session.documents.get(uri);
      if (!document) return undefined;
      const version = document.text.version;
      const settings = await this.session.settingsFor(uri);
      const config = settings.enable ? await this.configs.lintConfigFor(uri, settings) : null;
      const now = this.session.documents.get(uri);
      if (!now || now.text.version !== version) return undefined; // a newer edit will lint
      const text = now.text.getText();
      if (!config || text.length > MAX_FILE_CHARS) {
        if (config && !this.warnedSkipped.has(uri)) {
          this.warnedSkipped.add(uri);
          this.connection.console.info(`Skipped ${uri}: ${text.length} characters is more than the ${MAX_FILE_CHARS} the checker reads`);
        }
        const empty: LintResult = { facts: emptyFacts(text, now.language), checks: [], findings: [] };
        this.results.set(uri, { version, result: empty });
        return empty;
      }
      const result = lintDocument(now.source, config, (facts) => this.project.factsFor(uri, facts));
      if (result.skipped && !this.warnedSkipped.has(uri)) {
        this.warnedSkipped.add(uri);
        this.connection.console.info(`Skipped ${uri}: ${result.skipped}`);
      }
      this.results.set(uri, { version, result });
      if (this.project.documentAnalyzed(uri, result.facts)) {
        for (const other of this.session.documents.keys()) if (other !== uri) this.schedule(other, 0);
      }
      return result;
    } catch (error) {
      this.connection.console.error(`AI Readiness could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (error instanceof ParserFailed) this.onParserFailed();
      return undefined;
    }
  }
}

