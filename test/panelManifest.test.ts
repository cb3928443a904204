/**
 * The panel's part of the extension manifest stays consistent: every contributed command is
 * registered by the client and every registered one contributed, menus and empty states name
 * real views and commands, and the walkthrough's media exist.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { REPO_ROOT } from "./helpers";

interface Manifest {
  contributes: {
    commands: { command: string; title: string }[];
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string; type?: string }[]>;
    menus: Record<string, { command: string; when?: string }[]>;
    viewsWelcome: { view: string; contents: string; when: string }[];
    walkthroughs: { id: string; steps: { id: string; media: { markdown?: string; image?: string } }[] }[];
  };
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as Manifest;
const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
/** Commands the language client registers for the server's `executeCommand` capabilities. */
const SERVER_COMMANDS = new Set(["aiReadiness.showDocs"]);

function clientSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? clientSources(path) : name.endsWith(".ts") && !name.endsWith(".test.ts") ? [readFileSync(path, "utf8")] : [];
  });
}
const registered = new Set(clientSources(join(REPO_ROOT, "client/src")).flatMap((text) => [...text.matchAll(/registerCommand\("([^"]+)"/g)].map((m) => m[1])));

it("registers every contributed command, and contributes every registered one", () => {
  assert.deepEqual([...contributed].sort(), [...registered].sort());
});

it("points menus, empty states and command links at real views and commands", () => {
  const views = new Set(Object.values(manifest.contributes.views).flatMap((list) => list.map((v) => v.id)));
  assert.ok(Object.keys(manifest.contributes.views).every((container) => manifest.contributes.viewsContainers.activitybar.some((c) => c.id === container)));
  for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
    for (const entry of entries) {
      assert.ok(contributed.has(entry.command), `${menu}: ${entry.command}`);
      for (const [, view] of (entry.when ?? "").matchAll(/view == ([\w.]+)/g)) assert.ok(views.has(view), `${menu}: ${view}`);
    }
  }
  for (const welcome of manifest.contributes.viewsWelcome) {
    assert.ok(views.has(welcome.view), welcome.view);
    assert.notEqual(manifest.contributes.views.aiReadiness.find((v) => v.id === welcome.view)?.type, "webview", "a webview shows its own empty state");
    for (const [, command] of welcome.contents.matchAll(/\(command:(aiReadiness\.[\w]+)/g)) assert.ok(contributed.has(command) || SERVER_COMMANDS.has(command), command);
  }
  for (const walkthrough of manifest.contributes.walkthroughs) {
    for (const step of walkthrough.steps) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && existsSync(join(REPO_ROOT, media)), `${walkthrough.id}/${step.id}: ${media}`);
    }
  }
  for (const container of manifest.contributes.viewsContainers.activitybar) assert.ok(existsSync(join(REPO_ROOT, container.icon)), container.icon);
});

it("gives each state of the server and the scan an empty state in both trees", () => {
  for (const view of ["aiReadiness.findings", "aiReadiness.calls"]) {
    const whens = manifest.contributes.viewsWelcome.filter((w) => w.view === view).map((w) => w.when);
    for (const state of [/serverState == stopped/, /serverState == starting/, /scanState == notStarted/, /scanState == scanning/, /!aiReadiness\.hasAiCode/]) {
      assert.ok(whens.some((w) => state.test(w)), `${view}: ${state}`);
    }
  }
});
