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
      output: null,
    },
    {
      code: `import anthropic\nc = anthropic.Anthropic()\nclass Bot:\n    async def reply(self, text):\n        return c.messages.create(model="m", max_tokens=5, messages=[])\n`,
      message: /`AsyncAnthropic`/,
      output: null,
    },
  ],
});
