/** The `ai-readiness` command: parse, run, print, exit (0 clean, 1 findings, 2 usage or internal error). */
import { join } from "node:path";
import { TOOL } from "../../rules/src/report/json";
import { parsersStarted } from "../../rules/src/parse/parser";
import { parseArgs, USAGE, UsageError, type Args } from "./args";
import { checkInto, exitCodeFor } from "./check";
import { explain, listRules } from "./explain";
import { init } from "./init";
import { colorEnabled, reportWriter, StreamText } from "./output";
import { progressFor } from "./progress";
import { renderConfigProblems } from "./configProblems";
import { restoreV8Flags } from "./scanFile";

/** The command this run parsed; undefined after a usage error. */
let ran: Args["command"] | undefined;

/**
 * For the code cache made at exit (bin.ts, codeCache.ts): puts back the V8 flags a small scan
 * changed, and says whether this run went through the CLI's main work. A check that parsed
 * nothing (no model code in its files), help and usage errors run a small part of the bundle:
 * their cache is kept only until a run that does more replaces it.
 */
export function prepareCodeCache(): "whole" | "partial" {
  restoreV8Flags();
  return parsersStarted() || (ran !== undefined && ran !== "check" && ran !== "help") ? "whole" : "partial";
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  ran = args.command;
  switch (args.command) {
    case "help":
      process.stdout.write(USAGE);
      return 0;
    case "version":
      process.stdout.write(`${TOOL.version}\n`);
      return 0;
    case "explain":
      process.stdout.write(await explain(args.rule, docsPath));
      return 0;
    case "rules":
      process.stdout.write(listRules(args.format));
      return 0;
    case "init":
      process.stdout.write(`wrote ${await init(process.cwd())}\n`);
      return 0;
    case "check": {
      // The engine loads each grammar when a file of its language first needs parsing.
      const locate = (file: string) => join(__dirname, file);
      let stdinText: string | undefined;
      const progress = args.quiet ? null : progressFor(process.stderr);
      // The report is written as files are linted; the progress line goes first.
      const stdout = new StreamText(process.stdout, () => progress?.end());
      const writer = await reportWriter(args.format, stdout.write, docsPath, { color: colorEnabled(process.stdout, process.env), stdinText: () => stdinText });
      const { severities, configProblems, warnings } = await checkInto(writer, args, process.cwd(), async () => (stdinText = await readStdin()), (done, total) => progress?.update(done, total), locate).finally(() => progress?.end());
      await stdout.flush();
      process.stderr.write(renderConfigProblems(configProblems));
      for (const warning of warnings) process.stderr.write(`ai-readiness: ${warning}\n`);
      // A config error means the run did not go as configured: CI must not pass silently.
      return configProblems.some((p) => p.problem.severity === "error") ? 2 : exitCodeFor(severities, args);
    }
  }
}

function docsPath(ruleId: string): string {
  return join(__dirname, "docs", `${ruleId}.md`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`ai-readiness: ${error.message}\n\n${USAGE}`);
    else process.stderr.write(`ai-readiness: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
