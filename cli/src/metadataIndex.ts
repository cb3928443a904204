/**
 * `check --cache` with `--cache-strategy metadata` (the default): an index, kept beside the
 * entries, of what each file's `stat` said when it was last read, and what its text gave.
 * ESLint's `--cache` (strategy `metadata`) and Ruff's cache do the same. A file whose stamp
 * (size, modification and change times, inode: `stampOf`) is the one recorded is known
 * unchanged without reading it:
 *
 * - a file the prefilter rejected, whose text-only checks found nothing under the same config,
 *   is neither read nor prefiltered: it adds one file to the count and nothing else to the
 *   report (`inertUnder`, scanFile.ts);
 * - a file with model code is still read (its findings need the text: fingerprints, ranges,
 *   fixes) but not prefiltered nor hashed: its entry is found by the recorded key.
 *
 * When a recorded stamp is not the file's, the file is read as with `--cache-strategy
 * content`, and its new stamp recorded. A CI checkout (every stamp new) so finds the entries
 * by their hash, as before. A stamp is recorded only when the file's times are older than the
 * run's start by a margin (`RACY_MARGIN_MS`): a file changed within the file system clock's
 * tick of its last read could keep its stamp (Git's "racily clean" entries).
 *
 * Kept by path relative to the cache folder (a workspace moved with its cache keeps it). A run
 * rewrites the records of the files under its own paths (a deleted file's record goes) and
 * keeps the others: a pre-commit hook's run over two files leaves the rest. The index is
 * written whole under a temporary name and renamed, like the entries; an index that is
 * damaged, partial, of another format or another engine is no index (every file a miss).
 * Records carry whole stamps, so an index written by another run at the same time, whichever
 * wins, only makes misses.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { checksum, writeWhole } from "./resultCache";

/**
 * What the index knows of a file, by its stamp: the key of its entry (it passed the
 * prefilter), or the config (as JSON) under which its prefiltered-out text found nothing.
 */
export type IndexRecord = { stamp: string; key: string } | { stamp: string; config: string };

export const INDEX_NAME = "index.json";
const INDEX_FORMAT = 1;
const KEY = /^[0-9a-f]{64}$/;

/** The index as written: records as rows, configs once each. */
interface IndexBody {
  configs: string[];
  /** `[path relative to the cache folder, stamp, key or position in configs]` */
  files: [string, string, string | number][];
}

export class MetadataIndex {
  /** By absolute path. */
  private readonly records: Map<string, IndexRecord>;
  private readonly kept = new Map<string, IndexRecord>();
  private roots: string[] | null = null;

  private constructor(
    private readonly location: string,
    private readonly path: string,
    private readonly stamp: string,
    records: Map<string, IndexRecord>,
  ) {
    this.records = records;
  }

  /** The index of the cache at `location` (its entries in `entries`), for the engine `stamp`; empty when missing or unusable. */
  static load(location: string, entries: string, stamp: string): MetadataIndex {
    const path = join(entries, INDEX_NAME);
    let records = new Map<string, IndexRecord>();
    try {
      records = parseIndex(readFileSync(path, "utf8"), stamp, location);
    } catch {
      // Missing, unreadable or damaged: every file is a miss, and the index is written again.
    }
    return new MetadataIndex(location, path, stamp, records);
  }

  known(absolute: string): IndexRecord | undefined {
    return this.records.get(absolute);
  }

  /** What this run learnt of a file (or confirmed). */
  keep(absolute: string, record: IndexRecord): void {
    this.kept.set(absolute, record);
  }

  /** The paths the run checks (files and folders): the records under them are this run's to rewrite. */
  covers(roots: string[]): void {
    this.roots = roots;
  }

