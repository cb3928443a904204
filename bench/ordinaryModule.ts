/**
 * An ordinary module for the keystroke benchmarks: plain functions, a model call in one of
 * every 60 (unlike generate.ts's files dense with them).
 */
import type { LanguageId } from "../rules/src/types";

export function ordinaryModule(language: LanguageId, lines: number): string {
  return language === "python" ? pythonModule(lines) : typeScriptModule(lines);
}

function pythonModule(lines: number): string {
  const out = ["import json", "from openai import OpenAI", "", "client = OpenAI()", ""];
  for (let i = 1; out.length < lines; i++) {
    out.push(
      `def handler_${i}(request, items):`,
      "    total = 0",
      "    for item in items:",
      '        if item.get("price") and item["price"] > 10:',
      '            total += item["price"] * 1.2',
      "        else:",
      `            total += helper(item, key="value_${i}")`,
      `    result = {"total": total, "count": len(items), "name": "handler_${i}"}`,
    );
    if (i % 60 === 0) {
      out.push('    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": str(result)}])', "    return json.loads(r.choices[0].message.content)");
    } else out.push("    return result");
    out.push("");
  }
  return out.join("\n");
}

function typeScriptModule(lines: number): string {
  const out = ['import OpenAI from "openai";', "", "const client = new OpenAI();", ""];
  for (let i = 1; out.length < lines; i++) {
    out.push(
      `export function handler${i}(request: { id: string }, items: { price?: number }[]) {`,
      "  let total = 0;",
      "  for (const item of items) {",
      "    if (item.price && item.price > 10) total += item.price * 1.2;",
      `    else total += helper(item, { key: "value_${i}" });`,
      "  }",
      `  const result = { total, count: items.length, name: "handler${i}" };`,
    );
    if (i % 60 === 0) {
      out.push(
        `  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: JSON.stringify(result) }] }).then((r) => JSON.parse(r.choices[0].message.content ?? "{}"));`,
      );
    } else out.push("  return result;");
    out.push("}", "");
  }
  return out.join("\n");
}
