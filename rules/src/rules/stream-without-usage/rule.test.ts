import { ruleCases } from "../../testing";

ruleCases("stream-without-usage", {
  valid: [
    { code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[], stream=True, stream_options={"include_usage": True})\n` },
    { code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[])\n` },
    { code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[], stream=True, **extra)\n` },
    { code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[], stream=True, stream_options=options)\n` },
    // The Responses API reports usage in its final event.
    { code: `from openai import OpenAI\nc = OpenAI()\nc.responses.create(model="m", input="x", stream=True)\n` },
    { code: `import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="m", messages=[], max_tokens=5, stream=True)\n` },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\nc.chat.completions.create({ model: "m", messages: [], stream: true, stream_options: { include_usage: true } });\n`, language: "typescript" },
    // Another server behind the OpenAI SDK: it may send usage unasked, or refuse the option.
    { code: `from openai import OpenAI\nc = OpenAI(base_url="https://api.mistral.ai/v1")\nc.chat.completions.create(model="m", messages=[], stream=True)\n` },
    { code: `from app.llm import client\nimport openai\nclient.chat.completions.create(model="m", messages=[], stream=True)\n` },
    { code: `from groq import Groq\nc = Groq()\nc.chat.completions.create(model="m", messages=[], stream=True)\n` },
  ],
  invalid: [
    {
      code: `from openai import AzureOpenAI\nc = AzureOpenAI()\nc.chat.completions.create(model="m", messages=[], stream=True)\n`,
      output: `from openai import AzureOpenAI\nc = AzureOpenAI()\nc.chat.completions.create(model="m", messages=[], stream=True, stream_options={"include_usage": True})\n`,
    },
    {
      code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[], stream=True)\n`,
      message: /streams without `stream_options`/,
      output: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[], stream=True, stream_options={"include_usage": True})\n`,
      safety: "unsafe",
    },
    {
      code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[], stream=True, stream_options={"include_usage": False})\n`,
      message: /`include_usage` is off/,
      output: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[], stream=True, stream_options={"include_usage": True})\n`,
    },
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI();\nc.chat.completions.create({ model: "m", messages: [], stream: true });\n`,
      language: "typescript",
      output: `import OpenAI from "openai";\nconst c = new OpenAI();\nc.chat.completions.create({ model: "m", messages: [], stream: true, stream_options: { include_usage: true } });\n`,
    },
  ],
});
