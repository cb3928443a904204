/**
 * The folder walk (`findSourceFiles`) with and without `.gitignore`, on a generated tree:
 * 10,000 Python files in 1,000 folders, a root `.gitignore` of 120 patterns (names,
 * anchored folders, `**`) and a small `.gitignore` in every tenth folder. Median of 9
 * alternating passes after a warm-up pass. Prints figures; asserts nothing.
 *
 *   node out/bench/walk.js [--json file]
 */
import { mkdirSync, mkdtempSync, promises as fs, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { findSourceFiles } from "../rules/src/project/walk";
import { round, roundSummary, summarize, writeJsonIfAsked } from "./common";

const PASSES = 9;
const FOLDERS = 1000;
const FILES_PER_FOLDER = 10;

function generateTree(): { top: string; patterns: number; nested: number } {
  const top = mkdtempSync(join(tmpdir(), "ai-readiness-walk-bench-"));
  mkdirSync(join(top, ".git"));
  const patterns: string[] = [];
  for (let i = 0; i < 40; i++) patterns.push(`*.gen${i}.py`, `/build${i}/`, `docs${i}/**/*.md`);
  writeFileSync(join(top, ".gitignore"), `${patterns.join("\n")}\n`);
  let nested = 0;
  for (let f = 0; f < FOLDERS; f++) {
    const folder = join(top, `pkg${Math.floor(f / 10)}`, `sub${f % 10}`);
    mkdirSync(folder, { recursive: true });
    if (f % 10 === 0) {
      writeFileSync(join(folder, ".gitignore"), "local_*.py\n!local_keep.py\n");
      nested++;
    }
    for (let i = 0; i < FILES_PER_FOLDER; i++) writeFileSync(join(folder, `module${i}.py`), "x = 1\n");
  }
  return { top, patterns: patterns.length, nested };
}

async function main() {
  const { top, patterns, nested } = generateTree();
  try {
    const time = async (gitignore: boolean) => {
      const started = performance.now();
      const files = await findSourceFiles([top], fs, join, { gitignore });
      return { ms: performance.now() - started, files: files.length };
    };
    await time(true);
    const plain: number[] = [];
    const ignoring: number[] = [];
    let files = 0;
    for (let i = 0; i < PASSES; i++) {
      plain.push((await time(false)).ms);
      const pass = await time(true);
      ignoring.push(pass.ms);
      files = pass.files;
    }
    const results = {
      files,
      folders: FOLDERS,
      rootPatterns: patterns,
      nestedGitignores: nested,
      withoutGitignoreMs: roundSummary(summarize(plain), 1),
      withGitignoreMs: roundSummary(summarize(ignoring), 1),
      overhead: round(summarize(ignoring).median / summarize(plain).median, 2),
    };
    console.log(`${files} files in ${FOLDERS} folders, ${patterns} root patterns, ${nested} nested .gitignore files`);
    console.log(`walk without .gitignore: median ${results.withoutGitignoreMs.median} ms; with: median ${results.withGitignoreMs.median} ms (${results.overhead}x)`);
    writeJsonIfAsked(results);
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
}

void main();
