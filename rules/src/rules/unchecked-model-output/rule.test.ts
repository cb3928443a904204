import { ruleCases } from "../../testing";

const PY = `from openai import OpenAI\nc = OpenAI()\nr = c.chat.completions.create(model="m", messages=[])\n`;

ruleCases("unchecked-model-output", {
  valid: [
    { code: `${PY}text = (r.choices[0].message.content or "").strip()\n` },
    { code: `${PY}text = r.choices[0].message.content\n` },
    { code: `${PY}other.choices[0].message.content.strip()\n` },
  ],
  invalid: [
    {
      code: `${PY}text = r.choices[0].message.content.strip()\n`,
      message: /`\.strip\(\)` on the content of `c\.chat\.completions\.create`'s answer fails when the model calls a tool or refuses/,
      output: `${PY}text = (r.choices[0].message.content or "").strip()\n`,
      safety: "safe",
    },
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI();\nconst r = await c.chat.completions.create({ model: "m", messages: [] });\nconst words = r.choices[0].message.content.split(" ");\n`,
      language: "javascript",
      output: `import OpenAI from "openai";\nconst c = new OpenAI();\nconst r = await c.chat.completions.create({ model: "m", messages: [] });\nconst words = (r.choices[0].message.content ?? "").split(" ");\n`,
    },
  ],
});
