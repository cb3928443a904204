// Bundles the extension, the language server and the CLI into dist/, with the grammar
// .wasm files and the rule docs beside them (the bundles load both from their own folder).
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), "..");
const dist = join(root, "dist");
const watch = process.argv.includes("--watch");

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "docs"), { recursive: true });

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  minify: !watch,
  logLevel: "warning",
  // The ESM build of web-tree-sitter relies on import.meta.url, which a CJS bundle lacks.
  alias: { "web-tree-sitter": join(root, "node_modules/web-tree-sitter/web-tree-sitter.cjs") },
  // `import()` becomes `require()`: web-tree-sitter's `await import("fs/promises")` otherwise
  // starts Node's ES module loader, about 4 ms of a small scan's start-up, to load a built-in.
  supported: { "dynamic-import": false },
};

await Promise.all([
  build({ ...common, entryPoints: [join(root, "client/src/extension.ts")], outfile: join(dist, "extension.js"), external: ["vscode"] }),
  build({ ...common, entryPoints: [join(root, "server/src/main.ts")], outfile: join(dist, "server.js"), banner: { js: "#!/usr/bin/env node" } }),
  buildCli(),
  // The CLI's scan threads (cli/src/scanPool.ts) start this file from the CLI's folder.
  build({ ...common, entryPoints: [join(root, "cli/src/scanWorker.ts")], outfile: join(dist, "scanWorker.js") }),
]);

/**
 * The command, dist/cli.js, is a small loader that runs the CLI's bundle, dist/cliMain.js,
 * through a V8 code cache (cli/src/codeCache.ts); the bundle's hash tells its caches apart.
 */
async function buildCli() {
  await build({ ...common, entryPoints: [join(root, "cli/src/main.ts")], outfile: join(dist, "cliMain.js") });
  const hash = createHash("sha256").update(readFileSync(join(dist, "cliMain.js"))).digest("hex").slice(0, 32);
  await build({ ...common, entryPoints: [join(root, "cli/src/bin.ts")], outfile: join(dist, "cli.js"), banner: { js: "#!/usr/bin/env node" }, define: { CLI_BUNDLE_HASH: JSON.stringify(hash) } });
}

const wasm = {
  "web-tree-sitter.wasm": "web-tree-sitter",
  "tree-sitter-python.wasm": "tree-sitter-python",
  "tree-sitter-typescript.wasm": "tree-sitter-typescript",
  "tree-sitter-tsx.wasm": "tree-sitter-typescript",
  "tree-sitter-javascript.wasm": "tree-sitter-javascript",
};
for (const [file, pkg] of Object.entries(wasm)) cpSync(require.resolve(`${pkg}/${file}`), join(dist, file));

const rulesDir = join(root, "rules/src/rules");
for (const id of readdirSync(rulesDir)) {
  const docs = join(rulesDir, id, "docs.md");
  if (existsSync(docs)) cpSync(docs, join(dist, "docs", `${id}.md`));
}
await writeConfigSchema();
console.log("built dist/extension.js, dist/server.js, dist/cli.js, dist/cliMain.js, dist/scanWorker.js, dist/ai-readiness.schema.json");

/** The config file's JSON schema, built from the rule registry (our own code, run at build time). */
async function writeConfigSchema() {
  const bundled = await build({
    ...common,
    sourcemap: false,
    write: false,
    stdin: {
      contents: 'import { configSchema } from "./rules/src/config/schema"; import { RULES } from "./rules/src/rules/registry"; module.exports = configSchema(RULES);',
      resolveDir: root,
      loader: "ts",
    },
  });
  const module = { exports: {} };
  new Function("module", "exports", "require", bundled.outputFiles[0].text)(module, module.exports, require);
  writeFileSync(join(dist, "ai-readiness.schema.json"), `${JSON.stringify(module.exports, null, 2)}\n`);
}
