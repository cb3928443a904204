/**
 * What the extension package (.vsix) and the npm tarball (which the pre-commit hook installs)
 * hold: the built tree and its assets, nothing of the sources, tests or tooling. Lists the
 * files the way `vsce ls --no-dependencies` and `npm pack --dry-run` do; installs nothing.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { GRAMMAR_FILES, RULES, RUNTIME_WASM } from "../rules/src/index";
import { DIST, REPO_ROOT } from "./helpers";

// vsce ships no type declarations; this is the one function the test calls.
const vsce = require("@vscode/vsce") as {
  listFiles(options: { cwd: string; packageManager: number }): Promise<string[]>;
  PackageManager: { None: number };
};

interface Manifest {
  main: string;
  icon: string;
  license: string;
  bin: Record<string, string>;
  galleryBanner?: { color: string; theme: string };
  contributes: Record<string, unknown>;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as Manifest;
const normal = (path: string) => path.replace(/^\.\//, "");

/** Everything the extension needs at run time, as paths relative to the repository root. */
function requiredFiles(): string[] {
  return [
    "package.json",
    "README.md",
    "CHANGELOG.md",
    "LICENSE",
    normal(manifest.icon),
    normal(manifest.main),
    ...Object.values(manifest.bin).map(normal),
    // dist/cli.js loads the CLI's bundle from beside it (cli/src/bin.ts).
    "dist/cliMain.js",
    `dist/${RUNTIME_WASM}`,
    ...Object.values(GRAMMAR_FILES).map((f) => `dist/${f}`),
    ...RULES.map((r) => `dist/docs/${r.id}.md`),
    ...contributedFiles(manifest.contributes),
    // Build outputs such as the config schema go in whenever the build makes them.
    ...readdirSync(DIST).filter((f) => f.endsWith(".json")).map((f) => `dist/${f}`),
  ];
}

/**
 * Every file the manifest's `contributes` names (grammars, schemas, view icons, walkthrough
 * media): strings under file-valued keys that are relative paths, not `$(codicon)`s or URLs.
 */
function contributedFiles(value: unknown, key = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => contributedFiles(v, key));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => contributedFiles(v, k));
  const fileKeys = ["path", "url", "icon", "light", "dark", "markdown", "image", "svg"];
  if (typeof value !== "string" || !fileKeys.includes(key) || /^(\$\(|[a-z]+:)/.test(value)) return [];
  return [normal(value)];
}

/** The only shapes of path a package may hold. */
const ALLOWED = [
  /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|images\/icon\.png)$/,
  /^dist\/[\w.-]+\.(js|wasm|json)$/,
  /^dist\/docs\/[a-z0-9-]+\.md$/,
  /^syntaxes\/[\w.-]+\.json$/,
  /^media\/[\w./-]+\.(svg|png|md)$/,
];

const FORBIDDEN = /^(src|out|test|bench|examples|scripts|node_modules|rules|server|client|cli|\.ci|\.git)\/|\.map$|\.ts$|^(tsconfig\.json|package-lock\.json|\.gitignore)$/;

function assertHoldsExactlyTheExtension(files: string[], what: string) {
  for (const required of requiredFiles()) assert.ok(files.includes(required), `${what} lacks ${required}`);
  for (const file of files) {
    assert.ok(!FORBIDDEN.test(file), `${what} holds ${file}`);
    assert.ok(ALLOWED.some((shape) => shape.test(file)), `${what} holds ${file}, which the extension does not need`);
  }
}

describe("extension package", () => {
  it("holds the bundles, grammars, docs, syntaxes, media and metadata, and nothing else", async () => {
    assert.ok(contributedFiles(manifest.contributes).includes("dist/ai-readiness.schema.json"), "the manifest's files are found");
    assert.ok(existsSync(join(DIST, "extension.js")), "npm test builds dist/ first");
    const files = (await vsce.listFiles({ cwd: REPO_ROOT, packageManager: vsce.PackageManager.None })).sort();
    assertHoldsExactlyTheExtension(files, "the .vsix");
  });

  it("the npm tarball the pre-commit hook installs holds the same files", () => {
    const npm = process.env.npm_execpath;
    const [command, args] = npm ? [process.execPath, [npm]] : ["npm", []];
    // --ignore-scripts: listing the files must not rebuild dist/ under the running tests.
    const result = spawnSync(command, [...args, "pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO_ROOT, encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
    const [pack] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
    assertHoldsExactlyTheExtension(pack.files.map((f) => f.path).sort(), "the npm tarball");
  });

  it("has an MIT licence, a 128×128 PNG icon and a gallery banner", () => {
    assert.equal(manifest.license, "MIT");
    assert.match(readFileSync(join(REPO_ROOT, "LICENSE"), "utf8"), /^MIT License\n\nCopyright \(c\) \d{4} AI Readiness contributors\n/);
    const icon = readFileSync(join(REPO_ROOT, manifest.icon));
    assert.deepEqual([...icon.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
    assert.equal(icon.toString("ascii", 12, 16), "IHDR");
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    assert.match(manifest.galleryBanner?.color ?? "", /^#[0-9a-f]{6}$/i);
    assert.ok(["dark", "light"].includes(manifest.galleryBanner?.theme ?? ""));
  });
});
