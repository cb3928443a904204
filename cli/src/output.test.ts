import assert from "node:assert/strict";
import { it } from "node:test";
import { colorEnabled } from "./output";

it("colors a terminal unless NO_COLOR is set or TERM is dumb; FORCE_COLOR decides over all", () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  assert.equal(colorEnabled(tty, {}), true);
  assert.equal(colorEnabled(pipe, {}), false);
  assert.equal(colorEnabled({}, {}), false, "a stream that says nothing is no terminal");
  assert.equal(colorEnabled(tty, { NO_COLOR: "1" }), false);
  assert.equal(colorEnabled(tty, { NO_COLOR: "" }), true, "an empty NO_COLOR does not count (no-color.org)");
  assert.equal(colorEnabled(tty, { TERM: "dumb" }), false, "a dumb terminal has no colors");
  assert.equal(colorEnabled(tty, { TERM: "dumb", FORCE_COLOR: "1" }), true);
  assert.equal(colorEnabled(pipe, { FORCE_COLOR: "1" }), true);
  assert.equal(colorEnabled(pipe, { FORCE_COLOR: "" }), true);
  assert.equal(colorEnabled(pipe, { FORCE_COLOR: "1", NO_COLOR: "1" }), true);
  assert.equal(colorEnabled(tty, { FORCE_COLOR: "0" }), false);
  assert.equal(colorEnabled(tty, { FORCE_COLOR: "false" }), false);
});
