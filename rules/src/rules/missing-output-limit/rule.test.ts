import { EMPTY_PROJECT } from "../../model/project";
import { ruleCases } from "../../testing";

const aiSdk4 = { ...EMPTY_PROJECT, aiSdkMajor: 4 };

ruleCases("missing-output-limit", {
  valid: [
    { code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[], max_tokens=100)\n` },
    { code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[], max_completion_tokens=100)\n` },
    { code: `from openai import OpenAI\nc = OpenAI()\nc.embeddings.create(model="e", input=["a"])\n` },
    { code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(**request)\n` },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\nc.chat.completions.create(body);\n`, language: "typescript" },
    { code: `import { generateText } from "ai";\ngenerateText({ model, prompt, maxTokens: 300 });\n`, language: "typescript" },
    // AI SDK: limits set per step, or as model defaults by middleware.
    { code: `import { generateText } from "ai";\ngenerateText({ model, prompt, prepareStep: () => ({ maxOutputTokens: 200 }) });\n`, language: "typescript" },
    { code: `import { generateText, wrapLanguageModel, defaultSettingsMiddleware } from "ai";\nconst model = wrapLanguageModel({ model: base, middleware: defaultSettingsMiddleware({ settings: { maxOutputTokens: 800 } }) });\ngenerateText({ model, prompt });\n`, language: "typescript" },
    // The Assistants API adds a message to a thread: not a model call.
    { code: `import anthropic\nfrom openai import OpenAI\nc = OpenAI()\nc.beta.threads.messages.create(thread_id=t, role="user", content="x")\n` },
    { code: `import { embed } from "ai";\nembed({ model, value: "x" });\n`, language: "typescript" },
  ],
  invalid: [
    {
      code: `import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="m", messages=[])\n`,
      message: /sets no output limit \(`max_tokens`\)/,
      output: `import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="m", messages=[], max_tokens=1024)\n`,
      safety: "unsafe",
    },
    {
      code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[], max_tokens=None)\n`,
      message: /`max_tokens=None` leaves the output/,
      output: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[], max_tokens=1024)\n`,
    },
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI();\nc.responses.create({});\n`,
      language: "typescript",
      output: `import OpenAI from "openai";\nconst c = new OpenAI();\nc.responses.create({ max_output_tokens: 1024 });\n`,
    },
    {
      code: `import { generateText } from "ai";\ngenerateText({ model, prompt });\n`,
      language: "typescript",
      project: aiSdk4,
      message: /`maxTokens`/,
      output: `import { generateText } from "ai";\ngenerateText({ model, prompt, maxTokens: 1024 });\n`,
    },
  ],
});
