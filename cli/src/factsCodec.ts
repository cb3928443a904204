/**
 * A file's facts as JSON text and back, for the result cache (resultCache.ts). Plain
 * `JSON.stringify` would not give back the facts the rules read:
 * - the SDK catalogue's entries are shared objects (`callSite.sdk`), compared by identity
 *   (`clients.some((c) => c.sdk === sdk)`): they are written as their place in the catalogue
 *   and read back as the very objects;
 * - one fact can sit in two places (a call site's `client` is one of `clients`, and
 *   `s.client === client` is how rules group calls): such objects are written once, then
 *   referred to;
 * - `undefined` values, `NaN`, `±Infinity` and `-0` (a literal `1e999` is `Infinity`, which
 *   JSON would turn into `null`: the literal `None`) are written as markers.
 * Markers are objects whose `$` key says what they are; a fact object with a `$` key of its
 * own is escaped. The text is never written, only where it goes (the facts keep their order
 * of keys): it is the file's, put back when read.
 */
import { SDKS } from "../../rules/src/model/catalogue";
import type { FileFacts } from "../../rules/src/index";

/** Thrown for facts that hold something the codec does not know (a class instance, a function): they are not cached. */
export class NotEncodable extends Error {}

/** Stands for the text while the facts are encoded. */
const TEXT = {};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

let catalogue: { objects: object[]; index: Map<object, number> } | null = null;

/** Every object and array reachable from the SDK catalogue, in a fixed order: its place is its name in the cache. */
function catalogueObjects() {
  if (catalogue) return catalogue;
  const objects: object[] = [];
  const index = new Map<object, number>();
  const visit = (value: unknown) => {
    if (typeof value !== "object" || value === null || index.has(value)) return;
    index.set(value, objects.length);
    objects.push(value);
    for (const child of Object.values(value)) visit(child);
  };
  visit(SDKS);
  catalogue = { objects, index };
  return catalogue;
}

const isPlain = (value: object) => Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null;

/**
 * The facts without their text, as JSON text. Throws `NotEncodable` for what it cannot write
 * faithfully, and for a string `refuse` says must not be written.
 */
export function encodeFacts(facts: FileFacts, refuse?: (value: string) => boolean): string {
  const { index } = catalogueObjects();
  const rest = { ...facts, text: TEXT };
  // First pass: which objects are reached more than once.
  const seen = new Set<object>();
  const shared = new Set<object>();
  const count = (value: unknown) => {
    if (typeof value !== "object" || value === null || index.has(value)) return;
    if (seen.has(value)) return void shared.add(value);
    seen.add(value);
    for (const child of Object.values(value)) count(child);
  };
  count(rest);
  const ids = new Map<object, number>();
  const encode = (value: unknown): Json => {
    switch (typeof value) {
      case "string":
        if (refuse?.(value)) throw new NotEncodable("a string that must not be written");
        return value;
      case "boolean":
        return value;
      case "undefined":
        return { $: "u" };
      case "number":
        return Number.isFinite(value) && !Object.is(value, -0) ? value : { $: Object.is(value, -0) ? "-0" : String(value) };
      case "object": {
        if (value === null) return null;
        if (value === TEXT) return { $: "t" };
        const place = index.get(value);
        if (place !== undefined) return { $: "c", i: place };
        const id = ids.get(value);
        if (id !== undefined) return { $: "r", i: id };
        if (!isPlain(value)) throw new NotEncodable(`a ${value.constructor?.name ?? "foreign"} object`);
        // A shared object is numbered where first met, before its children: the decoder meets it there too.
        const newId = shared.has(value) ? ids.size : undefined;
        if (newId !== undefined) ids.set(value, newId);
        let body: Json;
        if (Array.isArray(value)) body = value.map(encode);
        else {
          const object: { [key: string]: Json } = {};
          for (const [key, child] of Object.entries(value)) object[key] = encode(child);
          body = "$" in object ? { $: "o", v: object } : object;
        }
        return newId === undefined ? body : { $: "d", i: newId, v: body };
      }
      default:
        throw new NotEncodable(`a ${typeof value}`);
    }
  };
  return JSON.stringify(encode(rest));
}

/** Thrown for JSON that is not an encoding of facts: the entry is a miss. */
export class NotFacts extends Error {}

