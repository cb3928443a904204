import { EMPTY_PROJECT } from "../../model/project";
import { ruleCases } from "../../testing";

const instrumented = { ...EMPTY_PROJECT, instrumentation: { path: "main.py", span: { start: 0, end: 10 } } };

ruleCases("usage-not-recorded", {
  valid: [
    { code: `from openai import OpenAI\nc = OpenAI()\ndef f():\n    r = c.chat.completions.create(model="m", messages=[])\n    log(r.usage.total_tokens)\n` },
    { code: `from openai import OpenAI\nc = OpenAI()\ndef f():\n    return c.chat.completions.create(model="m", messages=[])\n` },
    { code: `from openai import OpenAI\nc = OpenAI()\ndef f():\n    r = c.chat.completions.create(model="m", messages=[])\n    return r\n` },
    // Passed whole to a function the engine does not follow.
    { code: `from openai import OpenAI\nc = OpenAI()\ndef f():\n    r = c.chat.completions.create(model="m", messages=[])\n    store(r)\n` },
    { code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[])\n`, project: instrumented },
    // Streams carry usage in chunks: not followed yet.
    { code: `from openai import OpenAI\nc = OpenAI()\ndef f():\n    s = c.chat.completions.create(model="m", messages=[], stream=True)\n    for chunk in s:\n        print(chunk)\n` },
    { code: `import { generateText } from "ai";\nconst { text, usage } = await generateText({ model, prompt });\n`, language: "typescript" },
    // Serialised whole and handed on.
    { code: `from openai import OpenAI\nc = OpenAI()\ndef f():\n    r = c.responses.create(model="m", input="x")\n    data = r.model_dump()\n    save(data)\n` },
    // The raw response: usage is read after \`.parse()\`.
    { code: `import anthropic\nc = anthropic.Anthropic()\ndef f():\n    raw = c.messages.with_raw_response.create(model="m", max_tokens=5, messages=[])\n    return raw.parse().content\n` },
    { code: `import { streamText } from "ai";\nconst result = streamText({ model, messages });\nreturn result.toUIMessageStreamResponse({ messageMetadata: ({ part }) => (part.type === "finish" ? { totalUsage: part.totalUsage } : undefined) });\n`, language: "typescript" },
    { code: `import { streamText } from "ai";\nconst r = streamText({ model, prompt, onFinish: ({ usage }) => meter(usage) });\nreturn r.toTextStreamResponse();\n`, language: "typescript" },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\nconst r = await c.responses.create({ model: "m", input: "x" });\nmeter(r.usage);\n`, language: "typescript" },
  ],
  invalid: [
    {
      code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[])\n`,
      message: /never read or recorded/,
      output: null,
    },
    {
      code: `import logging\nfrom openai import OpenAI\n\nlog = logging.getLogger("svc")\nc = OpenAI()\n\ndef f():\n    r = c.chat.completions.create(model="m", messages=[])\n    return r.choices[0].message.content\n`,
      safety: "safe",
      output: `import logging\nfrom openai import OpenAI\n\nlog = logging.getLogger("svc")\nc = OpenAI()\n\ndef f():\n    r = c.chat.completions.create(model="m", messages=[])\n    log.info("model usage: model=%s usage=%s", r.model, r.usage)\n    return r.choices[0].message.content\n`,
    },
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI();\nexport async function f() {\n  const r = await c.chat.completions.create({ model: "m", messages: [] });\n  return r.choices[0].message.content;\n}\n`,
      language: "typescript",
      output: `import OpenAI from "openai";\nconst c = new OpenAI();\nexport async function f() {\n  const r = await c.chat.completions.create({ model: "m", messages: [] });\n  console.info("model usage", { model: r.model, usage: r.usage });\n  return r.choices[0].message.content;\n}\n`,
    },
    {
      code: `import { generateText } from "ai";\nconst { text } = await generateText({ model, prompt });\n`,
      language: "typescript",
      output: `import { generateText } from "ai";\nconst { text } = await generateText({ model, prompt, onFinish: ({ usage }) => console.info("model usage", usage) });\n`,
    },
  ],
});
