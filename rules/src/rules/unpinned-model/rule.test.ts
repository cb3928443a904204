import { ruleCases } from "../../testing";

const PY = `from openai import OpenAI\nc = OpenAI()\n`;

ruleCases("unpinned-model", {
  valid: [
    // An alias whose snapshot retires is reported by deprecated-model instead.
    { code: `${PY}c.chat.completions.create(model="gpt-4o-mini", messages=[])\n` },
    { code: `${PY}c.chat.completions.create(model="gpt-5.5-2026-04-23", messages=[])\n` },
    { code: `${PY}c.chat.completions.create(model=MODEL, messages=[])\n` },
    // An Azure deployment name, a model on another server, a client from elsewhere: not the provider's alias.
    { code: `from openai import AzureOpenAI\nc = AzureOpenAI()\nc.chat.completions.create(model="gpt-4o", messages=[])\n` },
    { code: `from openai import OpenAI\nc = OpenAI(base_url="http://localhost:8000/v1")\nc.chat.completions.create(model="gpt-4o", messages=[])\n` },
    { code: `from app.llm import client\nimport openai\nclient.chat.completions.create(model="gpt-4o", messages=[])\n` },
    { code: `import { generateText } from "ai";\nimport { openai } from "@ai-sdk/openai";\ngenerateText({ model: openai("gpt-5.4-mini-2026-03-17"), prompt: "x" });\n`, language: "typescript" },
  ],
  invalid: [
    {
      code: `${PY}c.chat.completions.create(model="gpt-5.5", messages=[])\n`,
      message: /`gpt-5.5` is a floating alias.*pin `gpt-5.5-2026-04-23`/,
      output: `${PY}c.chat.completions.create(model="gpt-5.5-2026-04-23", messages=[])\n`,
      safety: "unsafe",
    },
    {
      code: `import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="claude-haiku-4-5", max_tokens=5, messages=[])\n`,
      output: `import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="claude-haiku-4-5-20251001", max_tokens=5, messages=[])\n`,
    },
    {
      code: `import { generateText } from "ai";\nimport { openai } from "@ai-sdk/openai";\ngenerateText({ model: openai("gpt-5.4-mini"), prompt: "x" });\n`,
      language: "typescript",
      output: `import { generateText } from "ai";\nimport { openai } from "@ai-sdk/openai";\ngenerateText({ model: openai("gpt-5.4-mini-2026-03-17"), prompt: "x" });\n`,
    },
    { code: `import { generateText } from "ai";\nimport { google } from "@ai-sdk/google";\ngenerateText({ model: google("gemini-flash-latest"), prompt: "x" });\n`, language: "typescript", message: /always points at the newest model/, output: null },
  ],
});
