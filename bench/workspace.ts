/**
 * A synthetic repository for the workspace-scan benchmark: a Python backend and a TypeScript
 * front end of packages that import each other, as a service monorepo looks. Seeded, so every
 * run writes the same bytes. `aiShare` is the share of files that hold model calls (one to
 * four calls among their plain code, with the SDK imports and clients at the top); the rest
 * is ordinary code that the engine's text prefilter should let through unparsed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pick, prng } from "./common";
import { PY_HEADER, PY_MODEL_BLOCKS, TS_HEADER, TS_MODEL_BLOCKS, type Block } from "./generate";

export interface WorkspaceOptions {
  files: number;
  /** 0 to 1: the share of files with model calls. */
  aiShare: number;
  seed: number;
}

export interface GeneratedWorkspace {
  files: number;
  aiFiles: number;
  lines: number;
  bytes: number;
  python: string[];
  typescript: string[];
}

const PY_PACKAGES = ["api", "services", "models", "db", "auth", "billing", "search", "notifications", "workers", "utils", "reports", "integrations"];
const TS_AREAS = ["components", "hooks", "lib", "api", "store", "pages", "utils", "services", "types", "features"];
const NOUNS = ["user", "order", "invoice", "account", "session", "document", "report", "payment", "project", "ticket", "message", "team", "event", "profile", "upload", "audit"];
const VERBS = ["load", "save", "update", "list", "find", "build", "render", "format", "parse", "merge", "sync", "check", "compute", "export"];

const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo));
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const word = (r: () => number) => `${pick(r, VERBS)}_${pick(r, NOUNS)}`;
const camel = (r: () => number) => `${pick(r, VERBS)}${cap(pick(r, NOUNS))}`;

const PY_PLAIN: Block[] = [
  (i, r) => `
@dataclass
class ${cap(pick(r, NOUNS))}Record${i}:
    id: int
    name: str
    created_at: datetime
    tags: list[str] = field(default_factory=list)
    active: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "created": self.created_at.isoformat(), "tags": list(self.tags)}
`,
  (i, r) => `
def ${word(r)}_${i}(session: Session, owner_id: int, limit: int = ${int(r, 10, 200)}) -> list[dict[str, Any]]:
    """Rows of the owner, newest first."""
    rows = session.execute(
        select(Record).where(Record.owner_id == owner_id).order_by(Record.created_at.desc()).limit(limit)
    ).scalars()
    result = []
    for row in rows:
        if row.deleted_at is not None:
            continue
        result.append({"id": row.id, "name": row.name, "size": row.size})
    logger.debug("loaded %d rows for %s", len(result), owner_id)
    return result
`,
  (i, r) => `
class ${cap(pick(r, NOUNS))}Service${i}:
    def __init__(self, repository: Repository, cache: Cache | None = None) -> None:
        self.repository = repository
        self.cache = cache or {}

    def get(self, key: str) -> dict | None:
        if key in self.cache:
            return self.cache[key]
        value = self.repository.fetch(key)
        if value is not None:
            self.cache[key] = value
        return value

    def invalidate(self, key: str) -> None:
        self.cache.pop(key, None)
        self.repository.touch(key, at=datetime.now(timezone.utc))
`,
  (i, r) => `
async def ${word(r)}_${i}(client: httpx.AsyncClient, url: str, retries: int = ${int(r, 1, 5)}) -> dict[str, Any]:
    for attempt in range(retries):
        try:
            response = await client.get(url, timeout=${int(r, 2, 30)}.0)
            response.raise_for_status()
            return response.json()
        except httpx.HTTPError as error:
            logger.warning("attempt %d for %s failed: %s", attempt + 1, url, error)
            await asyncio.sleep(2**attempt)
    raise RuntimeError(f"giving up on {url}")
`,
  (i, r) => `
def validate_${pick(r, NOUNS)}_${i}(payload: dict[str, Any]) -> list[str]:
    errors: list[str] = []
    if not payload.get("name"):
        errors.append("name is required")
    if len(payload.get("name", "")) > ${int(r, 40, 255)}:
        errors.append("name is too long")
    email = payload.get("email", "")
    if email and "@" not in email:
        errors.append("email is not valid")
    amount = payload.get("amount", 0)
    if not isinstance(amount, (int, float)) or amount < 0:
        errors.append("amount must be a positive number")
    return errors
`,
  (i, r) => `
SETTINGS_${i} = {
    "page_size": ${int(r, 10, 100)},
    "max_upload_mb": ${int(r, 1, 50)},
    "region": "${pick(r, ["eu-west-1", "us-east-1", "ap-south-1"])}",
    "retry_backoff": ${r().toFixed(2)},
}


def setting_${i}(name: str, default: Any = None) -> Any:
    return os.environ.get(f"APP_{name.upper()}", SETTINGS_${i}.get(name, default))
`,
];

