/**
 * The extension's answer to a crashing server (client/src/restartPolicy.ts), in plain Node:
 * restart, tell the user once, stop after too many crashes in a short time.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { RestartPolicy } from "../client/src/restartPolicy";

const RESTART = 2;
const DO_NOT_RESTART = 1;

function policy() {
  let time = 0;
  const told: string[] = [];
  const logged: string[] = [];
  const p = new RestartPolicy({ notify: (m) => told.push(m), log: (m) => logged.push(m), now: () => time });
  return { p, told, logged, at: (ms: number) => (time = ms) };
}

it("restarts a crashed server and tells the user once, however often it restarts", () => {
  const { p, told, logged, at } = policy();
  for (let crash = 0; crash < 4; crash++) {
    at(crash * 10_000);
    const result = p.closed();
    assert.deepEqual(result, { action: RESTART, handled: true });
  }
  assert.equal(told.length, 1);
  assert.match(told[0], /restarted its server after a crash/);
  assert.equal(logged.length, 4, "every crash is in the output");
});

it("gives up after a fifth crash within three minutes, says so once, and never restarts again in a burst", () => {
  const { p, told, at } = policy();
  for (let crash = 0; crash < 4; crash++) (at(crash * 1000), p.closed());
  at(5000);
  assert.deepEqual(p.closed(), { action: DO_NOT_RESTART, handled: true });
  at(6000);
  assert.equal(p.closed().action, DO_NOT_RESTART);
  assert.equal(told.length, 2);
  assert.match(told[1], /kept crashing/);
});

it("crashes far apart keep being restarted, silently after the first message", () => {
  const { p, told, at } = policy();
  for (let crash = 0; crash < 20; crash++) {
    at(crash * 60_000);
    assert.equal(p.closed().action, RESTART, `crash ${crash}`);
  }
  assert.equal(told.length, 1);
});

it("a restart by hand makes the next crash news again", () => {
  const { p, told, at } = policy();
  for (let crash = 0; crash < 6; crash++) (at(crash), p.closed());
  assert.equal(told.length, 2);
  p.reset();
  at(10);
  assert.equal(p.closed().action, RESTART);
  assert.equal(told.length, 3);
});

it("connection errors: carry on for a few, then shut down; never a popup of their own", () => {
  const { p, told } = policy();
  assert.deepEqual(p.error(new Error("write EPIPE"), undefined, 1), { action: 1, handled: true });
  assert.deepEqual(p.error(new Error("write EPIPE"), undefined, 4), { action: 2, handled: true });
  assert.equal(told.length, 0);
});
