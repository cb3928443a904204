import { ruleCases } from "../../testing";

ruleCases("missing-timeout", {
  valid: [
    { code: `from openai import OpenAI\nclient = OpenAI(timeout=20)\nclient.chat.completions.create(model="m", messages=[])\n` },
    { code: `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="m", messages=[], timeout=10)\n` },
    { code: `from openai import OpenAI\nclient = OpenAI()\nclient.with_options(timeout=5).responses.create(model="m", input="x")\n` },
    { code: `import anthropic\nclient = anthropic.Anthropic(timeout=httpx.Timeout(10.0))\nclient.messages.create(model="m", max_tokens=10, messages=[])\n` },
    // The client is built in another module: its settings are not visible here.
    { code: `from openai import OpenAI\nfrom app.llm import client\nclient.chat.completions.create(model="m", messages=[])\n` },
    { code: `import openai\ndef ask(client: openai.OpenAI):\n    return client.chat.completions.create(model="m", messages=[])\n` },
    // Options hidden in a spread or a custom HTTP client may set it.
    { code: `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(**params)\n` },
    { code: `from openai import OpenAI\nclient = OpenAI(**settings)\nclient.chat.completions.create(model="m", messages=[])\n` },
    { code: `from openai import OpenAI\nclient = OpenAI(http_client=httpx.Client(timeout=5))\nclient.chat.completions.create(model="m", messages=[])\n` },
    // Twilio's client also has `messages.create`: not a model call.
    { code: `import anthropic\nfrom twilio.rest import Client\nclient = Client(sid, token)\nclient.messages.create(body="hi", to="+1")\n` },
    { code: `import OpenAI from "openai";\nconst client = new OpenAI({ timeout: 20_000 });\nawait client.chat.completions.create({ model: "m", messages: [] });\n`, language: "typescript" },
    { code: `import OpenAI from "openai";\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: "m", messages: [] }, { signal: controller.signal });\n`, language: "typescript" },
    { code: `import OpenAI from "openai";\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: "m", messages: [] }, requestOptions);\n`, language: "typescript" },
    { code: `import { generateText } from "ai";\nawait generateText({ model, prompt, abortSignal: AbortSignal.timeout(5000) });\n`, language: "typescript" },
    { code: `import { generateText } from "ai";\nawait generateText({ ...options, prompt });\n`, language: "typescript" },
    // Broken code: the engine is unsure, so it says nothing.
    { code: `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="m", messages=[\n` },
    // A provider with its own fetch may bound every request.
    { code: `import { createOpenAI } from "@ai-sdk/openai";\nimport { generateText } from "ai";\nconst openai = createOpenAI({ fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(30_000) }) });\nawait generateText({ model: openai("m"), prompt });\n`, language: "typescript" },
    // A test double bound to the same name is not a model client.
    { code: `from unittest.mock import MagicMock\nimport openai\ndef test_it():\n    client = MagicMock(spec=openai.OpenAI)\n    client.chat.completions.create(model="m", messages=[])\n` },
    { code: `import openai\nclass FakeClient:\n    pass\nclient = FakeClient()\nclient.chat.completions.create(model="m", messages=[])\n` },
    // Not an SDK at all.
    { code: `client.chat.completions.create(model="m", messages=[])\n` },
  ],
  invalid: [
    {
      code: `from google import genai\nc = genai.Client()\nc.models.generate_content(model="m", contents="hi")\n`,
      output: `from google import genai\nc = genai.Client(http_options={"timeout": 30000})\nc.models.generate_content(model="m", contents="hi")\n`,
    },
    {
      code: `import axios from "axios";\nawait axios.post("https://api.openai.com/v1/chat/completions", body);\n`,
      language: "typescript",
      message: /the axios library never times out a call/,
      output: `import axios from "axios";\nawait axios.post("https://api.openai.com/v1/chat/completions", body, { timeout: 30000 });\n`,
    },
    {
      code: `import requests\nr = requests.post("https://api.openai.com/v1/chat/completions", json=body, headers=h)\n`,
      message: /the requests library never times out a call/,
      output: `import requests\nr = requests.post("https://api.openai.com/v1/chat/completions", json=body, headers=h, timeout=30)\n`,
    },
    {
      code: `const res = await fetch("https://api.anthropic.com/v1/messages", { method: "POST", body });\n`,
      language: "typescript",
      message: /the fetch API never times out a call/,
      output: `const res = await fetch("https://api.anthropic.com/v1/messages", { method: "POST", body, signal: AbortSignal.timeout(30000) });\n`,
    },
    {
      code: `from openai import OpenAI\nclient = OpenAI()\na = client.chat.completions.create(model="m", messages=[])\nb = client.embeddings.create(model="e", input="x")\n`,
      count: 2,
      message: /has no timeout: the OpenAI SDK default waits 10 minutes/,
      output: `from openai import OpenAI\nclient = OpenAI(timeout=30)\na = client.chat.completions.create(model="m", messages=[])\nb = client.embeddings.create(model="e", input="x")\n`,
      safety: "unsafe",
    },
    {
      code: `import anthropic\nclient = anthropic.Anthropic(timeout=None)\nclient.messages.create(model="m", max_tokens=10, messages=[])\n`,
      message: /`timeout=None` turns off the timeout/,
      output: `import anthropic\nclient = anthropic.Anthropic(timeout=30)\nclient.messages.create(model="m", max_tokens=10, messages=[])\n`,
    },
    {
      code: `import openai\nopenai.chat.completions.create(model="m", messages=[])\n`,
      output: `import openai\nopenai.chat.completions.create(model="m", messages=[], timeout=30)\n`,
    },
    {
      code: `from openai import AsyncOpenAI\n\nclass Bot:\n    def __init__(self):\n        self.client = AsyncOpenAI()\n\n    async def ask(self, q):\n        return await self.client.chat.completions.create(\n            model="m",\n            messages=[q],\n        )\n`,
      output: `from openai import AsyncOpenAI\n\nclass Bot:\n    def __init__(self):\n        self.client = AsyncOpenAI(timeout=30)\n\n    async def ask(self, q):\n        return await self.client.chat.completions.create(\n            model="m",\n            messages=[q],\n        )\n`,
    },
    {
      code: `import OpenAI from "openai";\nexport const run = () => new OpenAI().chat.completions.create({ model: "m", messages: [] });\n`,
      language: "typescript",
      output: `import OpenAI from "openai";\nexport const run = () => new OpenAI().chat.completions.create({ model: "m", messages: [] }, { timeout: 30000 });\n`,
    },
    {
      code: `const OpenAI = require("openai");\nconst client = new OpenAI({\n  apiKey: process.env.OPENAI_API_KEY,\n});\nclient.responses.create({ model: "m", input: "x" });\n`,
      language: "javascript",
      output: `const OpenAI = require("openai");\nconst client = new OpenAI({\n  apiKey: process.env.OPENAI_API_KEY,\n  timeout: 30000,\n});\nclient.responses.create({ model: "m", input: "x" });\n`,
    },
    {
      // Imported inside the function.
      code: `def call(prompt):\n    import anthropic\n    client = anthropic.Anthropic()\n    return client.messages.create(model="m", max_tokens=5, messages=[prompt])\n`,
      output: `def call(prompt):\n    import anthropic\n    client = anthropic.Anthropic(timeout=30)\n    return client.messages.create(model="m", max_tokens=5, messages=[prompt])\n`,
    },
    {
      code: `import anthropic\nclient = anthropic.Anthropic(timeout=httpx.Timeout(None, connect=5.0))\nraw = client.messages.with_raw_response.create(model="m", max_tokens=5, messages=[])\n`,
      message: /turns off the timeout/,
      output: `import anthropic\nclient = anthropic.Anthropic(timeout=30)\nraw = client.messages.with_raw_response.create(model="m", max_tokens=5, messages=[])\n`,
    },
    {
      // Spreading request data into the body cannot set a JS client's timeout.
      code: `import OpenAI from "openai";\nconst openai = new OpenAI();\nexport const POST = async (body: object) => openai.responses.create({ ...body, max_output_tokens: 500 });\n`,
      language: "typescript",
      output: `import OpenAI from "openai";\nconst openai = new OpenAI({ timeout: 30000 });\nexport const POST = async (body: object) => openai.responses.create({ ...body, max_output_tokens: 500 });\n`,
    },
    {
      code: `import * as ai from "ai";\nconst r = await ai.streamText({ model, prompt });\n`,
      language: "tsx",
      message: /the AI SDK never times out a call/,
      output: `import * as ai from "ai";\nconst r = await ai.streamText({ model, prompt, abortSignal: AbortSignal.timeout(30000) });\n`,
    },
  ],
});
