import { ruleCases } from "../../testing";

const PY = `from openai import OpenAI\nc = OpenAI()\n`;

ruleCases("unbounded-prompt-input", {
  valid: [
    { code: `${PY}def summarize(path):\n    text = open(path).read()[:8000]\n    return c.chat.completions.create(model="m", messages=[{"role": "user", "content": text}])\n` },
    { code: `${PY}def summarize(path):\n    text = open(path).read()\n    short = text[:8000]\n    return c.chat.completions.create(model="m", messages=[{"role": "user", "content": short}])\n` },
    { code: `${PY}def summarize(path):\n    text = open(path).read()\n    return c.chat.completions.create(model="m", messages=[{"role": "user", "content": "hello"}])\n` },
  ],
  invalid: [
    { code: `${PY}def summarize(path):\n    text = open(path).read()\n    return c.chat.completions.create(model="m", messages=[{"role": "user", "content": text}])\n`, message: /The whole of `text`/, output: null },
    {
      code: `import { readFileSync } from "node:fs";\nimport { generateText } from "ai";\nexport function summarize(path: string) {\n  const doc = readFileSync(path, "utf8");\n  return generateText({ model, prompt: \`Summarise:\\n\${doc}\` });\n}\n`,
      language: "typescript",
      output: null,
    },
    {
      code: `import { generateText } from "ai";\nexport async function POST(request: Request) {\n  return generateText({ model, prompt: await request.text() });\n}\n`,
      language: "typescript",
      output: null,
    },
  ],
});
