/** The config's `wrappers`: a team's own helpers count for the checks they provide. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { DEFAULT_CONFIG, EMPTY_PROJECT, lintText } from "./index";
import { initTestEngine } from "./testing";

before(initTestEngine);

const CODE = `from openai import OpenAI
from app.observability import monitored
from app.deadlines import deadline

client = OpenAI()


@monitored("summarize")
def summarize(text):
    with deadline(20):
        return client.chat.completions.create(model="gpt-5.5-2026-04-23", messages=[], max_tokens=100)
`;

const rulesFound = (wrappers?: { tracing: string[]; timeout: string[] }) =>
  lintText(CODE, "python", { ...DEFAULT_CONFIG, wrappers }, EMPTY_PROJECT).findings.map((f) => f.rule).sort();

it("without wrappers, the call has no timeout and no trace", () => {
  assert.deepEqual(rulesFound(), ["missing-timeout", "untraced-model-call"]);
});

it("a configured timeout wrapper (a context manager) and tracing decorator clear both", () => {
  assert.deepEqual(rulesFound({ tracing: ["monitored"], timeout: ["deadline"] }), []);
  assert.deepEqual(rulesFound({ tracing: [], timeout: ["deadline"] }), ["untraced-model-call"]);
});

it("wrapper functions in TypeScript count too", () => {
  const ts = `import OpenAI from "openai";\nconst client = new OpenAI();\nexport const ask = () => withDeadline(() => client.chat.completions.create({ model: "m", messages: [], max_tokens: 5 }));\n`;
  const found = (timeout: string[]) => lintText(ts, "typescript", { ...DEFAULT_CONFIG, wrappers: { tracing: [], timeout } }, EMPTY_PROJECT).findings.map((f) => f.rule);
  assert.ok(found([]).includes("missing-timeout"));
  assert.ok(!found(["withDeadline"]).includes("missing-timeout"));
});
