import assert from "node:assert/strict";
import { it } from "node:test";
import { findingsOf, ruleCases } from "../../testing";

const KEY = "sk-proj-9aK3mQ7xT2vL8pR4wZ6nB1cY5hJ0dF3g";

ruleCases("hardcoded-api-key", {
  valid: [
    { code: `import os\nfrom openai import OpenAI\nc = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n` },
    { code: `from openai import OpenAI\nc = OpenAI(api_key="sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxx")\n` },
    { code: `from openai import OpenAI\nc = OpenAI(api_key="your-api-key-here")\n` },
    { code: `from openai import OpenAI\nc = OpenAI(base_url="http://localhost:8000/v1", api_key="token-abc123def456")\n` },
    { code: `from openai import OpenAI\nc = OpenAI(api_key=f"{prefix}-{secret}")\n` },
    { code: `OPENAI_MODEL = "gpt-4o-mini-2024-07-18"\n` },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`, language: "typescript" },
  ],
  invalid: [
    {
      code: `from openai import OpenAI\nclient = OpenAI(api_key="${KEY}")\n`,
      message: /`sk-proj-\*\*\*\*`/,
      safety: "unsafe",
      output: `from openai import OpenAI\nimport os\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n`,
    },
    {
      code: `ANTHROPIC_KEY = "sk-ant-api03-Qw8Er5Ty2Ui9Op4As7Df1Gh6Jk3Lz0Xc"\n`,
      output: `import os\nANTHROPIC_KEY = os.environ["ANTHROPIC_API_KEY"]\n`,
    },
    {
      code: `import Anthropic from "@anthropic-ai/sdk";\nconst c = new Anthropic({ apiKey: "a7Gf93kLq2Zx8Vb4Nm1Pw6Rt" });\n`,
      language: "typescript",
      message: /`apiKey` is set to a key literal \(`\*\*\*\*`\)/,
      output: `import Anthropic from "@anthropic-ai/sdk";\nconst c = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\n`,
    },
    {
      code: `import { createOpenAI } from "@ai-sdk/openai";\nexport const provider = createOpenAI({ apiKey: "Zk4Lp9Qm2Xv7Tr1Wn8Bc5Yh3" });\n`,
      language: "typescript",
      output: `import { createOpenAI } from "@ai-sdk/openai";\nexport const provider = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`,
    },
  ],
});

it("never shows the key in a message or a fix title", () => {
  for (const finding of findingsOf("hardcoded-api-key", `from openai import OpenAI\nc = OpenAI(api_key="${KEY}")\n`)) {
    assert.ok(!finding.message.includes(KEY.slice(8)), finding.message);
    assert.ok(!finding.fix?.title.includes(KEY.slice(8)));
  }
});
