/**
 * Where model output must not go unchecked, as data: code execution, shells, SQL and HTML
 * sinks per language, and the sanitizers that make HTML safe. Adding a sink is an entry here.
 */
import type { SinkKind } from "./facts";

export interface SinkEntry {
  kind: SinkKind;
  /** The callee as written, with the module alias resolved (`subprocess.run`, `child_process.exec`). */
  callee: RegExp;
  /** Which argument carries the payload; negative counts from the end. */
  argument: number;
  /** A keyword/option that must be set for the call to be a sink (`shell=True`). */
  requires?: { name: string; literal: true };
}

export const PYTHON_SINKS: SinkEntry[] = [
  { kind: "code", callee: /^(eval|exec|compile|builtins\.(eval|exec))$/, argument: 0 },
  { kind: "code", callee: /^(flask\.)?render_template_string$/, argument: 0 },
  { kind: "shell", callee: /^os\.(system|popen)$/, argument: 0 },
  { kind: "shell", callee: /^subprocess\.(getoutput|getstatusoutput)$/, argument: 0 },
  { kind: "shell", callee: /^subprocess\.(run|call|check_call|check_output|Popen)$/, argument: 0, requires: { name: "shell", literal: true } },
  { kind: "html", callee: /^(markupsafe\.|flask\.)?Markup$|^(django\.utils\.safestring\.)?mark_safe$/, argument: 0 },
  { kind: "html", callee: /^(st|streamlit)\.(markdown|write)$/, argument: 0, requires: { name: "unsafe_allow_html", literal: true } },
  { kind: "html", callee: /^(st|streamlit)\.html$|^components\.html$/, argument: 0 },
];

export const JS_SINKS: SinkEntry[] = [
  { kind: "code", callee: /^(eval|window\.eval|globalThis\.eval)$/, argument: 0 },
  // `new Function("a", "b", body)`: the body is the last argument.
  { kind: "code", callee: /^Function$/, argument: -1 },
  { kind: "code", callee: /^(vm\.)?(runInNewContext|runInThisContext|runInContext|compileFunction)$|^(vm\.)?Script$/, argument: 0 },
  { kind: "shell", callee: /^((child_process|cp|childProcess)\.)?(exec|execSync)$/, argument: 0 },
  { kind: "shell", callee: /^((child_process|cp|childProcess)\.)?(spawn|spawnSync|execFile|execFileSync)$/, argument: 0, requires: { name: "shell", literal: true } },
  { kind: "html", callee: /^document\.(write|writeln)$/, argument: 0 },
  { kind: "html", callee: /\.insertAdjacentHTML$/, argument: 1 },
];

/** The last names of every sink above and of the SQL methods: a cheap first look before resolving a callee. */
export const SINK_LAST_NAME = /(^|\.)(eval|exec|compile|render_template_string|system|popen|getoutput|getstatusoutput|run|call|check_call|check_output|Popen|Markup|mark_safe|markdown|write|writeln|html|Function|runInNewContext|runInThisContext|runInContext|compileFunction|Script|execSync|spawn|spawnSync|execFile|execFileSync|insertAdjacentHTML|execute|executemany|executescript|query|raw|\$queryRawUnsafe|\$executeRawUnsafe|unsafe)$/;

/** Properties whose assignment renders HTML. */
export const HTML_PROPERTIES = ["innerHTML", "outerHTML"];

/** Receivers that look like a database handle, so `.execute(…)`/`.query(…)` is SQL. */
export const SQL_RECEIVER = /(^|\.)(cursor|cur|conn|connection|db|database|session|engine|pool|client|sql|knex|prisma|pg|mysql|sqlite\w*|tx|trx|transaction)$/i;
export const SQL_METHODS = ["execute", "executemany", "executescript", "query", "raw", "$queryRawUnsafe", "$executeRawUnsafe", "unsafe", "exec"];

/** Calls that make HTML safe to render, and escapes that make text inert. */
export const SANITIZERS = /\b(DOMPurify\.sanitize|purify\.sanitize|sanitizeHtml|sanitize_html|sanitize|bleach\.clean|bleach\.linkify|nh3\.clean|escape|html\.escape|markupsafe\.escape|escapeHtml|he\.encode|xss|filterXSS|shlex\.quote|quote)\s*\(/;

/** Sanitizer libraries a fix may call, when the file imports them: module, imported name, how to call it. */
export const SANITIZER_IMPORTS: { module: string; name: string | null; call: (local: string) => string }[] = [
  { module: "bleach", name: null, call: (local) => `${local}.clean` },
  { module: "nh3", name: null, call: (local) => `${local}.clean` },
  { module: "dompurify", name: "default", call: (local) => `${local}.sanitize` },
  { module: "isomorphic-dompurify", name: "default", call: (local) => `${local}.sanitize` },
  { module: "sanitize-html", name: "default", call: (local) => local },
];
