/**
 * The floors a workspace scan is measured against, each run as its own process like the CLI
 * (so Node's start-up counts in both):
 *
 *   node out/bench/floors.js read <dir>    find the files as the CLI does, read every one
 *   node out/bench/floors.js parse <dir>   the same, then tree-sitter parses every file (no prefilter, no analysis)
 *
 * Both run on one thread. Prints the file count and bytes as JSON on stdout.
 */
import { promises as fs, readFileSync } from "node:fs";
import { join } from "node:path";
import { initParsers, parseText } from "../rules/src/parse/parser";
import { findSourceFiles } from "../rules/src/project/walk";
import { nodeModulesWasm } from "../rules/src/testing";

async function main(mode: string, dir: string): Promise<void> {
  const files = await findSourceFiles([dir], fs, join);
  if (mode === "parse") await initParsers(nodeModulesWasm, [...new Set(files.map((f) => f.language))]);
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file.path, "utf8");
    bytes += text.length;
    if (mode === "parse") parseText(file.language, text).delete();
  }
  process.stdout.write(JSON.stringify({ files: files.length, chars: bytes }) + "\n");
}

const [mode, dir] = process.argv.slice(2);
if ((mode !== "read" && mode !== "parse") || !dir) {
  process.stderr.write("usage: floors.js read|parse <dir>\n");
  process.exit(2);
}
void main(mode, dir);
