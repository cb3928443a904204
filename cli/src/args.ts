/** Command-line parsing: `ai-readiness check [paths…] [--format text|json] [--exit-zero]`. */

export interface CheckArgs {
  command: "check";
  paths: string[];
  format: "text" | "json";
  exitZero: boolean;
  /** Apply safe fixes to the files before reporting what is left. */
  fix: boolean;
}

export type Args = CheckArgs | { command: "help" } | { command: "version" };

export class UsageError extends Error {}

export const USAGE = `Usage: ai-readiness check [paths…] [options]

Checks AI code (Python, TypeScript, JavaScript) for what breaks in production.

Options:
  --format text|json   output format (default: text)
  --fix                apply safe fixes to the files, then report what is left
  --exit-zero          exit 0 even when there are findings
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no findings, 1 findings, 2 usage or internal error.
`;

export function parseArgs(argv: string[]): Args {
  if (argv.length === 0 || argv.includes("-h") || argv.includes("--help")) return { command: "help" };
  if (argv.includes("-v") || argv.includes("--version")) return { command: "version" };
  const [command, ...rest] = argv;
  if (command !== "check") throw new UsageError(`unknown command \`${command}\` (expected \`check\`)`);
  const args: CheckArgs = { command: "check", paths: [], format: "text", exitZero: false, fix: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--format" || arg.startsWith("--format=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : rest[++i];
      if (value !== "text" && value !== "json") throw new UsageError(`--format takes text or json, not \`${value ?? ""}\``);
      args.format = value;
    } else if (arg === "--exit-zero") {
      args.exitZero = true;
    } else if (arg === "--fix") {
      args.fix = true;
    } else if (arg.startsWith("-")) {
      throw new UsageError(`unknown option \`${arg}\``);
    } else {
      args.paths.push(arg);
    }
  }
  if (args.paths.length === 0) args.paths.push(".");
  return args;
}
