import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { progressFor } from "./progress";

/** A stream that records what is written, and a clock the test moves. */
function terminal(isTTY: boolean) {
  const written: string[] = [];
  let time = 0;
  return {
    stream: { isTTY, write: (text: string) => written.push(text) },
    written,
    clock: { now: () => time, advance: (ms: number) => (time += ms) },
  };
}

describe("progress", () => {
  it("prints nothing when stderr is not a terminal", () => {
    const { stream, clock } = terminal(false);
    assert.equal(progressFor(stream, clock.now), null);
  });

  it("stays silent for a short scan", () => {
    const { stream, written, clock } = terminal(true);
    const progress = progressFor(stream, clock.now)!;
    for (let i = 0; i < 10; i++) {
      progress.update(i, 10);
      clock.advance(20);
    }
    progress.end();
    assert.deepEqual(written, []);
  });

  it("shows the count on one line once the scan takes a while, at most every 100 ms, and erases it at the end", () => {
    const { stream, written, clock } = terminal(true);
    const progress = progressFor(stream, clock.now)!;
    clock.advance(600);
    progress.update(3, 812);
    clock.advance(50);
    progress.update(4, 812);
    clock.advance(60);
    progress.update(5, 812);
    progress.end();
    assert.deepEqual(written, ["\r\u001b[2KChecking 3/812 files…", "\r\u001b[2KChecking 5/812 files…", "\r\u001b[2K"]);
  });
});
