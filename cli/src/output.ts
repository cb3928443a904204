/** The report in the format asked for. */
import { promises as fs } from "node:fs";
import { renderText, RULES, type Report } from "../../rules/src/index";
import { renderGithub } from "../../rules/src/report/github";
import { renderSarif } from "../../rules/src/report/sarif";
import type { Format } from "./args";

export async function render(report: Report, format: Format, docsPath: (id: string) => string): Promise<string> {
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
    case "text":
      return renderText(report, { color: process.stdout.isTTY === true && !process.env.NO_COLOR });
  }
}
