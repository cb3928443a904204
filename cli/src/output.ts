/** The report in the format asked for. */
import { promises as fs } from "node:fs";
import { resolve } from "node:path";
import { renderText, RULES, type Report } from "../../rules/src/index";
import { renderGithub } from "../../rules/src/report/github";
import { renderSarif } from "../../rules/src/report/sarif";
import type { Format } from "./args";

export interface RenderOptions {
  /** Colors in the text format; see `colorEnabled`. */
  color?: boolean;
  /** The text read from stdin (`--stdin-filename`): the source of the report's one file. */
  stdinText?: string;
}

export async function render(report: Report, format: Format, docsPath: (id: string) => string, options: RenderOptions = {}): Promise<string> {
  switch (format) {
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
    case "github":
      return renderGithub(report);
    case "sarif": {
      const docs = new Map<string, string>();
      for (const rule of RULES) {
        const text = await fs.readFile(docsPath(rule.id), "utf8").catch(() => undefined);
        if (text !== undefined) docs.set(rule.id, text);
      }
      return `${JSON.stringify(renderSarif(report, { docs: (id) => docs.get(id) }), null, 2)}\n`;
    }
    case "text": {
      const sources = await sourcesOf(report, options.stdinText);
      return renderText(report, { color: options.color ?? false, source: (path) => sources.get(path) });
    }
  }
}

/** The text of each file with findings, for code frames (after `--fix`, the fixed text on disk). */
async function sourcesOf(report: Report, stdinText: string | undefined): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const file of report.files) {
    const text = stdinText ?? (await fs.readFile(resolve(report.root, file.path), "utf8").catch(() => undefined));
    if (text !== undefined) sources.set(file.path, text);
  }
  return sources;
}

/**
 * Colors when the stream is a terminal that has them (not `TERM=dumb`), unless NO_COLOR is
 * set (no-color.org); FORCE_COLOR turns them on anywhere (`0` or `false` turns them off),
 * as in Node itself.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR || env.TERM === "dumb") return false;
  return stream.isTTY === true;
}
