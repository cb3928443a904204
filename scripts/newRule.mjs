// `npm run new-rule -- <rule-id>`: scaffolds rules/src/rules/<id>/{rule.ts,docs.md,rule.test.ts}
// and adds the rule to the sorted registry.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const id = process.argv[2];
if (!id || !/^[a-z]+(-[a-z]+)*$/.test(id)) {
  console.error("usage: npm run new-rule -- <rule-id>   (kebab-case, names the flagged pattern)");
  process.exit(2);
}
const root = join(dirname(new URL(import.meta.url).pathname), "..");
const folder = join(root, "rules/src/rules", id);
if (existsSync(folder)) {
  console.error(`rules/src/rules/${id} exists already`);
  process.exit(2);
}
const name = id.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
mkdirSync(folder, { recursive: true });
writeFileSync(
  join(folder, "rule.ts"),
  `import type { Rule, FindingDraft } from "../../rule";

export const ${name}: Rule = {
  id: "${id}",
  factor: "compute",
  tier: "strict",
  severity: "warning",
  summary: "TODO: one line on what it flags",
  fix: null,
  check(context) {
    const findings: FindingDraft[] = [];
    if (context.facts.callSites.length === 0) return findings;
    // TODO: read context.facts / context.checks and push findings.
    return findings;
  },
};
`,
);
writeFileSync(
  join(folder, "docs.md"),
  `# ${id}\n\n**Factor:** compute · **Tier:** strict (off by default) · **Fix:** none\n\n## What it does\n\n## Why is this bad?\n\n## Example\n\n\`\`\`python invalid\n\`\`\`\n\n\`\`\`python valid\n\`\`\`\n\n## Fix safety\n`,
);
writeFileSync(join(folder, "rule.test.ts"), `import { ruleCases } from "../../testing";\n\nruleCases("${id}", {\n  valid: [],\n  invalid: [],\n});\n`);

const registry = join(root, "rules/src/rules/registry.ts");
let text = readFileSync(registry, "utf8");
const importLine = `import { ${name} } from "./${id}/rule";`;
const imports = [...text.matchAll(/^import \{ \w+ \} from "\.\/[^"]+";$/gm)].map((m) => m[0]).concat(importLine).sort((a, b) => a.split('"')[1].localeCompare(b.split('"')[1]));
text = text.replace(/(^import \{ \w+ \} from "\.\/[^"]+";\n)+/m, `${imports.join("\n")}\n`);
const entries = [...text.matchAll(/^ {2}(\w+),$/gm)].map((m) => m[1]).concat(name);
const byId = (n) => n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
entries.sort((a, b) => byId(a).localeCompare(byId(b)));
text = text.replace(/(^ {2}\w+,\n)+/m, entries.map((e) => `  ${e},\n`).join(""));
writeFileSync(registry, text);
console.log(`created rules/src/rules/${id}/ and registered ${name}`);
