import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { it } from "node:test";
import { colorEnabled, StreamText } from "./output";

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

it("waits for a slow reader instead of holding the text (backpressure), and writes all of it in order", async () => {
  const received: string[] = [];
  let mostBuffered = 0;
  // A reader that takes a chunk every millisecond and asks for a pause past 1 kB.
  const slow = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      received.push(chunk.toString());
      setTimeout(done, 1);
    },
  });
  const out = new StreamText(slow);
  const pieces = Array.from({ length: 4000 }, (_, i) => `${"x".repeat(i % 300)}${i}\n`);
  for (const piece of pieces) {
    await out.write(piece);
    mostBuffered = Math.max(mostBuffered, slow.writableLength);
  }
  await out.flush();
  await new Promise((resolve) => slow.end(resolve));
  assert.equal(received.join(""), pieces.join(""));
  assert.ok(received.length > 5, `written in several chunks (${received.length})`);
  // One chunk of about 64 kB at most waits in the stream: the writer waited for each to drain.
  assert.ok(mostBuffered <= 70_000, `at most one chunk waiting (${mostBuffered} bytes)`);
});

it("runs its first-write hook once, before anything is written", async () => {
  const events: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      events.push(`write ${chunk.length}`);
      done();
    },
  });
  const out = new StreamText(sink, () => events.push("first"));
  await out.write("abc");
  await out.flush();
  await out.write("de");
  await out.flush();
  assert.deepEqual(events, ["first", "write 3", "write 2"]);
});