  /** Writes the index when the run changed it; never fails the run (the next one reads every file). */
  save(): void {
    const roots = this.roots;
    if (!roots) return;
    // The common case, a run over the same files with nothing changed: every record confirmed.
    if (this.kept.size === this.records.size && sameRecords(this.kept, this.records)) return;
    const under = (path: string) => roots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep));
    const next = new Map<string, IndexRecord>();
    for (const [path, record] of this.records) if (!under(path)) next.set(path, record);
    for (const [path, record] of this.kept) next.set(path, record);
    if (sameRecords(next, this.records)) return;
    try {
      writeWhole(this.path, formatIndex(next, this.stamp, this.location));
    } catch {
      // A full disk or a folder deleted meanwhile: the next run reads the files.
    }
  }
}

function sameRecords(a: Map<string, IndexRecord>, b: Map<string, IndexRecord>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, record] of a) {
    const other = b.get(path);
    if (!other || other.stamp !== record.stamp || ("key" in record ? !("key" in other) || other.key !== record.key : !("config" in other) || other.config !== record.config)) return false;
  }
  return true;
}

/** A header line (format, engine stamp, checksum of the rest), then the records. */
export function formatIndex(records: Map<string, IndexRecord>, stamp: string, location: string): string {
  const configs = new Map<string, number>();
  const files: IndexBody["files"] = [];
  const nameOf = byFolder((folder) => relative(location, folder).split(sep).join("/"), "/", dirname);
  for (const [path, record] of records) {
    const name = nameOf(path);
    if ("key" in record) files.push([name, record.stamp, record.key]);
    else {
      if (!configs.has(record.config)) configs.set(record.config, configs.size);
      files.push([name, record.stamp, configs.get(record.config)!]);
    }
  }
  const body = JSON.stringify({ configs: [...configs.keys()], files } satisfies IndexBody);
  return `${JSON.stringify({ format: INDEX_FORMAT, stamp, sum: checksum(body) })}\n${body}`;
}

/** The records of an index's text, by absolute path; throws on anything that is not an index this engine wrote, whole. */
export function parseIndex(content: string, stamp: string, location: string): Map<string, IndexRecord> {
  const newline = content.indexOf("\n");
  if (newline < 0) throw new Error("no header");
  const header = JSON.parse(content.slice(0, newline)) as Record<string, unknown>;
  const body = content.slice(newline + 1);
  if (header.format !== INDEX_FORMAT || header.stamp !== stamp || header.sum !== checksum(body)) throw new Error("another index");
  const { configs, files } = JSON.parse(body) as IndexBody;
  if (!Array.isArray(configs) || !Array.isArray(files) || !configs.every((c) => typeof c === "string")) throw new Error("damaged");
  const records = new Map<string, IndexRecord>();
  const pathOf = byFolder((folder) => resolve(location, folder), sep, (name) => name.slice(0, Math.max(0, name.lastIndexOf("/"))));
  for (const row of files) {
    if (!Array.isArray(row) || row.length !== 3) throw new Error("damaged");
    const [name, fileStamp, verdict] = row;
    if (typeof name !== "string" || typeof fileStamp !== "string") throw new Error("damaged");
    const path = pathOf(name);
    if (typeof verdict === "string" && KEY.test(verdict)) records.set(path, { stamp: fileStamp, key: verdict });
    else if (typeof verdict === "number" && typeof configs[verdict] === "string") records.set(path, { stamp: fileStamp, config: configs[verdict] });
    else throw new Error("damaged");
  }
  return records;
}

/**
 * A path converted folder by folder: a workspace has far fewer folders than files, and
 * `path.resolve`/`relative` for each of 5,000 files cost about 10 ms. `folderOf` splits off
 * the last part, `separator` joins it back to the converted folder.
 */
function byFolder(convert: (folder: string) => string, separator: string, folderOf: (path: string) => string): (path: string) => string {
  const folders = new Map<string, string>();
  return (path) => {
    const folder = folderOf(path);
    let converted = folders.get(folder);
    if (converted === undefined) folders.set(folder, (converted = convert(folder)));
    const rest = path.slice(folder.length);
    const base = rest.startsWith("/") || rest.startsWith(sep) ? rest.slice(1) : rest;
    return !converted ? base : converted.endsWith(separator) ? converted + base : `${converted}${separator}${base}`;
  };
}
