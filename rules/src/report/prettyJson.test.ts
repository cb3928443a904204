import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { initTestEngine } from "../testing";
import { JsonReportWriter, jsonPartText, reportPart, type Report, type ReportPart } from "./json";
import { PrettyJsonSkeleton, SLOT, nestedJson } from "./prettyJson";
import { PROTOTYPE, READY, reportOf } from "./testReports";

/** The report written by JsonReportWriter from `parts`, each as objects or as text. */
async function written(report: Report, parts: ReportPart[], asText: boolean): Promise<string> {
  const chunks: string[] = [];
  const writer = new JsonReportWriter((chunk) => void chunks.push(chunk));
  await writer.begin(report.root);
  for (const part of parts) await (asText ? writer.fileText(jsonPartText(part)) : writer.file(part));
  await writer.end({ scores: report.scores, skipped: report.skipped, stats: report.stats });
  return chunks.join("");
}

/** The report's parts, a file at a time, as the scan hands them to the writer. */
function partsOf(report: Report): ReportPart[] {
  const paths = [...new Set([...report.files.map((f) => f.path), ...report.callSites.map((s) => s.path)])];
  return paths.map((path) => ({ file: report.files.find((f) => f.path === path) ?? null, callSites: report.callSites.filter((s) => s.path === path) }));
}

describe("JSON report written a file at a time", () => {
  before(initTestEngine);

  it("is the text of JSON.stringify of the whole report, from objects or from text", async () => {
    const report = reportOf("/w/app", { "app/a.py": PROTOTYPE, "app/b.py": READY, "app/c.ts": 'import OpenAI from "openai";\nconst c = new OpenAI();\nawait c.chat.completions.create({ model: "gpt-4o", messages: [] });\n' });
    report.skipped.push({ path: "app/big.py", reason: 'too large ("quoted"\nand a line break)' });
    assert.ok(report.files.length >= 2 && report.callSites.length >= 3, "findings and call sites in several files");
    const whole = `${JSON.stringify(report, null, 2)}\n`;
    assert.equal(await written(report, partsOf(report), false), whole);
    assert.equal(await written(report, partsOf(report), true), whole);
  });

  it("writes empty arrays as JSON.stringify does", async () => {
    const clean = reportOf("/w", { "a.py": "print(1)\n" });
    assert.equal(clean.files.length + clean.callSites.length + clean.skipped.length, 0);
    assert.equal(await written(clean, [{ file: null, callSites: [] }], false), `${JSON.stringify(clean, null, 2)}\n`);
    // Call sites and no findings: the files array stays empty, the call sites array does not.
    const ready = reportOf("/w", { "b.py": READY });
    const sitesOnly = { ...ready, files: [] };
    assert.equal(await written(sitesOnly, [{ file: null, callSites: sitesOnly.callSites }], true), `${JSON.stringify(sitesOnly, null, 2)}\n`);
  });

  it("gives each file the part buildReport lays out", () => {
    const report = reportOf("/w", { "a.py": PROTOTYPE });
    assert.deepEqual(partsOf(report), [{ file: report.files[0], callSites: report.callSites }]);
    assert.deepEqual(reportPart("x.py", { facts: { callSites: [], text: "" }, findings: [], checks: [] } as never), { file: null, callSites: [] });
  });

  it("cuts a skeleton at its slots, whatever their depth", () => {
    const doc = (a: unknown[], b: unknown[]) => ({ top: 1, runs: [{ tool: { name: "x" }, results: a, tail: { notes: b } }], end: "z" });
    const skeleton = new PrettyJsonSkeleton(doc([SLOT], [SLOT]));
    assert.equal(skeleton.pieces.length, 3);
    for (const [a, b] of [[[], []], [[{ k: [1, 2] }, "s"], []], [[], [null, { deep: { er: ["x\ny"] } }]]] as const) {
      const first = skeleton.array(0);
      const second = skeleton.array(1);
      const text = skeleton.pieces[0] + a.map((v) => first.element(v)).join("") + first.close() + skeleton.pieces[1] + b.map((v) => second.element(v)).join("") + second.close() + skeleton.pieces[2];
      assert.equal(text, JSON.stringify(doc([...a], [...b]), null, 2));
    }
    assert.equal(nestedJson({ a: "line\nbreak" }, 1), '{\n    "a": "line\\nbreak"\n  }', "a line break inside a string is not layout");
  });
});
