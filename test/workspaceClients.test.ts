/**
 * Clients built in one module and used in another, in a multi-file fixture workspace:
 * `from app.llm import client`, a relative import, a `tsconfig.json` alias (`@/lib/ai`), and a
 * receiver with the same method names that is no model client at all.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Report } from "../rules/src/index";
import { ModuleResolver, pathAliasesOf } from "../rules/src/project/moduleResolution";
import { CLI, REPO_ROOT } from "./helpers";

const WORKSPACE = join(REPO_ROOT, "test/fixtures/workspace");

function report(): Report {
  const result = spawnSync(process.execPath, [CLI, "check", WORKSPACE, "--format", "json"], { encoding: "utf8" });
  return JSON.parse(result.stdout) as Report;
}

describe("clients across modules (CLI)", () => {
  const { callSites, files } = report();
  const site = (path: string, line: number) => callSites.find((s) => s.path === path && s.range.start.line === line);
  const rules = (path: string, line: number) => files.find((f) => f.path === path)?.findings.filter((f) => f.range.start.line === line).map((f) => f.rule) ?? [];

  it("a client imported by absolute module path carries its timeout to the call", () => {
    assert.deepEqual([site("py/app/chat.py", 8)?.provider, site("py/app/chat.py", 8)?.checks.timeout], ["openai", "pass"]);
    assert.ok(!rules("py/app/chat.py", 8).includes("missing-timeout"));
  });

  it("a client imported relatively is resolved too, and its missing timeout reported at the call", () => {
    assert.deepEqual([site("py/app/chat.py", 14)?.provider, site("py/app/chat.py", 14)?.checks.timeout], ["anthropic", "fail"]);
    assert.ok(rules("py/app/chat.py", 14).includes("missing-timeout"));
  });

  it("an imported object that is not a model client makes no call site", () => {
    assert.equal(site("py/app/chat.py", 20), undefined);
    assert.deepEqual(rules("py/app/chat.py", 20), []);
  });

  it("TypeScript: a tsconfig alias and a relative import", () => {
    assert.deepEqual([site("ts/src/app/route.ts", 6)?.provider, site("ts/src/app/route.ts", 6)?.checks.timeout], ["openai", "pass"]);
    assert.deepEqual([site("ts/src/app/route.ts", 8)?.provider, site("ts/src/app/route.ts", 8)?.checks.timeout], ["anthropic", "fail"]);
  });

  it("re-exports are followed: a Python package's imports, `export { … } from` and `export * from`", () => {
    assert.deepEqual([site("py/app/digest.py", 5)?.provider, site("py/app/digest.py", 5)?.checks.timeout], ["openai", "fail"]);
    assert.deepEqual([site("ts/src/app/digest.ts", 4)?.provider, site("ts/src/app/digest.ts", 4)?.checks.timeout], ["openai", "pass"]);
    assert.deepEqual([site("ts/src/app/digest.ts", 6)?.provider, site("ts/src/app/digest.ts", 6)?.checks.timeout], ["anthropic", "fail"]);
  });

  it("a client made by a factory function in another module: `client = get_client()`, `makeClient().…`", () => {
    assert.deepEqual([site("py/app/uses_factory.py", 7)?.provider, site("py/app/uses_factory.py", 7)?.checks.timeout], ["anthropic", "pass"]);
    assert.deepEqual([site("ts/src/app/factory.ts", 4)?.provider, site("ts/src/app/factory.ts", 4)?.checks.timeout], ["openai", "fail"]);
  });

  it("checking one file alone leaves the imported clients unknown: no call site, no guess", () => {
    const result = spawnSync(process.execPath, [CLI, "check", join(WORKSPACE, "py/app/chat.py"), "--format", "json"], { encoding: "utf8" });
    assert.deepEqual((JSON.parse(result.stdout) as Report).callSites, []);
  });
});

describe("module resolution", () => {
  const files = new Set(["/r/app/__init__.py", "/r/app/llm.py", "/r/app/core/__init__.py", "/r/web/src/lib/ai.ts", "/r/web/src/lib/index.ts", "/r/web/src/app/route.ts"]);
  const aliases = [pathAliasesOf("/r/web", { baseUrl: ".", paths: { "@/*": ["./src/*"] } })!];
  const resolver = new ModuleResolver(files, aliases);

  it("Python: absolute from any folder above, relative with dots, packages by __init__", () => {
    assert.equal(resolver.resolve("/r/app/chat.py", "app.llm", "python"), "/r/app/llm.py");
    assert.equal(resolver.resolve("/r/app/chat.py", ".llm", "python"), "/r/app/llm.py");
    assert.equal(resolver.resolve("/r/app/core/x.py", "..llm", "python"), "/r/app/llm.py");
    assert.equal(resolver.resolve("/r/app/chat.py", "app.core", "python"), "/r/app/core/__init__.py");
    assert.equal(resolver.resolve("/r/app/chat.py", "openai", "python"), null);
  });

  it("TS/JS: relative with or without extension, index files, aliases; packages are not project files", () => {
    assert.equal(resolver.resolve("/r/web/src/app/route.ts", "../lib/ai", "typescript"), "/r/web/src/lib/ai.ts");
    assert.equal(resolver.resolve("/r/web/src/app/route.ts", "../lib/ai.js", "typescript"), "/r/web/src/lib/ai.ts");
    assert.equal(resolver.resolve("/r/web/src/app/route.ts", "../lib", "typescript"), "/r/web/src/lib/index.ts");
    assert.equal(resolver.resolve("/r/web/src/app/route.ts", "@/lib/ai", "typescript"), "/r/web/src/lib/ai.ts");
    assert.equal(resolver.resolve("/r/web/src/app/route.ts", "openai", "typescript"), null);
  });
});
