/** The names a file imports, and where a new import goes. Filled by each language adapter. */
import { SANITIZER_IMPORTS } from "./sinkCatalogue";

export interface ImportedName {
  /** The module it comes from (`openai`, `@anthropic-ai/sdk`, `langfuse.openai`). */
  module: string;
  /** The imported member; null for the module itself (`import openai`, `import * as ai`), `default` for a JS default import. */
  name: string | null;
}

export class ImportTable {
  readonly names = new Map<string, ImportedName>();
  /** Offset where a new import line goes (the start of a line). */
  insertAt = 0;

  add(local: string, module: string, name: string | null): void {
    this.names.set(local, { module, name });
  }

  /** Every identifier the imports bind (`import a.b` binds `a` and reaches `a.b`). */
  localNames(): string[] {
    return [...this.names.keys()].flatMap((local) => local.split("."));
  }

  get(local: string): ImportedName | undefined {
    return this.names.get(local);
  }

  /** The call a fix uses to sanitize HTML, when the file imports a sanitizer library. */
  sanitizerCall(): string | undefined {
    for (const [local, imported] of this.names) {
      const known = SANITIZER_IMPORTS.find((s) => s.module === imported.module && s.name === imported.name);
      if (known) return known.call(local);
    }
    return undefined;
  }

  /** Any import from `module` or one of its submodules. */
  importsFrom(modules: string[]): boolean {
    for (const { module } of this.names.values()) {
      if (modules.some((m) => module === m || module.startsWith(`${m}.`) || module.startsWith(`${m}/`))) return true;
    }
    return false;
  }
}
