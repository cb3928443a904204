import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FACTORS, type Factor, type Severity } from "../types";
import type { Report, ReportFinding } from "./json";
import { renderText } from "./text";

const KEY = "sk-proj-4fT9kQ2mZx7LwR8vB3nY6cJ1hD5gK0pA";

function finding(rule: string, factor: Factor, severity: Severity, [line, column, endLine, endColumn]: number[], safety: "safe" | "unsafe" | null = null): ReportFinding {
  return {
    rule,
    factor,
    severity,
    message: `message of ${rule}`,
    range: { start: { line, column }, end: { line: endLine, column: endColumn } },
    related: [],
    fingerprint: "f",
    fix: safety && { title: "fix it", safety, edits: [] },
  };
}

function report(files: Report["files"], scores: Partial<Record<Factor, number>> = {}, callSites = 1): Report {
  return {
    version: 1,
    tool: { name: "ai-readiness", version: "0.1.0" },
    root: "/project",
    files,
    callSites: Array.from({ length: callSites }, () => ({}) as Report["callSites"][number]),
    scores: Object.fromEntries(FACTORS.map((f) => [f, scores[f] ?? null])) as Report["scores"],
    skipped: [],
    stats: { files: 3, skipped: 0, ms: 1 },
  };
}

const APP = [
  "from openai import OpenAI",
  `client = OpenAI(api_key="${KEY}")`,
  "",
  "def ask(messages):",
  "    response = client.chat.completions.create(",
  '        model="gpt-4o-mini", messages=messages)',
  "    return response",
].join("\n");

const appReport = report(
  [
    {
      path: "app/chat.py",
      language: "python",
      findings: [
        finding("hardcoded-api-key", "security", "error", [2, 25, 2, 25 + KEY.length + 2]),
        finding("missing-timeout", "compute", "warning", [5, 16, 6, 48], "unsafe"),
        finding("usage-not-recorded", "cost", "warning", [5, 16, 6, 48], "safe"),
      ],
    },
  ],
  { compute: 0, observability: 1, cost: 0.5, compliance: 1 },
);

const render = (r: Report, source?: string, color = false) => renderText(r, { color, source: source === undefined ? undefined : () => source });

describe("renderText", () => {
  it("heads each finding with path:line:col, severity, message and rule, then a code frame", () => {
    const out = render(appReport, APP);
    assert.ok(
      out.startsWith(
        [
          "app/chat.py:2:25: error: message of hardcoded-api-key [hardcoded-api-key]",
          "    1 | from openai import OpenAI",
          `  > 2 | client = OpenAI(api_key="sk-proj-${"*".repeat(KEY.length - 8)}")`,
          `      |                         ${"^".repeat(KEY.length + 2)}`,
          "    3 |",
          "",
          "app/chat.py:5:16: warning: message of missing-timeout [missing-timeout]",
          "app/chat.py:5:16: warning: message of usage-not-recorded [usage-not-recorded]",
          "    4 | def ask(messages):",
          "  > 5 |     response = client.chat.completions.create(",
          "      |                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
          '    6 |         model="gpt-4o-mini", messages=messages)',
          "",
        ].join("\n"),
      ),
      out,
    );
  });

  it("never prints a key, even on a context line or with its finding filtered out", () => {
    assert.ok(!render(appReport, APP).includes(KEY.slice(8)));
    const withoutKeyFinding = report([{ path: "app/chat.py", language: "python", findings: [finding("missing-timeout", "compute", "warning", [1, 1, 1, 5])] }]);
    const out = render(withoutKeyFinding, APP);
    assert.match(out, /> 1 \| from openai/);
    assert.match(out, /2 \| client = OpenAI\(api_key="sk-proj-\*+"\)/);
    assert.ok(!out.includes(KEY.slice(8)));
  });

  it("masks a secret-looking string given to a credential, whatever the rules selected", () => {
    const source = 'client = OpenAI(api_key="a1B2c3D4e5F6g7H8", timeout=None)\nheaders = { apiKey: "local" }\n';
    const out = render(report([{ path: "c.py", language: "python", findings: [finding("missing-timeout", "compute", "warning", [1, 10, 1, 16])] }]), source);
    assert.ok(!out.includes("a1B2c3D4e5F6g7H8"), out);
    assert.match(out, /> 1 \| client = OpenAI\(api_key="\*{16}", timeout=None\)/);
    assert.match(out, /2 \| headers = \{ apiKey: "local" \}/, "a placeholder is no secret");
  });

  it("shows no frame when the source is not at hand, or the line is gone", () => {
    const out = render(appReport);
    assert.ok(!out.includes(" | "));
    assert.match(out, /^app\/chat\.py:2:25: error: /);
    assert.ok(!render(appReport, "one line only").includes("> 5 |"));
  });

  it("keeps tabs under the code and cuts very long lines to a window around the finding", () => {
    const tabbed = render(report([{ path: "a.py", language: "python", findings: [finding("missing-timeout", "compute", "warning", [1, 3, 1, 7])] }]), "\t\tcall()\r\nnext\r\n");
    assert.match(tabbed, /> 1 \| \t\tcall\(\)\n {6}\| \t\t\^\^\^\^\n/);
    assert.ok(!tabbed.includes("\r"));

    const long = `${"x".repeat(1000)}CALL()${"y".repeat(1000)}`;
    const out = render(report([{ path: "min.js", language: "javascript", findings: [finding("missing-timeout", "compute", "warning", [1, 1001, 1, 1007])] }]), long);
    const [code, carets] = out.split("\n").slice(1, 3);
    assert.ok(code.length < 200, `a window, not the whole line: ${code.length}`);
    assert.ok(code.includes("…") && code.endsWith("…"));
    const at = carets.indexOf("^");
    assert.equal(code.slice(at, at + 6), "CALL()");
    assert.equal(carets.slice(at), "^^^^^^");
  });

  it("ends with the problem count and a line per readiness factor", () => {
    const out = render(appReport, APP);
    const tail = out.slice(out.indexOf("✖"));
    assert.equal(
      tail,
      [
        "✖ 3 problems (1 error, 2 warnings) in 3 files, 1 model call",
        "  1 fixable with `--fix` (safe fixes only)",
        "",
        "Readiness by factor (share of model calls that pass its checks):",
        "  compute          0%  1 warning (missing-timeout)",
        "  observability  100%",
        "  security         –   1 error (hardcoded-api-key)",
        "  cost            50%  1 warning (usage-not-recorded)",
        "  compliance     100%",
        "",
      ].join("\n"),
    );
  });

  it("says so when there is nothing to report, and lists skipped files", () => {
    const clean = { ...report([], { compute: 1 }, 2), skipped: [{ path: "big.py", reason: "too large" }] };
    const out = render(clean);
    assert.match(out, /^skipped big\.py: too large\n\n✔ No problems in 3 files \(2 model calls\)\n/);
    assert.match(out, /compute +100%/);
  });

  it("colors only when asked", () => {
    assert.ok(!render(appReport, APP, false).includes("\u001b["));
    const colored = render(appReport, APP, true);
    assert.ok(colored.includes("\u001b[31merror\u001b[0m"), "errors in red");
    assert.ok(colored.includes("\u001b[33mwarning\u001b[0m"), "warnings in yellow");
    assert.ok(colored.includes("\u001b[31m^^^"), "carets in the severity's color");
  });
});
