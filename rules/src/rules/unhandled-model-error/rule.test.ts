import { ruleCases } from "../../testing";

ruleCases("unhandled-model-error", {
  valid: [
    { code: `from openai import OpenAI\nc = OpenAI()\ntry:\n    c.chat.completions.create(model="m", messages=[])\nexcept Exception:\n    raise\n` },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\nc.chat.completions.create({ model: "m", messages: [] }).catch(report);\n`, language: "typescript" },
    { code: `from openai import OpenAI\nfrom tenacity import retry\nc = OpenAI()\n@retry\ndef ask():\n    return c.chat.completions.create(model="m", messages=[])\n` },
  ],
  invalid: [
    { code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[])\n`, message: /No `try\/except` handles/, output: null },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\nawait c.chat.completions.create({ model: "m", messages: [] });\n`, language: "typescript", message: /No `try\/catch`/, output: null },
  ],
});
