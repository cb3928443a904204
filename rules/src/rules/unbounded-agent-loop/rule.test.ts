import { ruleCases } from "../../testing";

const AGENT = (condition: string, body: string) =>
  `from openai import OpenAI\nc = OpenAI()\ndef run(messages):\n    ${condition}\n        r = c.chat.completions.create(model="m", messages=messages)\n${body}`;

ruleCases("unbounded-agent-loop", {
  valid: [
    { code: AGENT("for step in range(10):", "        if not r.choices[0].message.tool_calls:\n            return r\n") },
    { code: AGENT("while True:", "        steps += 1\n        if steps > max_steps:\n            break\n") },
    { code: AGENT("while True:", "        if not r.choices[0].message.tool_calls or len(messages) > 40:\n            return r\n") },
    // No way out at all: a worker that serves forever, not an agent loop.
    { code: AGENT("while True:", "        queue.put(r)\n") },
    { code: `import { generateText, stepCountIs } from "ai";\ngenerateText({ model, prompt, tools, stopWhen: stepCountIs(5) });\n`, language: "typescript" },
    { code: `import { generateText, stepCountIs, hasToolCall } from "ai";\ngenerateText({ model, prompt, tools, stopWhen: [hasToolCall("done"), stepCountIs(8)] });\n`, language: "typescript" },
    { code: `import { generateText } from "ai";\ngenerateText({ model, prompt, tools });\n`, language: "typescript" },
  ],
  invalid: [
    { code: AGENT("while True:", "        if not r.choices[0].message.tool_calls:\n            return r\n        messages.append(r.choices[0].message)\n"), message: /only the model's answer ends/, output: null },
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI();\nexport async function run(messages) {\n  while (true) {\n    const r = await c.chat.completions.create({ model: "m", messages });\n    if (r.choices[0].finish_reason === "stop") return r;\n  }\n}\n`,
      language: "typescript",
      output: null,
    },
    { code: `import { generateText, hasToolCall } from "ai";\ngenerateText({ model, prompt, tools, stopWhen: hasToolCall("done") });\n`, language: "typescript", message: /has no step limit/, output: null },
  ],
});
