/** A language server that dies is started again by the extension, and findings keep coming. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "mocha";
import * as vscode from "vscode";
import { OPENAI_CALL_RULES, activateExtension, fixture, open, processAlive, revert, ruleOf, serverPids, waitForRules } from "./helpers";

describe("server crash", () => {
  const uri = () => fixture("python", "app/restart.py");
  before(activateExtension);
  after(() => revert(uri()));

  it("restarts a killed language server, and the diagnostics come back from the new one", async function () {
    if (process.platform !== "linux") this.skip(); // the server's process is found through /proc
    const editor = await open(uri());
    const before = await waitForRules(uri(), OPENAI_CALL_RULES);
    const callLine = before.find((d) => ruleOf(d) === "missing-timeout")!.range.start.line;

    const servers = serverPids();
    assert.equal(servers.length, 1, `one language server under the extension host (pid ${process.pid}): [${servers.join(", ")}]`);
    const [killed] = servers;
    process.kill(killed, "SIGKILL");

    // Edit right away: only a running server can report the call one line further down,
    // so these findings come from the server the extension started after the crash.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), "# edited after the crash\n")));
    await waitForRules(uri(), OPENAI_CALL_RULES, (d) => d.find((x) => ruleOf(x) === "missing-timeout")?.range.start.line === callLine + 1);

    assert.equal(processAlive(killed), false, "the killed server is gone");
    const now = serverPids();
    assert.equal(now.length, 1, `one language server again: [${now.join(", ")}]`);
    assert.notEqual(now[0], killed);
  });
});
