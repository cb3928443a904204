/** The report in the format asked for, written as it is built. */
import { once } from "node:events";
import { promises as fs } from "node:fs";
import { resolve } from "node:path";
import { RULES, type Report } from "../../rules/src/index";
import { GithubReportWriter } from "../../rules/src/report/github";
import { JsonReportWriter, type ReportWriter, type WriteText } from "../../rules/src/report/json";
import { SarifReportWriter } from "../../rules/src/report/sarif";
import { TextReportWriter } from "../../rules/src/report/text";
import type { Format } from "./args";

export interface RenderOptions {
  /** Colors in the text format; see `colorEnabled`. */
  color?: boolean;
  /** The text read from stdin (`--stdin-filename`): the source of the report's one file. Asked for once the report is written. */
  stdinText?: () => string | undefined;
}

/** A writer of the report in `format`, its text going to `write` as it comes. */
export async function reportWriter(format: Format, write: WriteText, docsPath: (id: string) => string, options: RenderOptions = {}): Promise<ReportWriter> {
  switch (format) {
    case "json":
      return new JsonReportWriter(write);
    case "github":
      return new GithubReportWriter(write);
    case "sarif": {
      const docs = new Map<string, string>();
      for (const rule of RULES) {
        const text = await fs.readFile(docsPath(rule.id), "utf8").catch(() => undefined);
        if (text !== undefined) docs.set(rule.id, text);
      }
      return new SarifReportWriter(write, { docs: (id) => docs.get(id) });
    }
    case "text": {
      const source = sourceReader(options);
      return new TextReportWriter(write, { color: options.color ?? false, source: (path, root) => source(resolve(root, path)) });
    }
  }
}

/** The report's text in `format`, through the same writer as the CLI's. */
export async function render(report: Report, format: Format, docsPath: (id: string) => string, options: RenderOptions = {}): Promise<string> {
  const chunks: string[] = [];
  const writer = await reportWriter(format, (chunk) => void chunks.push(chunk), docsPath, options);
  await writer.begin(report.root);
  for (const file of report.files) await writer.file({ file, callSites: [] });
  await writer.file({ file: null, callSites: report.callSites });
  await writer.end({ scores: report.scores, skipped: report.skipped, stats: report.stats });
  return chunks.join("");
}

/**
 * Each reported file's text, for code frames, read when its findings are written (after
 * `--fix`, the fixed text on disk). Every file is read into one buffer: a buffer per file
 * (`fs.readFile`), thousands of them on a large scan, raised the peak RSS of the text report
 * by 30 to 60 MB before the GC found them. Reads never overlap: a writer awaits each file
 * before the next.
 */
function sourceReader(options: RenderOptions): (path: string) => Promise<string | undefined> {
  let buffer = Buffer.alloc(1 << 16);
  // Decoded as `fs.readFile(path, "utf8")` decodes it.
  const read = async (path: string) => {
    const handle = await fs.open(path, "r");
    try {
      let length = 0;
      for (;;) {
        if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) return buffer.toString("utf8", 0, length);
        length += bytesRead;
      }
    } finally {
      await handle.close();
    }
  };
  return async (path) => options.stdinText?.() ?? (await read(path).catch(() => undefined));
}

/**
 * Colors when the stream is a terminal that has them (not `TERM=dumb`), unless NO_COLOR is
 * set (no-color.org); FORCE_COLOR turns them on anywhere (`0` or `false` turns them off),
 * as in Node itself.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR || env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/**
 * Text to `stream` in pieces of about 64 kB (a large report is thousands of small ones),
 * waiting when the stream asks to (a pipe read slowly): the report's text is never whole in
 * memory. `beforeFirst` runs before anything is written (erasing the progress line).
 */
export class StreamText {
  private pending = "";
  private started = false;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly beforeFirst?: () => void,
  ) {}

  readonly write = async (chunk: string): Promise<void> => {
    this.pending += chunk;
    if (this.pending.length >= CHUNK) await this.flush();
  };

  /** Writes what is held; resolves once the stream can take more. */
  async flush(): Promise<void> {
    if (!this.started) this.beforeFirst?.();
    this.started = true;
    const text = this.pending;
    this.pending = "";
    // `once` rejects when the stream fails instead (the reader went away).
    if (text && !this.stream.write(text)) await once(this.stream, "drain");
  }
}

const CHUNK = 1 << 16;
