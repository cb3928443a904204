import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, promises as fs, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { after, describe, it } from "node:test";
import { findSourceFiles } from "./walk";

/** A folder tree on disk: path → contents (a path ending in `/` is an empty folder). */
function tree(files: Record<string, string>): string {
  const top = realpathSync(mkdtempSync(join(tmpdir(), "ai-readiness-walk-")));
  for (const [path, text] of Object.entries(files)) {
    const full = join(top, path);
    if (path.endsWith("/")) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
  return top;
}

const names = (top: string, found: { path: string }[]) => found.map((f) => relative(top, f.path).split(sep).join("/"));

describe("findSourceFiles", () => {
  const repo = tree({
    ".git/info/exclude": "# local to this clone\nscratch_*.py\n",
    ".gitignore": "# generated code\ngenerated/\n*.tmp.py\n!important.tmp.py\n/top_only.py\ndeep/**/b/\n",
    "top_only.py": "",
    "app/main.py": "",
    "app/top_only.py": "",
    "app/cache.tmp.py": "",
    "app/important.tmp.py": "",
    "app/generated/client.py": "",
    "app/.gitignore": "!keep_me.tmp.py\nlocal/\n",
    "app/keep_me.tmp.py": "",
    "app/local/y.py": "",
    "lib/local/z.ts": "",
    "deep/a/b/c.py": "",
    "deep/a/c.py": "",
    "node_modules/pkg/index.js": "",
    "notes.txt": "",
    "scratch_try.py": "",
    "app/scratch_more.py": "",
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it("leaves out what nested .gitignore files and .git/info/exclude ignore, negations and anchors included", async () => {
    assert.deepEqual(names(repo, await findSourceFiles([repo], fs, join)), [
      "app/important.tmp.py",
      "app/keep_me.tmp.py",
      "app/main.py",
      "app/top_only.py",
      "deep/a/c.py",
      "lib/local/z.ts",
    ]);
  });

  it("applies the .gitignore files above a folder, up to the repository's root", async () => {
    const app = join(repo, "app");
    assert.deepEqual(names(app, await findSourceFiles([app], fs, join)), ["important.tmp.py", "keep_me.tmp.py", "main.py", "top_only.py"]);
  });

  it("always includes a file named on the command line", async () => {
    const file = join(repo, "app", "cache.tmp.py");
    assert.deepEqual(names(repo, await findSourceFiles([file], fs, join)), ["app/cache.tmp.py"]);
  });

  it("ignores no .gitignore when told not to, or when the host cannot read files", async () => {
    const everything = ["app/cache.tmp.py", "app/generated/client.py", "app/important.tmp.py", "app/keep_me.tmp.py", "app/local/y.py", "app/main.py", "app/scratch_more.py", "app/top_only.py", "deep/a/b/c.py", "deep/a/c.py", "lib/local/z.ts", "scratch_try.py", "top_only.py"];
    assert.deepEqual(names(repo, await findSourceFiles([repo], fs, join, { gitignore: false })), everything);
    const { readdir, stat, realpath } = fs;
    assert.deepEqual(names(repo, await findSourceFiles([repo], { readdir, stat, realpath }, join)), everything);
  });

  it("reads a folder's own .gitignore outside any repository, and survives an unreadable one", async () => {
    const loose = tree({ ".gitignore": "skip.py\n", "keep.py": "", "skip.py": "", "sub/.gitignore/": "", "sub/x.py": "" });
    try {
      assert.deepEqual(names(loose, await findSourceFiles([loose], fs, join)), ["keep.py", "sub/x.py"]);
    } finally {
      rmSync(loose, { recursive: true, force: true });
    }
  });

  it("does not loop on a symlinked folder", async () => {
    const looped = tree({ "a/x.py": "" });
    try {
      symlinkSync(join(looped, "a"), join(looped, "a", "again"));
      assert.deepEqual(names(looped, await findSourceFiles([looped], fs, join)), ["a/x.py"]);
    } finally {
      rmSync(looped, { recursive: true, force: true });
    }
  });
});
