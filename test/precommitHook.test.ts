/** The pre-commit hook (.pre-commit-hooks.yaml) runs a command the package installs, on the files the CLI reads. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { languageForPath } from "../rules/src/index";
import { REPO_ROOT } from "./helpers";

/** The one hook's `key: value` lines (the file is a list of one flat mapping). */
function hook(): Record<string, string> {
  const text = readFileSync(join(REPO_ROOT, ".pre-commit-hooks.yaml"), "utf8");
  const fields: Record<string, string> = {};
  for (const [, key, value] of text.matchAll(/^(?:- | {2})([a-z_]+): (.+)$/gm)) fields[key] = value.replace(/^"(.*)"$/, "$1");
  return fields;
}

/** pre-commit's file-type tags (from its `identify` library) for the extensions the engine reads. */
const TAGS: Record<string, string> = { ".py": "python", ".pyi": "pyi", ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "jsx", ".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx" };

it("runs `ai-readiness check` with node, once, on every file type the engine reads", () => {
  const fields = hook();
  assert.equal(fields.id, "ai-readiness");
  assert.equal(fields.language, "node");
  assert.equal(fields.require_serial, "true", "one process sees every file, so cross-file facts hold");
  const [command, subcommand] = fields.entry.split(" ");
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { bin: Record<string, string>; scripts: Record<string, string> };
  assert.ok(command in manifest.bin, `${command} is a bin of the package`);
  assert.equal(subcommand, "check");
  assert.equal(manifest.scripts.prepare, "node scripts/prepare.mjs", "installing from the repository builds dist/");
  const types = fields.types_or.replace(/^\[|\]$/g, "").split(/,\s*/);
  for (const [extension, tag] of Object.entries(TAGS)) {
    assert.ok(languageForPath(`file${extension}`), `the engine reads ${extension}`);
    assert.ok(types.includes(tag), `the hook passes ${extension} files (${tag})`);
  }
});
