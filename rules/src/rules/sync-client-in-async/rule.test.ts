import { ruleCases } from "../../testing";

ruleCases("sync-client-in-async", {
  valid: [
    { code: `from openai import AsyncOpenAI\nc = AsyncOpenAI()\nasync def ask():\n    return await c.chat.completions.create(model="m", messages=[])\n` },
    { code: `from openai import OpenAI\nc = OpenAI()\ndef ask():\n    return c.chat.completions.create(model="m", messages=[])\n` },
    { code: `import asyncio\nfrom openai import OpenAI\nc = OpenAI()\nasync def ask():\n    return await asyncio.to_thread(lambda: c.chat.completions.create(model="m", messages=[]))\n` },
    { code: `from app.llm import client\nasync def ask():\n    return client.chat.completions.create(model="m", messages=[])\n` },
  ],
  invalid: [
    {
      code: `from openai import OpenAI\nc = OpenAI()\nasync def ask():\n    return c.chat.completions.create(model="m", messages=[])\n`,
      message: /blocks the event loop inside `async def`.*`AsyncOpenAI`/,
      output: `from openai import OpenAI\nfrom openai import AsyncOpenAI\nc = AsyncOpenAI()\nasync def ask():\n    return await c.chat.completions.create(model="m", messages=[])\n`,
      safety: "unsafe",
    },
    // The client is also used from sync code: switching it would break that caller.
    {
      code: `from openai import OpenAI\nc = OpenAI()\nasync def ask():\n    return c.chat.completions.create(model="m", messages=[])\ndef ask_sync():\n    return c.chat.completions.create(model="m", messages=[])\n`,
      output: null,
    },
    {
      code: `import anthropic\nc = anthropic.Anthropic()\nclass Bot:\n    async def reply(self, text):\n        r = c.messages.create(model="m", max_tokens=5, messages=[])\n        return r\n`,
      message: /`AsyncAnthropic`/,
      output: `import anthropic\nc = anthropic.AsyncAnthropic()\nclass Bot:\n    async def reply(self, text):\n        r = await c.messages.create(model="m", max_tokens=5, messages=[])\n        return r\n`,
    },
  ],
});
