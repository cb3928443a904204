/** The layers of ARCHITECTURE.md: client → server → rules ← cli, and no fs, vscode or LSP in the engine. */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { it } from "node:test";
import { REPO_ROOT } from "./helpers";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith(".ts") ? [path] : [];
  });
}

function imports(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|require\("([^"]+)"\)/gm)].map((m) => m[1] ?? m[2]);
}

const isTestOnly = (file: string) => file.endsWith(".test.ts") || file.endsWith("testing.ts");

it("the engine imports no vscode, no LSP package and no file system", () => {
  for (const file of sources(join(REPO_ROOT, "rules/src")).filter((f) => !isTestOnly(f))) {
    for (const source of imports(file)) {
      assert.ok(!/^(vscode|vscode-languageserver.*|vscode-languageclient.*|node:fs|fs|fs\/promises|node:child_process|child_process|node:http|node:https|node:net)$/.test(source), `${relative(REPO_ROOT, file)} imports ${source}`);
      assert.ok(!/\.\.\/\.\.\/(server|client|cli)\//.test(source), `${relative(REPO_ROOT, file)} imports a host: ${source}`);
    }
  }
});

it("the server and the CLI do not import each other or the client", () => {
  for (const [folder, forbidden] of [["server/src", /(client|cli)\/src/], ["cli/src", /(client|server)\/src/]] as const) {
    for (const file of sources(join(REPO_ROOT, folder))) {
      for (const source of imports(file)) assert.ok(!forbidden.test(source), `${relative(REPO_ROOT, file)} imports ${source}`);
    }
  }
});

it("the client takes only the protocol from the server", () => {
  for (const file of sources(join(REPO_ROOT, "client/src"))) {
    for (const source of imports(file)) {
      if (source.includes("server/")) assert.match(source, /server\/src\/protocol$/, `${relative(REPO_ROOT, file)} imports ${source}`);
      assert.ok(!source.includes("rules/"), `${relative(REPO_ROOT, file)} imports the engine`);
    }
  }
});
