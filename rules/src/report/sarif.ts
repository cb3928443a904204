/**
 * SARIF 2.1.0, the format GitHub code scanning reads: a rendering of the JSON report.
 * Rules carry their docs as help; results carry stable fingerprints and their fixes.
 */
import { RULES } from "../rules/registry";
import { docsUrl, type Rule } from "../rule";
import type { Severity } from "../types";
import { TOOL, type Report, type ReportEnd, type ReportFinding, type ReportPart, type ReportWriter, type WriteText } from "./json";
import { PrettyJsonSkeleton, SLOT, type PrettyJsonArray } from "./prettyJson";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** GitHub ranks security results by this score (0–10): high for leaked keys, medium for unchecked output. */
const SECURITY_SEVERITY: Record<string, string> = { "hardcoded-api-key": "8.5", "unvalidated-model-json": "5.0" };

export interface SarifOptions {
  /** A rule's docs.md, when the host can read it. */
  docs(ruleId: string): string | undefined;
}

const RULE_INDEX = new Map(RULES.map((rule, index) => [rule.id, index]));

export function renderSarif(report: Report, options: SarifOptions): object {
  const results = report.files.flatMap((file) => file.findings.map((finding) => sarifResult(file.path, finding, RULE_INDEX.get(finding.rule) ?? -1)));
  return sarifLog(report, results, report.skipped, options);
}

/**
 * The SARIF log written a file's results at a time: the text of
 * `JSON.stringify(renderSarif(report), null, 2)` and a line break.
 */
export class SarifReportWriter implements ReportWriter {
  private root = "";
  private results: PrettyJsonArray | undefined;

  constructor(
    private readonly write: WriteText,
    private readonly options: SarifOptions,
  ) {}

  async begin(root: string): Promise<void> {
    this.root = root;
    const skeleton = new PrettyJsonSkeleton(sarifLog({ root }, [SLOT], [], this.options));
    this.results = skeleton.array(0);
    await this.write(skeleton.pieces[0]!);
  }

  async file(part: ReportPart): Promise<void> {
    const file = part.file;
    if (!file) return;
    await this.write(file.findings.map((finding) => this.results!.element(sarifResult(file.path, finding, RULE_INDEX.get(finding.rule) ?? -1))).join(""));
  }

  async end(rest: ReportEnd): Promise<void> {
    const skeleton = new PrettyJsonSkeleton(sarifLog({ root: this.root }, [SLOT], rest.skipped, this.options));
    await this.write(`${this.results!.close()}${skeleton.pieces[1]!}\n`);
  }
}

function sarifLog(report: Pick<Report, "root">, results: unknown[], skipped: Report["skipped"], options: SarifOptions): object {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: TOOL.name,
            version: TOOL.version,
            informationUri: "https://github.com/ai-readiness/ai-readiness",
            rules: RULES.map((rule) => sarifRule(rule, options.docs(rule.id))),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: directoryUri(report.root) } },
        results,
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: skipped.map((s) => ({
              level: "note",
              message: { text: `Skipped: ${s.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: s.path, uriBaseId: "SRCROOT" } } }],
            })),
          },
        ],
      },
    ],
  };
}

function sarifRule(rule: Rule, docs: string | undefined) {
  // GitHub reads the `security` tag (here the factor itself) to list a rule under code scanning's security results.
  const tags = [rule.factor, ...(rule.owasp ? [`OWASP-${rule.owasp}`] : []), ...(rule.cwe ? [rule.cwe] : [])];
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.summary },
    fullDescription: { text: whatItDoes(docs) ?? rule.summary },
    help: { text: docs ?? rule.summary, markdown: docs ?? rule.summary },
    helpUri: docsUrl(rule.id),
    defaultConfiguration: { level: rule.tier === "recommended" ? LEVEL[rule.severity] : "none" },
    properties: {
      tags,
      precision: "high",
      ...(SECURITY_SEVERITY[rule.id] ? { "security-severity": SECURITY_SEVERITY[rule.id] } : {}),
    },
  };
}

/** The first paragraph under "What it does", as plain text. */
function whatItDoes(docs: string | undefined): string | undefined {
  const section = docs ? /## What it does\s+([\s\S]*?)(\n\n|\n##)/.exec(docs) : null;
  return section?.[1].replace(/\s+/g, " ").trim();
}

function sarifResult(path: string, finding: ReportFinding, ruleIndex: number) {
  const location = (p: string, range: ReportFinding["range"]) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(p), uriBaseId: "SRCROOT" },
      region: { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column },
    },
  });
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(path, finding.range)],
    ...(finding.related.length > 0
      ? { relatedLocations: finding.related.map((r, id) => ({ id, ...location(r.path, r.range), message: { text: r.message } })) }
      : {}),
    partialFingerprints: { "aiReadiness/v1": finding.fingerprint },
    ...(finding.fix
      ? {
          fixes: [
            {
              description: { text: `${finding.fix.title} (${finding.fix.safety})` },
              artifactChanges: [
                {
                  artifactLocation: { uri: encodeURI(path), uriBaseId: "SRCROOT" },
                  replacements: finding.fix.edits.map((e) => ({
                    deletedRegion: { startLine: e.range.start.line, startColumn: e.range.start.column, endLine: e.range.end.line, endColumn: e.range.end.column },
                    insertedContent: { text: e.text },
                  })),
                },
              ],
            },
          ],
        }
      : {}),
    properties: { factor: finding.factor },
  };
}

/** `file:///abs/root/` for the report's root, with the trailing slash SARIF asks for. */
function directoryUri(root: string): string {
  const posix = root.replace(/\\/g, "/");
  const absolute = posix.startsWith("/") ? posix : `/${posix}`;
  return `file://${encodeURI(absolute.endsWith("/") ? absolute : `${absolute}/`)}`;
}
