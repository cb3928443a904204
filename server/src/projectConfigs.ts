/**
 * `ai-readiness.json` in the editor: the nearest one above a document decides its rules and
 * which files are checked; the editor's `aiReadiness.rules` go on top (a person's choice over
 * the project's). A config's problems are diagnostics in the config file itself, and linting
 * goes on with what was valid.
 */
import { promises as fs } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, type Connection, type Diagnostic } from "vscode-languageserver";
import { LineIndex, type LintConfig } from "../../rules/src/index";
import { CONFIG_FILE_NAME, coversPath, parseProjectConfig, type ConfigProblem } from "../../rules/src/config/configFile";
import { ConfigLocator, type LocatedConfig } from "../../rules/src/project/configLocator";
import { isTestPath } from "../../rules/src/project/testFiles";
import { RULES } from "../../rules/src/index";
import { SOURCE, type Settings } from "./protocol";
import { pathOf } from "./projectIndex";
import { lintConfigOf } from "./session";

const PROJECT_MARKERS = [".git", "package.json", "pyproject.toml", "setup.py", "requirements.txt"];

const read = (path: string) => fs.readFile(path, "utf8").catch(() => null);

export class ProjectConfigs {
  private locator = new ConfigLocator(read, { join, dirname });
  private readonly roots = new Map<string, Promise<string | null>>();
  /** Config files whose problems are on screen, by path. */
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  static isConfigFile(uri: string): boolean {
    return uri.endsWith(`/${CONFIG_FILE_NAME}`);
  }

  /** The engine's config for a document, or null when its config file excludes it. */
  async lintConfigFor(uri: string, settings: Settings): Promise<LintConfig | null> {
    const editor = lintConfigOf(settings);
    const path = pathOf(uri);
    const located = path ? await this.locator.forFile(path) : null;
    const testFile = path ? isTestPath(relative(located?.folder ?? (await this.projectRoot(dirname(path))) ?? dirname(path), path).split(sep).join("/")) : false;
    if (!located || !path) return { ...editor, testFile };
    this.report(located);
    const { config } = located;
    if (!coversPath(config, relative(located.folder, path).split(sep).join("/"))) return null;
    return {
      ...config.lint,
      rules: { ...config.lint.rules, ...editor.rules },
      fix: config.setsFix ? config.lint.fix : editor.fix,
      testFile,
    };
  }

  /** The nearest folder with a project marker: test folders are named relative to it. */
  private projectRoot(folder: string): Promise<string | null> {
    let found = this.roots.get(folder);
    if (!found) {
      found = (async () => {
        for (const marker of PROJECT_MARKERS) if (await fs.stat(join(folder, marker)).catch(() => null)) return folder;
        const parent = dirname(folder);
        return parent === folder ? null : this.projectRoot(parent);
      })();
      this.roots.set(folder, found);
    }
    return found;
  }

  /** A config file was created, changed or deleted: forget every answer, show its problems now. */
  async changed(uri: string): Promise<void> {
    this.locator.forget();
    const path = pathOf(uri);
    if (!path) return;
    const text = await read(path);
    this.publish(path, text === null ? [] : parseProjectConfig(text, RULES).problems, text ?? "");
  }

  private report(located: LocatedConfig): void {
    if (located.config.problems.length === 0 || this.reported.has(located.path)) return;
    void read(located.path).then((text) => this.publish(located.path, located.config.problems, text ?? ""));
  }

  private publish(path: string, problems: ConfigProblem[], text: string): void {
    if (problems.length === 0 && !this.reported.has(path)) return;
    if (problems.length > 0) this.reported.add(path);
    else this.reported.delete(path);
    const lines = new LineIndex(text);
    const diagnostics: Diagnostic[] = problems.map((problem) => ({
      range: { start: lines.position(problem.span.start), end: lines.position(Math.max(problem.span.end, problem.span.start)) },
      severity: problem.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: SOURCE,
      message: problem.message,
    }));
    void this.connection.sendDiagnostics({ uri: pathToFileURL(path).toString(), diagnostics });
  }
}
