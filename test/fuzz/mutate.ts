/**
 * Turns a valid seed file into a broken one: truncations, deleted and duplicated spans,
 * flipped bytes, unbalanced brackets and quotes, invalid UTF-8, NUL bytes, a BOM, CRLF and
 * lone CR line breaks, emoji and CJK in strings, 10,000-deep nesting, a 20 MB line, a
 * 50 MB file, binary content. Each case is a pure function of (seed, index).
 */
import type { LanguageId } from "../../rules/src/index";
import type { SeedFile } from "./corpus";
import { Random } from "./random";

export interface FuzzCase {
  index: number;
  seed: SeedFile;
  language: LanguageId;
  text: string;
  /** What was done to the seed, for the report of a failure. */
  steps: string[];
}

type Mutation = (text: string, r: Random, language: LanguageId) => string;

const TOKENS = [
  "(", ")", "[", "]", "{", "}", '"', "'", "`", '"""', "'''", "${", "\\", ":", ";", ",", "=>", "->", "\n", "\t", "    ",
  "client.chat.completions.create(", "JSON.parse(", "json.loads(", "await ", "async ", "try:", "except", "try {", "} catch (e) {",
  "def ", "class ", "function ", "import ", "from openai import OpenAI\n", 'import OpenAI from "openai";\n', "new OpenAI(", "OpenAI(",
  'api_key="sk-proj-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef"', "timeout=", "max_tokens=", "model=", "lambda ", "yield ", "@", "#", "//", "/*", "*/",
  "<div>", "</div>", "<>", "</>", "if ", "else", "elif ", "for ", "while ", "return ", "f\"{", "r'", "b'", "0x", "1e308", "NaN",
];
const EXOTIC = ["😀", "🧪👩‍💻", "中文字符", "日本語", "한국어", "\u200b", "\u202e", "\ufeff", "é", "\u0301", "\u2028", "\u2029", "\ud800", "\udfff", "\u0000", "\r", "\r\n", "\x1b[31m"];

function at(text: string, r: Random): number {
  return r.int(text.length + 1);
}

function span(text: string, r: Random): [number, number] {
  const start = at(text, r);
  const length = r.chance(0.7) ? r.int(20) : r.int(Math.max(1, text.length - start + 1));
  return [start, Math.min(text.length, start + length)];
}

function insert(text: string, offset: number, piece: string): string {
  return text.slice(0, offset) + piece + text.slice(offset);
}

/** Byte-level changes: the text is written as UTF-8, changed, and read back as a file would be. */
function bytes(change: (b: Buffer, r: Random) => Buffer): Mutation {
  return (text, r) => change(Buffer.from(text, "utf8"), r).toString("utf8");
}

function deepNesting(depth: number, language: LanguageId, r: Random): string {
  const python = language === "python";
  const call = python ? "client.chat.completions.create(model='m', messages=[])" : "client.chat.completions.create({ model: 'm', messages: [] })";
  const forms: (() => string)[] = [
    () => "x = " + "(".repeat(depth) + call + ")".repeat(depth) + "\n",
    () => "x = " + "[".repeat(depth) + call + "\n",
    () => (python ? "x = " + "{'a': ".repeat(depth) + call + "}".repeat(depth) : "const x = " + "{ a: ".repeat(depth) + call + " }".repeat(depth)) + "\n",
    () => (python ? "x = " : "const x = ") + "f(".repeat(depth) + call + ")".repeat(depth) + "\n",
    () => (python ? "x = " : "const x = ") + "a + ".repeat(depth) + call + "\n",
    () => (python ? "x = " + "a if b else ".repeat(depth) : "const x = " + "a ? b : ".repeat(depth)) + call + "\n",
    () => (python ? "x = " + "lambda: ".repeat(depth) : "const x = " + "() => ".repeat(depth)) + call + "\n",
    () => (python ? "x = " : "const x = ") + "json.loads(".repeat(depth) + call + ")".repeat(depth) + "\n",
    () => (python ? "x = client" : "const x = client") + ".a".repeat(depth) + "\n",
    () => (python ? "if a:\n    pass\n" + "elif a:\n    pass\n".repeat(depth) : "if (a) {}" + " else if (a) {}".repeat(depth) + "\n"),
    // Indentation one space per level: `depth` levels would be tens of MB, so a few thousand.
    () => (python ? Array.from({ length: depth / 5 }, (_, i) => " ".repeat(i) + "if x:\n").join("") : "{".repeat(depth)) + call + "\n",
    () => (python ? "def f():\n" : "function f() {\n").repeat(depth) + call + "\n",
  ];
  return r.pick(forms)();
}

