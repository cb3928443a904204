import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Gitignore, isIgnored } from "./gitignore";

/** [path, isDirectory, expected answer] against one .gitignore's text. */
type Case = [string, boolean, boolean | undefined];

function check(text: string, cases: Case[]) {
  const gitignore = Gitignore.parse(text);
  for (const [path, isDirectory, expected] of cases) {
    assert.equal(gitignore.match(path, isDirectory), expected, `${JSON.stringify(text)} on ${path}${isDirectory ? "/" : ""}`);
  }
}

describe("Gitignore", () => {
  it("matches a pattern with no slash against the name at any depth", () => {
    check("*.log", [
      ["debug.log", false, true],
      ["logs/debug.log", false, true],
      ["logs", true, undefined],
      ["debug.log.txt", false, undefined],
    ]);
  });

  it("anchors a pattern with a leading or middle slash to its folder", () => {
    check("/build", [
      ["build", true, true],
      ["src/build", true, undefined],
    ]);
    check("src/gen", [
      ["src/gen", true, true],
      ["lib/src/gen", true, undefined],
    ]);
    check("doc/frotz/", [
      ["doc/frotz", true, true],
      ["a/doc/frotz", true, undefined],
    ]);
  });

  it("matches a pattern ending in a slash only against folders", () => {
    check("build/", [
      ["build", true, true],
      ["build", false, undefined],
      ["src/build", true, true],
    ]);
  });

  it("keeps `*` and `?` inside one name", () => {
    check("foo/*", [
      ["foo/test.json", false, true],
      ["foo/bar", true, true],
      ["foo/bar/hello.c", false, undefined],
    ]);
    check("x/a?c", [
      ["x/abc", false, true],
      ["x/a/c", false, undefined],
    ]);
  });

  it("reads `**` as any number of folders", () => {
    check("**/foo", [
      ["foo", true, true],
      ["a/foo", false, true],
      ["a/b/foo", true, true],
    ]);
    check("**/foo/bar", [
      ["foo/bar", false, true],
      ["x/y/foo/bar", false, true],
      ["foo/x/bar", false, undefined],
    ]);
    check("abc/**", [
      ["abc", true, undefined],
      ["abc/x", false, true],
      ["abc/x/y", true, true],
    ]);
    check("a/**/b", [
      ["a/b", false, true],
      ["a/x/b", false, true],
      ["a/x/y/b", false, true],
      ["a/xb", false, undefined],
    ]);
    check("a**b.py", [
      ["aXb.py", false, true],
      ["a/b.py", false, undefined],
    ]);
  });

  it("lets the last matching rule win, negation included", () => {
    check("*.py\n!keep.py", [
      ["keep.py", false, false],
      ["other.py", false, true],
    ]);
    check("!keep.py\n*.py", [["keep.py", false, true]]);
  });

  it("understands bracket expressions", () => {
    check("file[0-9].txt\n[!a]bc\n[[:upper:]]*.md", [
      ["file1.txt", false, true],
      ["filea.txt", false, undefined],
      ["xbc", false, true],
      ["abc", false, undefined],
      ["README.md", false, true],
      ["readme.md", false, undefined],
    ]);
    check("[unclosed", [["[unclosed", false, true]]);
  });

  it("skips blank lines and comments, and honours escapes and trailing spaces", () => {
    check("\n# a comment\n\\#hash\n\\!bang\nspaced   \nkept\\ \r\n", [
      ["# a comment", false, undefined],
      ["#hash", false, true],
      ["!bang", false, true],
      ["spaced", false, true],
      ["kept ", false, true],
      ["kept", false, undefined],
    ]);
    assert.ok(Gitignore.parse("# only a comment\n\n").isEmpty);
  });

  it("treats regex characters in names literally", () => {
    check("a+b(1).py\n$x.{py}", [
      ["a+b(1).py", false, true],
      ["aab1.py", false, undefined],
      ["$x.{py}", false, true],
    ]);
  });
});

describe("isIgnored", () => {
  const root = { gitignore: Gitignore.parse("*.gen.py\n/local\n"), base: [] };
  const pkg = { gitignore: Gitignore.parse("!keep.gen.py\n/local\n"), base: ["pkg"] };

  it("asks the deepest .gitignore first, each relative to its folder", () => {
    assert.equal(isIgnored([root, pkg], ["pkg", "keep.gen.py"], false), false, "re-included in pkg");
    assert.equal(isIgnored([root, pkg], ["pkg", "other.gen.py"], false), true, "the root's rule still applies");
    assert.equal(isIgnored([root, pkg], ["pkg", "local"], true), true, "pkg's anchored rule");
    assert.equal(isIgnored([root, pkg], ["local"], true), true, "the root's anchored rule");
    assert.equal(isIgnored([root, pkg], ["src", "local"], true), false, "anchored rules do not reach other folders");
    assert.equal(isIgnored([], ["anything.py"], false), false);
  });
});
