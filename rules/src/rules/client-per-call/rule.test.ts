import { ruleCases } from "../../testing";

ruleCases("client-per-call", {
  valid: [
    { code: `from openai import OpenAI\nc = OpenAI()\ndef ask():\n    return c.chat.completions.create(model="m", messages=[])\n` },
    { code: `from openai import OpenAI\nclass Bot:\n    def __init__(self):\n        self.c = OpenAI()\n    def ask(self):\n        return self.c.chat.completions.create(model="m", messages=[])\n` },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\nexport async function ask() {\n  return c.chat.completions.create({ model: "m", messages: [] });\n}\n`, language: "typescript" },
  ],
  invalid: [
    {
      code: `from openai import OpenAI\ndef ask():\n    c = OpenAI()\n    return c.chat.completions.create(model="m", messages=[])\n`,
      message: /`OpenAI` is constructed on every call/,
      output: null,
    },
    {
      code: `import OpenAI from "openai";\nexport async function POST() {\n  const c = new OpenAI();\n  const a = await c.chat.completions.create({ model: "m", messages: [] });\n  return c.chat.completions.create({ model: "m", messages: [a] });\n}\n`,
      language: "typescript",
      output: null,
    },
  ],
});
