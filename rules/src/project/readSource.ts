/**
 * A source file's text, or why it is skipped (too large, binary, unreadable), in the same
 * words for the CLI and the language server. File access is passed in by the host.
 */
import { MAX_FILE_CHARS } from "../analyze";

/** Bytes looked at for a NUL, the sign of a binary file. */
const BINARY_PROBE = 8000;

/** The part of Node's `fs.promises` this needs; hosts pass `fs.promises` itself. */
export interface SourceFileAccess {
  stat(path: string): Promise<{ size: number }>;
  readFile(path: string): Promise<Uint8Array>;
}

export async function readSource(path: string, fs: SourceFileAccess): Promise<string | { skipped: string }> {
  try {
    const stat = await fs.stat(path);
    // UTF-8 takes at least one byte per UTF-16 unit; more bytes than 3 units each is surely too long.
    if (stat.size > MAX_FILE_CHARS * 3) return { skipped: `too large (${(stat.size / 1e6).toFixed(1)} MB)` };
    const bytes = await fs.readFile(path);
    if (bytes.subarray(0, BINARY_PROBE).includes(0)) return { skipped: "binary content" };
    const text = new TextDecoder().decode(bytes);
    if (text.length > MAX_FILE_CHARS) return { skipped: `too large (${text.length} characters, the limit is ${MAX_FILE_CHARS})` };
    return text;
  } catch (error) {
    return { skipped: `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}
