/** Command-line parsing for `ai-readiness check | explain | rules`. */
import type { Severity } from "../../rules/src/index";

export type Format = "text" | "json" | "sarif" | "github";

export interface CheckArgs {
  command: "check";
  paths: string[];
  format: Format;
  /** Apply safe fixes (and unsafe ones with `unsafeFixes`) before reporting what is left. */
  fix: boolean;
  unsafeFixes: boolean;
  select: string[];
  ignore: string[];
  /** The lowest severity that makes the exit code 1. */
  failOn: Severity;
  /** More warnings than this make the exit code 1, whatever `failOn` says. */
  maxWarnings: number | null;
  /** Report errors only. */
  quiet: boolean;
  exitZero: boolean;
  /** Read the file from stdin, reported under this name. */
  stdinFilename: string | null;
  /** Use this config file for every file instead of the nearest `ai-readiness.json`. */
  config: string | null;
  /** Leave out what `.gitignore` files ignore when walking folders (on unless --no-gitignore). */
  gitignore: boolean;
  /** The result cache's folder (`--cache`, `--cache-location`), relative to the working folder; null: no cache. */
  cache: string | null;
  /** How the cache knows a file unchanged: `metadata` trusts an unchanged `stat` (default), `content` only the text's hash. */
  cacheStrategy: "metadata" | "content";
}

export type Args =
  | CheckArgs
  | { command: "explain"; rule: string }
  | { command: "rules"; format: "text" | "json" }
  | { command: "init" }
  | { command: "help" }
  | { command: "version" };

export class UsageError extends Error {}

export const USAGE = `Usage:
  ai-readiness check [paths…] [options]   check AI code for what breaks in production
  ai-readiness explain <rule-id>          print a rule's documentation
  ai-readiness rules [--format json]      list the rules
  ai-readiness init                       write a starter ai-readiness.json here

Options for check:
  --format text|json|sarif|github   output format (default: text)
  --fix                      apply safe fixes to the files, then report what is left
  --unsafe-fixes             with --fix, apply unsafe fixes too
  --select ID[,ID…]          run only these rules (also turns on strict ones)
  --ignore ID[,ID…]          do not run these rules
  --fail-on error|warning|info   exit 1 only for findings this severe or worse (default: info)
  --max-warnings N           exit 1 when there are more than N warnings
  --quiet                    report errors only
  --stdin-filename PATH      check the text on stdin as if it were this file
  --config PATH              use this config file (default: the nearest ai-readiness.json)
  --no-gitignore             also check what .gitignore files ignore
  --cache                    keep each file's analysis for the next run (in .ai-readiness-cache)
  --cache-location PATH      keep it in this folder instead (implies --cache)
  --cache-strategy metadata|content   how a cached file is known unchanged: by its size
                             and times, else its text (default), or by its text alone
  --exit-zero                exit 0 even when there are findings
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no findings (or none at --fail-on), 1 findings, 2 usage error, broken
config file or internal error.
Colors only on a terminal; NO_COLOR turns them off, FORCE_COLOR=1 on (0 off).
Folders are walked without what .gitignore ignores; a file named as a path is always checked.
With --cache, a file unchanged since a run of the same version is not parsed again, and a
file without model code whose size and times did not change is not read; files holding a
key-shaped string are never cached.
`;

/** The result cache's folder when `--cache` names none, in the working folder (as ESLint's `.eslintcache`). */
export const DEFAULT_CACHE = ".ai-readiness-cache";

const FORMATS: Format[] = ["text", "json", "sarif", "github"];
const SEVERITIES: Severity[] = ["error", "warning", "info"];

export function parseArgs(argv: string[]): Args {
  if (argv.length === 0 || argv.includes("-h") || argv.includes("--help")) return { command: "help" };
  if (argv.includes("-v") || argv.includes("--version")) return { command: "version" };
  const [command, ...rest] = argv;
  switch (command) {
    case "check":
      return parseCheck(rest);
    case "explain":
      if (rest.length !== 1) throw new UsageError("explain takes one rule id");
      return { command: "explain", rule: rest[0] };
    case "rules": {
      const format = optionValue(rest, "--format") ?? "text";
      if (format !== "text" && format !== "json") throw new UsageError(`rules --format takes text or json, not \`${format}\``);
      return { command: "rules", format };
    }
    case "init":
      if (rest.length > 0) throw new UsageError("init takes no arguments");
      return { command: "init" };
    default:
      throw new UsageError(`unknown command \`${command}\` (expected check, explain, rules or init)`);
  }
}

function optionValue(args: string[], name: string): string | undefined {
  const index = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (index < 0) return undefined;
  return args[index].includes("=") ? args[index].slice(name.length + 1) : args[index + 1];
}

function parseCheck(rest: string[]): CheckArgs {
  const args: CheckArgs = {
    command: "check",
    paths: [],
    format: "text",
    fix: false,
    unsafeFixes: false,
    select: [],
    ignore: [],
    failOn: "info",
    maxWarnings: null,
    quiet: false,
    exitZero: false,
    stdinFilename: null,
    config: null,
    gitignore: true,
    cache: null,
    cacheStrategy: "metadata",
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--"))) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case "--format": {
        const format = value();
        if (!FORMATS.includes(format as Format)) throw new UsageError(`--format takes ${FORMATS.join(", ")}, not \`${format}\``);
        args.format = format as Format;
        break;
      }
      case "--fix":
        args.fix = true;
        break;
      case "--unsafe-fixes":
        args.unsafeFixes = true;
        break;
      case "--select":
        args.select.push(...value().split(",").filter(Boolean));
        break;
      case "--ignore":
        args.ignore.push(...value().split(",").filter(Boolean));
        break;
      case "--fail-on": {
        const severity = value();
        if (!SEVERITIES.includes(severity as Severity)) throw new UsageError(`--fail-on takes error, warning or info, not \`${severity}\``);
        args.failOn = severity as Severity;
        break;
      }
      case "--max-warnings": {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0) throw new UsageError("--max-warnings takes a whole number ≥ 0");
        args.maxWarnings = n;
        break;
      }
      case "--quiet":
        args.quiet = true;
        break;
      case "--exit-zero":
        args.exitZero = true;
        break;
      case "--stdin-filename":
        args.stdinFilename = value();
        break;
      case "--config":
        args.config = value();
        break;
      case "--no-gitignore":
        args.gitignore = false;
        break;
      case "--cache":
        args.cache ??= DEFAULT_CACHE;
        break;
      case "--cache-location":
        args.cache = value();
        break;
      case "--cache-strategy": {
        const strategy = value();
        if (strategy !== "metadata" && strategy !== "content") throw new UsageError(`--cache-strategy takes metadata or content, not \`${strategy}\``);
        args.cacheStrategy = strategy;
        break;
      }
      default:
        if (arg.startsWith("-")) throw new UsageError(`unknown option \`${arg}\``);
        args.paths.push(arg);
    }
  }
  if (args.unsafeFixes && !args.fix) throw new UsageError("--unsafe-fixes goes with --fix");
  if (args.stdinFilename && args.paths.length > 0) throw new UsageError("--stdin-filename checks stdin: give no paths");
  if (args.paths.length === 0 && !args.stdinFilename) args.paths.push(".");
  return args;
}
