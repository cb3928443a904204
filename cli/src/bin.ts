/**
 * The installed `ai-readiness` command (dist/cli.js): runs the CLI's bundle (dist/cliMain.js,
 * built from main.ts) through a V8 code cache, which saves a small `check` much of the time it
 * spends compiling JavaScript (codeCache.ts). Kept small: this file is compiled on every start.
 */
import { join } from "node:path";
import { codeCacheFolder, runWithCodeCache } from "./codeCache";

/** A hash of dist/cliMain.js, written in by the build (scripts/build.mjs). */
declare const CLI_BUNDLE_HASH: string;

try {
  runWithCodeCache(join(__dirname, "cliMain.js"), {
    folder: codeCacheFolder(),
    // `--version` or `rules` compile half of what `check` does: their cache must not be the one `check` reads.
    key: `${CLI_BUNDLE_HASH} ${process.argv[2] === "check" ? "check" : "other"}`,
    prepare: (exports) => (exports as { prepareCodeCache?: () => "whole" | "partial" }).prepareCodeCache?.() ?? "partial",
  });
} catch (error) {
  // A bundle missing or unreadable is a broken install: said the way main.ts says its own errors.
  process.stderr.write(`ai-readiness: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
}
