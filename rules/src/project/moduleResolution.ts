/**
 * Which project file an import names, over the set of files the host knows (no file system):
 * Python dotted modules (absolute from any folder above the importer, or relative with dots),
 * JS/TS relative paths and `tsconfig.json` path aliases (`@/lib/ai`). Packages outside the
 * project resolve to nothing.
 */
import type { LanguageId } from "../types";

/** A tsconfig's `compilerOptions.paths`, already made absolute: `@/*` → [`/repo/src/*`]. */
export interface PathAliases {
  /** The folder the tsconfig governs. */
  folder: string;
  paths: Record<string, string[]>;
}

const JS_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

export class ModuleResolver {
  constructor(
    /** Every known source file, absolute, with `/` separators. */
    private readonly files: ReadonlySet<string>,
    private readonly aliases: PathAliases[] = [],
  ) {}

  resolve(fromPath: string, specifier: string, language: LanguageId): string | null {
    return language === "python" ? this.resolvePython(fromPath, specifier) : this.resolveScript(fromPath, specifier);
  }

  private resolvePython(fromPath: string, module: string): string | null {
    const dots = /^\.*/.exec(module)![0].length;
    const parts = module.slice(dots).split(".").filter(Boolean);
    const folders: string[] = [];
    if (dots > 0) folders.push(up(dirname(fromPath), dots - 1));
    else for (let dir = dirname(fromPath); ; dir = dirname(dir)) {
      folders.push(dir);
      if (dirname(dir) === dir) break;
    }
    for (const folder of folders) {
      const base = [folder, ...parts].join("/").replace(/\/+/g, "/");
      for (const candidate of [`${base}.py`, `${base}/__init__.py`]) if (this.files.has(candidate)) return candidate;
    }
    return null;
  }

  private resolveScript(fromPath: string, specifier: string): string | null {
    if (specifier.startsWith(".")) return this.withExtensions(normalize(`${dirname(fromPath)}/${specifier}`));
    const governing = this.aliases.filter((a) => fromPath.startsWith(`${a.folder}/`)).sort((a, b) => b.folder.length - a.folder.length)[0];
    for (const [pattern, targets] of Object.entries(governing?.paths ?? {})) {
      const star = pattern.indexOf("*");
      const prefix = star < 0 ? pattern : pattern.slice(0, star);
      const suffix = star < 0 ? "" : pattern.slice(star + 1);
      if (!(star < 0 ? specifier === pattern : specifier.startsWith(prefix) && specifier.endsWith(suffix))) continue;
      const matched = star < 0 ? "" : specifier.slice(prefix.length, specifier.length - suffix.length);
      for (const target of targets) {
        const found = this.withExtensions(normalize(target.replace("*", matched)));
        if (found) return found;
      }
    }
    return null;
  }

  /** `lib/ai` → `lib/ai.ts`, `lib/ai/index.ts`…; an import written with `.js` may name a `.ts` file. */
  private withExtensions(base: string): string | null {
    const stem = base.replace(/\.(js|jsx|mjs|cjs)$/, "");
    for (const candidate of [base, ...JS_EXTENSIONS.map((e) => stem + e), ...JS_EXTENSIONS.map((e) => `${base}/index${e}`)]) {
      if (this.files.has(candidate)) return candidate;
    }
    return null;
  }
}

/** `compilerOptions.paths` of a tsconfig, relative to its `baseUrl` (or its folder), made absolute. */
export function pathAliasesOf(tsconfigFolder: string, compilerOptions: { baseUrl?: unknown; paths?: unknown }): PathAliases | null {
  if (!compilerOptions.paths || typeof compilerOptions.paths !== "object") return null;
  const base = normalize(`${tsconfigFolder}/${typeof compilerOptions.baseUrl === "string" ? compilerOptions.baseUrl : "."}`);
  const paths: Record<string, string[]> = {};
  for (const [pattern, targets] of Object.entries(compilerOptions.paths as Record<string, unknown>)) {
    if (Array.isArray(targets)) paths[pattern] = targets.filter((t): t is string => typeof t === "string").map((t) => normalize(`${base}/${t}`));
  }
  return { folder: tsconfigFolder, paths };
}

function dirname(path: string): string {
  const at = path.lastIndexOf("/");
  return at < 0 ? path : at === 0 ? "/" : path.slice(0, at);
}

function up(folder: string, levels: number): string {
  let dir = folder;
  for (let i = 0; i < levels; i++) dir = dirname(dir);
  return dir;
}

/** Resolves `.` and `..` segments of a `/`-separated path. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return `${path.startsWith("/") ? "/" : ""}${out.join("/")}`;
}
