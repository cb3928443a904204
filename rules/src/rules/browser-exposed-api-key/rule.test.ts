import { ruleCases } from "../../testing";

ruleCases("browser-exposed-api-key", {
  valid: [
    { code: `import OpenAI from "openai";\nconst c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`, language: "typescript" },
    { code: `import OpenAI from "openai";\n// never NEXT_PUBLIC_OPENAI_API_KEY here\nconst c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`, language: "typescript" },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI({ baseURL: process.env.NEXT_PUBLIC_API_URL });\n`, language: "typescript" },
    // The visitor's own key, typed into the page: theirs to expose.
    { code: `import OpenAI from "openai";\nexport const clientFor = (visitorKey: string) => new OpenAI({ apiKey: visitorKey, dangerouslyAllowBrowser: true });\n`, language: "typescript" },
    { code: `"use server";\nimport OpenAI from "openai";\nconst c = new OpenAI();\n`, language: "typescript" },
  ],
  invalid: [
    { code: `import OpenAI from "openai";\nconst c = new OpenAI({ dangerouslyAllowBrowser: true });\n`, language: "typescript", message: /dangerouslyAllowBrowser: true/, output: null },
    { code: `"use client";\nimport OpenAI from "openai";\nconst c = new OpenAI();\n`, language: "tsx", message: /"use client"/, output: null },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY });\n`, language: "typescript", message: /`NEXT_PUBLIC_OPENAI_API_KEY` is inlined/, output: null },
    { code: `import { createOpenAI } from "@ai-sdk/openai";\nimport { generateText } from "ai";\nconst openai = createOpenAI({ apiKey: import.meta.env.VITE_OPENAI_KEY });\n`, language: "typescript", message: /`VITE_OPENAI_KEY`/, output: null },
  ],
});
