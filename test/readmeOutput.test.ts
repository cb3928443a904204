/** The README's "What it finds" block is what the CLI prints on the Python example, to the character. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { CLI, EXAMPLES, REPO_ROOT } from "./helpers";

it("shows the CLI's real text output", () => {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const shown = /```text\n\$ npm start -- examples\/python-service\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(shown, "the README shows `npm start -- examples/python-service`");
  const result = spawnSync(process.execPath, [CLI, "check", "--exit-zero", join(EXAMPLES, "python-service")], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
  });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(shown, result.stdout);
});