const MUTATIONS: Record<string, Mutation> = {
  truncate: (t, r) => t.slice(0, at(t, r)),
  deleteSpan: (t, r) => {
    const [s, e] = span(t, r);
    return t.slice(0, s) + t.slice(e);
  },
  duplicateSpan: (t, r) => {
    const [s, e] = span(t, r);
    return insert(t, at(t, r), t.slice(s, e));
  },
  flipBytes: bytes((b, r) => {
    for (let n = 1 + r.int(8); n > 0 && b.length > 0; n--) b[r.int(b.length)] ^= 1 << r.int(8);
    return b;
  }),
  unbalanced: (t, r) => {
    let out = t;
    for (let n = 1 + r.int(6); n > 0; n--) out = insert(out, at(out, r), r.pick(["(", ")", "[", "]", "{", "}", '"', "'", "`", '"""', "'''", "/*", "${"]));
    return out;
  },
  token: (t, r) => {
    let out = t;
    for (let n = 1 + r.int(5); n > 0; n--) out = insert(out, at(out, r), r.pick(TOKENS));
    return out;
  },
  invalidUtf8: bytes((b, r) => {
    const bad = [Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]), Buffer.from([0x80, 0x80])];
    const offset = r.int(b.length + 1);
    return Buffer.concat([b.subarray(0, offset), r.pick(bad), b.subarray(offset)]);
  }),
  nul: (t, r) => insert(t, at(t, r), "\0".repeat(1 + r.int(3))),
  bom: (t) => "\ufeff" + t,
  crlf: (t) => t.replace(/\r?\n/g, "\r\n"),
  loneCr: (t, r) => (r.chance(0.5) ? t.replace(/\r?\n/g, "\r") : t.replace(/\n/g, (m) => (r.chance(0.3) ? "\r" : m))),
  exoticInStrings: (t, r) => {
    const quotes = [...t.matchAll(/["'`]/g)].map((m) => m.index!);
    let out = t;
    for (let n = 1 + r.int(4); n > 0; n--) {
      const offset = quotes.length > 0 && r.chance(0.8) ? r.pick(quotes) + 1 : at(out, r);
      out = insert(out, Math.min(offset, out.length), r.pick(EXOTIC));
    }
    return out;
  },
  crossover: (t) => t, // replaced in `mutate` (needs the other seeds)
};

const HUGE = {
  /** 20 MB on a single line. */
  longLine: (language: LanguageId) => (language === "python" ? "x = '" : "const x = '") + "a".repeat(20 * 1024 * 1024) + "'",
  /** 50 MB of ordinary lines. */
  fiftyMegabytes: (_: LanguageId, seedText: string) => seedText.repeat(Math.ceil((50 * 1024 * 1024) / Math.max(1, seedText.length))),
  binary: (_: LanguageId, __: string, r: Random) => {
    const b = Buffer.alloc(1024 + r.int(64 * 1024));
    for (let i = 0; i < b.length; i++) b[i] = r.int(256);
    return b.toString("utf8");
  },
};

export function makeCase(seed: number, index: number, seeds: SeedFile[]): FuzzCase {
  const r = Random.forCase(seed, index);
  const base = r.pick(seeds);
  const language = base.language;
  const steps: string[] = [`seed ${base.name}`];
  // A few heavy cases, always at the same places so a short run still has each kind.
  const heavy = index % 100 === 37 ? r.pick(["longLine", "fiftyMegabytes", "binary", "deep", "deep"] as const) : null;
  if (heavy === "deep") {
    const depth = 10_000;
    steps.push(`nest ${depth} deep`);
    return { index, seed: base, language, text: insert(base.text, r.chance(0.5) ? base.text.length : r.int(base.text.length + 1), deepNesting(depth, language, r)), steps };
  }
  if (heavy) {
    steps.push(heavy);
    return { index, seed: base, language, text: HUGE[heavy](language, base.text, r), steps };
  }
  let text = base.text;
  const names = Object.keys(MUTATIONS);
  for (let n = 1 + r.int(4); n > 0; n--) {
    const name = r.pick(names);
    if (name === "crossover") {
      const other = r.pick(seeds).text;
      const cut = at(text, r);
      text = text.slice(0, cut) + other.slice(r.int(other.length + 1));
    } else text = MUTATIONS[name](text, r, language);
    steps.push(name);
  }
  if (r.chance(0.05)) {
    // Around the budget's limits (256 brackets, a tree 1,000 deep), on both sides.
    const depth = 100 + r.int(1100);
    steps.push(`nest ${depth} deep`);
    text = insert(text, at(text, r), deepNesting(depth, language, r));
  }
  return { index, seed: base, language, text, steps };
}
