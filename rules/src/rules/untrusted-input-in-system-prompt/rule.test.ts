import { ruleCases } from "../../testing";

const FASTAPI = `from fastapi import FastAPI\nfrom openai import OpenAI\napp = FastAPI()\nc = OpenAI()\n`;

ruleCases("untrusted-input-in-system-prompt", {
  valid: [
    { code: `${FASTAPI}@app.post("/chat")\ndef chat(message: str):\n    return c.chat.completions.create(model="m", messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": message}])\n` },
    { code: `${FASTAPI}PERSONA = "a chef"\ndef chat(message):\n    return c.chat.completions.create(model="m", messages=[{"role": "system", "content": f"You are {PERSONA}."}, {"role": "user", "content": message}])\n` },
    // Not a route handler: its parameter is the caller's, not the request's.
    { code: `${FASTAPI}def chat(persona, message):\n    return c.chat.completions.create(model="m", messages=[{"role": "system", "content": persona}])\n` },
    { code: `import { generateText } from "ai";\nexport async function POST(request: Request) {\n  const { prompt } = await request.json();\n  return generateText({ model, system: "Be brief.", prompt });\n}\n`, language: "typescript" },
  ],
  invalid: [
    {
      code: `${FASTAPI}@app.post("/chat")\ndef chat(persona: str, message: str):\n    return c.chat.completions.create(model="m", messages=[{"role": "system", "content": f"You are {persona}."}, {"role": "user", "content": message}])\n`,
      message: /Request data \(`persona`\) reaches the system prompt/,
      output: null,
    },
    {
      code: `import anthropic\nfrom flask import Flask, request\napp = Flask(__name__)\nc = anthropic.Anthropic()\n@app.route("/ask", methods=["POST"])\ndef ask():\n    style = request.json["style"]\n    return c.messages.create(model="m", max_tokens=100, system=f"Answer in the style of {style}", messages=[])\n`,
      output: null,
    },
    {
      code: `import { generateText } from "ai";\nexport async function POST(request: Request) {\n  const { prompt, persona } = await request.json();\n  return generateText({ model, system: \`You are \${persona}\`, prompt });\n}\n`,
      language: "typescript",
      output: null,
    },
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI();\napp.post("/chat", async (req, res) => {\n  const r = await c.responses.create({ model: "m", instructions: req.body.instructions, input: req.body.message });\n  res.json(r);\n});\n`,
      language: "typescript",
      output: null,
    },
  ],
});
