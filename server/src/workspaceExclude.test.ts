import assert from "node:assert/strict";
import { it } from "node:test";
import { globToRegExp } from "../../rules/src/config/glob";
import { ExcludeFilter, filesExcludeGlobs } from "./workspaceExclude";

it("matches VS Code globs", () => {
  const cases: [string, string, boolean][] = [
    ["**/.git", ".git", true],
    ["**/.git", "a/b/.git", true],
    ["**/*.py", "x.py", true],
    ["**/*.py", "a/x.py", true],
    ["*.py", "a/x.py", false],
    ["generated/**", "generated/a/b.ts", true],
    ["generated/**", "src/generated/a.ts", false],
    ["**/{dist,gen}", "a/gen", true],
    ["**/{dist,gen}", "a/genx", false],
    ["a?.ts", "ab.ts", true],
    ["[ab].ts", "b.ts", true],
    ["[!ab].ts", "b.ts", false],
    ["file.name.ts", "fileXname.ts", false],
  ];
  for (const [glob, path, expected] of cases) assert.equal(globToRegExp(glob).test(path), expected, `${glob} ~ ${path}`);
});

it("excludes a path when it or a folder above it matches", () => {
  const filter = new ExcludeFilter(["**/legacy", "scripts/*.py"]);
  assert.equal(filter.isExcluded("app/legacy/chat.py"), true);
  assert.equal(filter.isExcluded("scripts/run.py"), true);
  assert.equal(filter.isExcluded("scripts/sub/run.py"), false);
  assert.equal(filter.isExcluded("app/chat.py"), false);
  assert.equal(new ExcludeFilter([]).isExcluded("anything.py"), false);
});

it("takes the globs that files.exclude turns on, not sibling conditions or bad values", () => {
  assert.deepEqual(filesExcludeGlobs({ "**/.git": true, "**/off": false, "**/*.js": { when: "$(basename).ts" } }), ["**/.git"]);
  assert.deepEqual(filesExcludeGlobs("nonsense"), []);
  assert.deepEqual(filesExcludeGlobs(null), []);
});
