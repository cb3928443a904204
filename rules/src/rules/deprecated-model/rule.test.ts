import { ruleCases } from "../../testing";

const PY = `from openai import OpenAI\nc = OpenAI()\n`;

ruleCases("deprecated-model", {
  valid: [
    { code: `${PY}c.chat.completions.create(model="gpt-5.5-2026-04-23", messages=[])\n` },
    { code: `from openai import AzureOpenAI\nc = AzureOpenAI()\nc.chat.completions.create(model="gpt-4", messages=[])\n` },
  ],
  invalid: [
    {
      code: `import openai\nopenai.Completion.create(engine="text-davinci-003", prompt="x", max_tokens=5)\n`,
      output: `import openai\nopenai.Completion.create(engine="gpt-3.5-turbo-instruct", prompt="x", max_tokens=5)\n`,
    },
    {
      code: `${PY}c.completions.create(model="text-davinci-003", prompt="x")\n`,
      message: /OpenAI's shutdown date for `text-davinci-003` is \d{4}-\d{2}-\d{2}: from then on every call fails; move to `[\w.-]+`/,
      output: `${PY}c.completions.create(model="gpt-3.5-turbo-instruct", prompt="x")\n`,
      safety: "unsafe",
    },
    {
      code: `import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="claude-2.1", max_tokens=5, messages=[])\n`,
      message: /Anthropic's shutdown date for `claude-2.1` is 2025-07-21/,
      output: `import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="claude-sonnet-4-6", max_tokens=5, messages=[])\n`,
    },
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI();\nc.chat.completions.create({ model: 'gpt-3.5-turbo-0301', messages: [] });\n`,
      language: "typescript",
      output: `import OpenAI from "openai";\nconst c = new OpenAI();\nc.chat.completions.create({ model: 'gpt-5.6-terra', messages: [] });\n`,
    },
  ],
});
