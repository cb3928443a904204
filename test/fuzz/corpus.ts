/**
 * The valid files the fuzzer starts from: the examples, the editor-test fixtures and every
 * runnable example of the rules' docs. Each is read once.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { languageForPath, type LanguageId } from "../../rules/src/index";
import { docExamples } from "../../rules/src/ruleDocs";
import { EXAMPLES, REPO_ROOT, RULES_DIR } from "../helpers";

export interface SeedFile {
  name: string;
  language: LanguageId;
  text: string;
}

function sourcesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "node_modules") found.push(...sourcesUnder(path));
    } else if (languageForPath(name)) found.push(path);
  }
  return found;
}

let cached: SeedFile[] | undefined;

export function seedFiles(): SeedFile[] {
  if (cached) return cached;
  const files: SeedFile[] = [];
  for (const path of [...sourcesUnder(EXAMPLES), ...sourcesUnder(join(REPO_ROOT, "test/e2e/fixtures"))]) {
    files.push({ name: relative(REPO_ROOT, path), language: languageForPath(path)!, text: readFileSync(path, "utf8") });
  }
  for (const rule of readdirSync(RULES_DIR).sort()) {
    const docs = join(RULES_DIR, rule, "docs.md");
    let markdown: string;
    try {
      markdown = readFileSync(docs, "utf8");
    } catch {
      continue;
    }
    for (const example of docExamples(markdown)) {
      files.push({ name: `${relative(REPO_ROOT, docs)}:${example.line} (${example.kind})`, language: example.language, text: example.code });
    }
  }
  if (files.length === 0) throw new Error("no seed files for the fuzzer");
  cached = files;
  return files;
}
