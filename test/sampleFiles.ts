/** Source files the engine's equality tests run over: the examples, the fixtures, the docs examples. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../rules/src/index";
import { languageForPath } from "../rules/src/parse/parser";
import { docExamples } from "../rules/src/ruleDocs";
import { RULES_DIR } from "./helpers";

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && languageForPath(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * One file per language from every docs example, its imports moved to the top: each example in
 * a function of its own among plain helpers (most statements then unrelated to each other), or
 * all of them at module level (where model output flows between statements).
 */
export function fileOfDocsExamples(language: "python" | "typescript", wrapped: boolean): string {
  const imports = new Set<string>();
  const bodies: string[] = [];
  let n = 0;
  for (const rule of RULES) {
    for (const example of docExamples(readFileSync(join(RULES_DIR, rule.id, "docs.md"), "utf8"))) {
      if ((language === "python") !== (example.language === "python")) continue;
      const lines = example.code.split("\n");
      const isImport = (line: string) => (language === "python" ? /^(import|from)\s/.test(line) : /^import\s/.test(line));
      for (const line of lines.filter(isImport)) imports.add(line);
      const body = lines.filter((line) => !isImport(line));
      n++;
      if (!wrapped) bodies.push(body.join("\n"), language === "python" ? `def helper_${n}(items):\n    return sorted(items)\n` : `function helper${n}(items: number[]) {\n  return items.length;\n}\n`);
      else if (language === "python") bodies.push(`def example_${n}():\n${body.map((l) => `    ${l}`).join("\n")}\n    pass\n\n\ndef helper_${n}(items):\n    return [i * 2 for i in items if i]\n`);
      else bodies.push(`async function example${n}() {\n${body.join("\n")}\n}\n\nfunction helper${n}(items: number[]) {\n  return items.filter((i) => i > 0).map((i) => i * 2);\n}\n`);
    }
  }
  return [...imports, "", ...bodies].join("\n");
}