/** The facts of `text` from `encodeFacts`'s JSON, checked for shape; throws `NotFacts` when they are not. */
export function decodeFacts(json: string, text: string, language: FileFacts["language"]): FileFacts {
  const { objects } = catalogueObjects();
  const defined: unknown[] = [];
  const decode = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    if (Array.isArray(value)) return value.map(decode);
    const marker = (value as { $?: unknown }).$;
    if (marker === undefined) return decodeObject(value as Record<string, unknown>);
    const { i, v } = value as { i?: unknown; v?: unknown };
    switch (marker) {
      case "u":
        return undefined;
      case "t":
        return text;
      case "-0":
        return -0;
      case "NaN":
      case "Infinity":
      case "-Infinity":
        return Number(marker);
      case "c":
        if (typeof i !== "number" || !(i in objects)) throw new NotFacts(`no catalogue entry ${String(i)}`);
        return objects[i];
      case "r":
        if (typeof i !== "number" || !(i in defined)) throw new NotFacts(`reference to ${String(i)} before it is defined`);
        return defined[i];
      case "d": {
        if (i !== defined.length || typeof v !== "object" || v === null) throw new NotFacts(`bad definition ${String(i)}`);
        // Made before its children are read, so a reference inside it finds it.
        const made: Record<string, unknown> | unknown[] = Array.isArray(v) ? [] : {};
        defined.push(made);
        if (Array.isArray(made)) for (const item of v as unknown[]) made.push(decode(item));
        else Object.assign(made, decodeObject(unescaped(v)));
        return made;
      }
      case "o":
        return decodeObject(unescaped(value));
      default:
        throw new NotFacts(`unknown marker ${String(marker)}`);
    }
  };
  /** A fact object's own fields: `v` of an escaped one (`$: "o"`), else the object itself. */
  const unescaped = (value: object): Record<string, unknown> => {
    if (Array.isArray(value)) throw new NotFacts("a list where an object belongs");
    const { $: marker, v } = value as { $?: unknown; v?: unknown };
    if (marker === undefined) return value as Record<string, unknown>;
    if (marker !== "o" || typeof v !== "object" || v === null || Array.isArray(v)) throw new NotFacts("bad escaped object");
    return v as Record<string, unknown>;
  };
  const decodeObject = (value: Record<string, unknown>) => {
    const object: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      // JSON.parse makes `__proto__` an own key; assigned, it would set the prototype.
      if (key === "__proto__") throw new NotFacts("a __proto__ key");
      object[key] = decode(child);
    }
    return object;
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new NotFacts("not JSON");
  }
  const facts = decode(parsed) as FileFacts;
  assertFactsShape(facts, text, language);
  return facts;
}

const LISTS = ["callSites", "clients", "jsonParses", "sinks", "uncheckedContents", "loggedContent", "stringLiterals", "instrumentation", "reexports", "suppressions"] as const;

/**
 * The facts' outline: every list there, the numbers numbers, each call site and client on a
 * catalogue SDK and within the text. What a foreign or damaged entry would get wrong first;
 * the entry's checksum and engine stamp (resultCache.ts) cover the rest.
 */
function assertFactsShape(facts: FileFacts, text: string, language: FileFacts["language"]): void {
  const { length } = text;
  const fail = (what: string) => {
    throw new NotFacts(what);
  };
  if (typeof facts !== "object" || facts === null || Array.isArray(facts)) fail("not an object");
  if (facts.language !== language) fail(`language ${String(facts.language)}`);
  if (facts.text !== text) fail("no place for the text");
  for (const list of LISTS) if (!Array.isArray(facts[list]) || facts[list].some((item) => typeof item !== "object" || item === null)) fail(`${list} is not a list of objects`);
  if (typeof facts.imports !== "object" || facts.imports === null || typeof facts.imports.insertAt !== "number") fail("imports");
  if (typeof facts.syntaxErrors !== "number" || (facts.unparsed !== undefined && typeof facts.unparsed !== "boolean")) fail("syntax errors");
  const sdks = new Set<unknown>(SDKS);
  const within = (span: unknown) => {
    const { start, end } = (span ?? {}) as { start?: unknown; end?: unknown };
    return typeof start === "number" && typeof end === "number" && 0 <= start && start <= end && end <= length;
  };
  for (const site of facts.callSites) {
    if (!sdks.has(site.sdk) || !site.sdk.methods.includes(site.method)) fail("a call site off the catalogue");
    if (!within(site.span) || !within(site.calleeSpan)) fail("a call site outside the text");
  }
  for (const client of facts.clients) if (!sdks.has(client.sdk) || !within(client.span)) fail("a client off the catalogue or outside the text");
}