const TS_PLAIN: Block[] = [
  (i, r) => `
export interface ${cap(pick(r, NOUNS))}${i} {
  id: string;
  name: string;
  createdAt: Date;
  tags: string[];
  owner?: { id: string; email: string };
}
`,
  (i, r) => `
export async function ${camel(r)}${i}(id: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const response = await fetch(\`/api/${pick(r, NOUNS)}s/\${encodeURIComponent(id)}\`, { signal });
  if (!response.ok) {
    throw new Error(\`request failed: \${response.status}\`);
  }
  const body = (await response.json()) as Record<string, unknown>;
  return { ...body, fetchedAt: Date.now() };
}
`,
  (i, r) => `
export class ${cap(pick(r, NOUNS))}Store${i} {
  private readonly items = new Map<string, { value: unknown; expires: number }>();

  constructor(private readonly ttlMs = ${int(r, 1, 60) * 1000}) {}

  get(key: string): unknown {
    const entry = this.items.get(key);
    if (!entry || entry.expires < Date.now()) {
      this.items.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: unknown): void {
    this.items.set(key, { value, expires: Date.now() + this.ttlMs });
  }
}
`,
  (i, r) => `
export function ${camel(r)}${i}(rows: Array<{ id: string; amount: number; day: string }>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) {
    if (row.amount <= 0) continue;
    totals.set(row.day, (totals.get(row.day) ?? 0) + row.amount);
  }
  return new Map([...totals].sort(([a], [b]) => a.localeCompare(b)).slice(0, ${int(r, 7, 90)}));
}
`,
  (i, r) => `
export const ${pick(r, NOUNS)}Config${i} = {
  pageSize: ${int(r, 10, 100)},
  region: "${pick(r, ["eu-west-1", "us-east-1", "ap-south-1"])}",
  features: { search: ${r() < 0.5}, export: ${r() < 0.5}, audit: true },
  retry: { attempts: ${int(r, 1, 5)}, backoffMs: ${int(r, 1, 20) * 100} },
} as const;

export function validate${i}(input: { name?: string; email?: string }): string[] {
  const errors: string[] = [];
  if (!input.name) errors.push("name is required");
  if (input.email && !input.email.includes("@")) errors.push("email is not valid");
  return errors;
}
`,
];

/** Log-normal-ish sizes around 200 lines: many small modules, a few long ones. */
function fileLines(r: () => number): number {
  const u = Math.max(r(), 1e-9);
  return Math.min(1500, 30 + Math.floor(-Math.log(u) * 170));
}

function pythonFile(r: () => number, modules: string[], lines: number, calls: number): string {
  const out: string[] = ['"""Service module."""', "from __future__ import annotations", "", "import asyncio", "import logging", "import os"];
  out.push("from dataclasses import dataclass, field", "from datetime import datetime, timezone", "from typing import Any", "", "import httpx", "from sqlalchemy import select", "from sqlalchemy.orm import Session", "");
  for (let k = int(r, 1, 5); k > 0; k--) {
    const target = pick(r, modules).replace(/\//g, ".").replace(/\.py$/, "");
    out.push(`from ${target} import ${cap(pick(r, NOUNS))}, ${pick(r, VERBS)}_${pick(r, NOUNS)}`);
  }
  out.push("from app.db.base import Cache, Record, Repository", "");
  if (calls > 0) out.push(...PY_HEADER.split("\n").slice(1).filter((l) => !/^(import (json|logging|os)|logger =)/.test(l)), "import json");
  out.push("logger = logging.getLogger(__name__)", "");
  return fill(r, out, lines, calls, PY_PLAIN, PY_MODEL_BLOCKS);
}

function typescriptFile(r: () => number, modules: string[], lines: number, calls: number, self: string): string {
  const out: string[] = [];
  for (let k = int(r, 1, 5); k > 0; k--) {
    const target = pick(r, modules);
    if (target === self) continue;
    out.push(`import { ${camel(r)}, type ${cap(pick(r, NOUNS))} } from "${relativeImport(self, target)}";`);
  }
  out.push('import { z } from "zod";', "");
  if (calls > 0) out.push(...TS_HEADER.split("\n").slice(1));
  return fill(r, out, lines, calls, TS_PLAIN, TS_MODEL_BLOCKS);
}

/** Plain blocks up to `lines`, with `calls` model-call blocks spread among them. */
function fill(r: () => number, out: string[], lines: number, calls: number, plain: Block[], model: Block[]): string {
  let i = 0;
  let placed = 0;
  while (out.length < lines || placed < calls) {
    const due = placed < calls && (out.length >= lines || r() < (calls - placed) / Math.max(1, (lines - out.length) / 12));
    out.push(...(due ? pick(r, model) : pick(r, plain))(i++, r).split("\n").slice(0, -1));
    if (due) placed++;
  }
  return out.join("\n") + "\n";
}

function relativeImport(from: string, to: string): string {
  const up = from.split("/").length - 2; // src/<area>/<file>: up to src
  return `${up > 0 ? "../".repeat(up) : "./"}${to.replace(/^src\//, "").replace(/\.tsx?$/, "")}`;
}

/** Writes the workspace under `dir` (which must be empty): half Python, half TypeScript. */
export function generateWorkspace(dir: string, options: WorkspaceOptions): GeneratedWorkspace {
  const r = prng(options.seed);
  const pyCount = Math.floor(options.files / 2);
  const python = Array.from({ length: pyCount }, (_, i) => `app/${PY_PACKAGES[i % PY_PACKAGES.length]}/${pick(r, NOUNS)}_${i}.py`);
  const typescript = Array.from({ length: options.files - pyCount }, (_, i) => `src/${TS_AREAS[i % TS_AREAS.length]}/${camel(r)}${i}.${i % 10 === 0 ? "tsx" : "ts"}`);
  const summary: GeneratedWorkspace = { files: options.files, aiFiles: 0, lines: 0, bytes: 0, python: [], typescript: [] };
  const write = (rel: string, text: string) => {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    summary.lines += text.split("\n").length - 1;
    summary.bytes += Buffer.byteLength(text);
    return path;
  };
  for (const [index, rel] of [...python, ...typescript].entries()) {
    const isAi = r() < options.aiShare;
    const calls = isAi ? int(r, 1, 5) : 0;
    if (isAi) summary.aiFiles++;
    const lines = fileLines(r);
    if (index < python.length) summary.python.push(write(`backend/${rel}`, pythonFile(r, python, lines, calls)));
    else summary.typescript.push(write(`web/${rel}`, typescriptFile(r, typescript, lines, calls, rel)));
  }
  return summary;
}
