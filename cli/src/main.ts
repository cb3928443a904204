/** The `ai-readiness` command: parse, run, print, exit (0 clean, 1 findings, 2 usage or internal error). */
import { join } from "node:path";
import { initEngine, renderText } from "../../rules/src/index";
import { TOOL } from "../../rules/src/report/json";
import { parseArgs, USAGE, UsageError } from "./args";
import { check } from "./check";

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.command === "version") {
    process.stdout.write(`${TOOL.version}\n`);
    return 0;
  }
  await initEngine((file) => join(__dirname, file));
  const report = await check(args, process.cwd());
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  process.stdout.write(args.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderText(report, { color }));
  const findings = report.files.some((f) => f.findings.length > 0);
  return findings && !args.exitZero ? 1 : 0;
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
