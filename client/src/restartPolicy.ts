/**
 * What the extension does when its server crashes: restart it, up to a limit in a time
 * window, and tell the user once (not once per crash; the default handler's popups repeat).
 * Plain data and callbacks, no `vscode` import, so plain-Node tests can drive it.
 */
import type { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult } from "vscode-languageclient";

/** The values of vscode-languageclient's enums (importing them would load `vscode`). */
const CONTINUE = 1 as ErrorAction;
const SHUTDOWN = 2 as ErrorAction;
const DO_NOT_RESTART = 1 as CloseAction;
const RESTART = 2 as CloseAction;

export interface RestartOptions {
  /** Shows a message to the user; called at most twice a session: first crash, and giving up. */
  notify(message: string): void;
  /** Writes to the output channel: every crash is logged there. */
  log(message: string): void;
  now?: () => number;
  /** Crashes allowed within `windowMs` before the extension stops restarting. */
  maxRestarts?: number;
  windowMs?: number;
}

export class RestartPolicy implements ErrorHandler {
  private readonly crashes: number[] = [];
  private told = false;
  private gaveUp = false;
  private readonly now: () => number;
  private readonly maxRestarts: number;
  private readonly windowMs: number;

  constructor(private readonly options: RestartOptions) {
    this.now = options.now ?? Date.now;
    this.maxRestarts = options.maxRestarts ?? 4;
    this.windowMs = options.windowMs ?? 3 * 60_000;
  }

  /** A read or write error on the connection: go on unless it keeps failing; a crash ends in `closed`. */
  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.options.log(`AI Readiness server connection error: ${error.message}`);
    return { action: (count ?? 1) <= 3 ? CONTINUE : SHUTDOWN, handled: true };
  }

  /** The server's process ended without being asked to. */
  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > this.windowMs) this.crashes.shift();
    if (this.crashes.length > this.maxRestarts) {
      this.options.log(`AI Readiness server crashed ${this.crashes.length} times in ${this.windowMs / 60_000} minutes: not restarting it.`);
      if (!this.gaveUp) {
        this.gaveUp = true;
        this.options.notify("AI Readiness stopped: its server kept crashing. See AI Readiness: Show Output, then run AI Readiness: Restart Server.");
      }
      return { action: DO_NOT_RESTART, handled: true };
    }
    this.options.log("AI Readiness server stopped unexpectedly: restarting it.");
    if (!this.told) {
      this.told = true;
      this.options.notify("AI Readiness restarted its server after a crash. Details are in AI Readiness: Show Output.");
    }
    return { action: RESTART, handled: true };
  }

  /** After a restart by hand, the user has seen the state: a new crash is news again. */
  reset(): void {
    this.crashes.length = 0;
    this.told = false;
    this.gaveUp = false;
  }
}
