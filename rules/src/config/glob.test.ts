import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { globMatcher } from "./glob";

describe("globMatcher", () => {
  const cases: [string, string, boolean][] = [
    ["tests", "tests/test_chat.py", true],
    ["tests", "app/tests/test_chat.py", true],
    ["tests", "app/contests.py", false],
    ["**/tests/**", "app/tests/unit/a.py", true],
    ["src/**", "src/a/b.ts", true],
    ["src/**", "lib/src/a.ts", false],
    ["/scripts", "scripts/seed.py", true],
    ["/scripts", "app/scripts/seed.py", false],
    ["*.test.ts", "app/chat.test.ts", true],
    ["*.test.ts", "app/chat.ts", false],
    ["app/*.py", "app/chat.py", true],
    ["app/*.py", "app/llm/chat.py", false],
    ["**/*.{spec,test}.ts", "a/b.spec.ts", true],
    ["**/*.{spec,test}.ts", "a/b.prod.ts", false],
    ["legacy/", "legacy/old.py", true],
    ["a?c.py", "abc.py", true],
    ["a?c.py", "a/c.py", false],
    ["src/{a*", "src/{ab", true],
    ["[ab].py", "b.py", true],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${pattern} ${expected ? "matches" : "does not match"} ${path}`, () => {
      assert.equal(globMatcher([pattern])(path), expected);
    });
  }
});
