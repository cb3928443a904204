/**
 * Ruff's WebAssembly build (`@astral-sh/ruff-wasm-nodejs`, default rules) over every Python
 * file under a folder, one file after another in one process: the peer of the CLI's scan
 * for Python. `node out/bench/ruffWasm.js <dir>`; prints file and diagnostic counts as JSON.
 */
import { promises as fs, readFileSync } from "node:fs";
import { join } from "node:path";
import { findSourceFiles } from "../rules/src/project/walk";

async function main(dir: string): Promise<void> {
  // Loaded here, not imported at the top: only this peer needs it, and tsc need not resolve its types.
  const ruff = require("@astral-sh/ruff-wasm-nodejs") as { Workspace: RuffWorkspaceClass; PositionEncoding: { Utf16: number } };
  const workspace = new ruff.Workspace(ruff.Workspace.defaultSettings(), ruff.PositionEncoding.Utf16);
  const files = (await findSourceFiles([dir], fs, join)).filter((f) => f.language === "python");
  let diagnostics = 0;
  for (const file of files) diagnostics += workspace.check(readFileSync(file.path, "utf8")).length;
  process.stdout.write(JSON.stringify({ files: files.length, diagnostics }) + "\n");
}

interface RuffWorkspaceClass {
  new (settings: unknown, encoding: number): { check(text: string): unknown[] };
  defaultSettings(): unknown;
}

void main(process.argv[2] ?? ".");
