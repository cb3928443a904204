/**
 * "Checking 120/812 files" on stderr while a long scan runs. Only on a terminal, only
 * once the scan has taken a moment (short runs print nothing), and erased at the end so
 * the report starts on a clean line.
 */

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** A scan shorter than this shows no progress. */
const DELAY_MS = 500;
/** Redraws at most this often. */
const INTERVAL_MS = 100;

export class Progress {
  private startedAt: number;
  private drawnAt = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = now();
  }

  /** `done` of `total` files read. */
  update(done: number, total: number): void {
    const time = this.now();
    if (time - this.startedAt < DELAY_MS || time - this.drawnAt < INTERVAL_MS) return;
    this.drawnAt = time;
    this.drawn = true;
    this.stream.write(`\r\u001b[2KChecking ${done}/${total} files…`);
  }

  /** Erases the line, if anything was drawn. */
  end(): void {
    if (this.drawn) this.stream.write("\r\u001b[2K");
    this.drawn = false;
  }
}

/** A progress line for `stream` when it is a terminal; null otherwise (CI logs, pipes, files). */
export function progressFor(stream: ProgressStream, now?: () => number): Progress | null {
  return stream.isTTY === true ? new Progress(stream, now) : null;
}
