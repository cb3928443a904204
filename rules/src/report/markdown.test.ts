import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { initTestEngine } from "../testing";
import type { Verdict } from "../types";
import { renderHtml } from "./html";
import { renderMarkdown } from "./markdown";
import { PROTOTYPE, READY, reportOf } from "./testReports";

describe("Markdown and HTML reports", () => {
  before(initTestEngine);

  it("Markdown: summary, factors, top problems, a row per model call, findings by file", () => {
    const report = reportOf("/w/app", { "app/a.py": PROTOTYPE, "app/b.py": READY });
    const md = renderMarkdown([report], { subtitle: "made today" });
    assert.match(md, /^# AI Readiness report\n\n_made today_\n/);
    assert.match(md, /\*\*Overall readiness: \d+%\*\*/);
    assert.match(md, /^\| Compute \| 50% \| 1 of 2 \| 1 \|$/m);
    assert.match(md, /^1\. `[a-z-]+` \(\w+, warning\): /m);
    const rows = md.split("\n").filter((l) => /^\| app\/[ab]\.py:\d+ \|/.test(l));
    assert.equal(rows.length, 2);
    // One mark per check, in the engine's order, as the engine judged the call.
    const marks = (Object.values(report.callSites[0].checks) as Verdict[]).map((v) => ({ pass: "✓", fail: "✗", unknown: "?" })[v]);
    assert.equal(rows[0], `| app/a.py:8 | openai | \`chat.completions.create\` | \`gpt-4o-mini\` | ${marks.join(" | ")} |`);
    assert.ok(marks.filter((m) => m === "✗").length >= 6, "a prototype call fails most checks");
    assert.match(md, /^### app\/a\.py\n\n- 8:16 \*\*warning\*\* `missing-output-limit`: /m);
    assert.equal(md.split("\n").filter((l) => l.startsWith("- ")).length, report.files.flatMap((f) => f.findings).length);
  });

  it("Markdown: folder names before paths when there are several folders; table cells stay cells", () => {
    const md = renderMarkdown([reportOf("/w/one", { "a.py": PROTOTYPE }), reportOf("/w/two", { "a|b.py": PROTOTYPE })]);
    assert.match(md, /^### one\/a\.py$/m);
    assert.match(md, /^\| two\/a\\\|b\.py:8 \|/m);
  });

  it("Markdown: a clean workspace says so", () => {
    const md = renderMarkdown([reportOf("/w", { "a.py": "x = 1\n" })]);
    assert.match(md, /\*\*Overall readiness: –\*\* · 0 findings/);
    assert.match(md, /^No findings\.$/m);
    assert.doesNotMatch(md, /## Model calls/);
  });

  it("HTML: self-contained, no script, no remote resource, text escaped", () => {
    const report = reportOf("/w", { "<b>.py": PROTOTYPE });
    const html = renderHtml([report], { subtitle: "<script>alert(1)</script>" });
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    assert.doesNotMatch(html, /<script|<link|<img|src=|https?:\/\//i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /<code>&lt;b&gt;\.py:8<\/code>/);
    assert.equal((html.match(/<li><code class="muted">/g) ?? []).length, report.files[0].findings.length);
    const fails = Object.values(report.callSites[0].checks).filter((v) => v === "fail").length;
    assert.ok(fails >= 6);
    assert.equal((html.match(/<td class="mark fail"/g) ?? []).length, fails);
    assert.match(html, /<div class="fill" style="width:0%"><\/div><\/div><strong>0%<\/strong>/);
  });

  it("HTML: messages keep their code spans", () => {
    const html = renderHtml([reportOf("/w", { "a.py": PROTOTYPE })]);
    assert.match(html, /<code>client\.chat\.completions\.create<\/code> has no timeout/);
  });
});
