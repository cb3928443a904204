/**
 * Finds the `ai-readiness.json` that applies to a file: the nearest one in its folder or
 * above. Reads go through the function it is given (the engine does no I/O of its own), and
 * answers are cached per folder until `forget` is called for a config file that changed.
 */
import { CONFIG_FILE_NAME, parseProjectConfig, type ProjectConfig } from "../config/configFile";
import { RULES } from "../rules/registry";

export interface LocatedConfig {
  /** The config file's path; its folder is where its patterns are relative to. */
  path: string;
  folder: string;
  config: ProjectConfig;
}

export interface PathFunctions {
  join(...parts: string[]): string;
  dirname(path: string): string;
}

export class ConfigLocator {
  /** Folder → the config that applies there (null: none up to the root). */
  private readonly byFolder = new Map<string, Promise<LocatedConfig | null>>();

  constructor(
    private readonly readFile: (path: string) => Promise<string | null>,
    private readonly paths: PathFunctions,
  ) {}

  /** The config for a file, searching from its folder up to the file system's root. */
  forFile(filePath: string): Promise<LocatedConfig | null> {
    return this.forFolder(this.paths.dirname(filePath));
  }

  forFolder(folder: string): Promise<LocatedConfig | null> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.lookUp(folder);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  /** Drops every cached answer (a config file was created, changed or deleted). */
  forget(): void {
    this.byFolder.clear();
  }

  private async lookUp(folder: string): Promise<LocatedConfig | null> {
    const path = this.paths.join(folder, CONFIG_FILE_NAME);
    const text = await this.readFile(path);
    if (text !== null) return { path, folder, config: parseProjectConfig(text, RULES) };
    const parent = this.paths.dirname(folder);
    return parent === folder ? null : this.forFolder(parent);
  }
}

/** A config read from an explicit path (`--config`), patterns relative to its folder. */
export function configAt(path: string, text: string, paths: PathFunctions): LocatedConfig {
  return { path, folder: paths.dirname(path), config: parseProjectConfig(text, RULES) };
}
