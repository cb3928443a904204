import { ruleCases } from "../../testing";

const PY = `from openai import OpenAI\nc = OpenAI()\n`;
const reply = `r = c.chat.completions.create(model="m", messages=[])\n`;

ruleCases("model-output-to-code-execution", {
  valid: [
    { code: `${PY}${reply}print(r.choices[0].message.content)\n` },
    { code: `${PY}${reply}eval("1 + 1")\n` },
    { code: `import ast\n${PY}${reply}value = ast.literal_eval(r.choices[0].message.content)\n` },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\nconst r = await c.chat.completions.create({ model: "m", messages: [] });\nconsole.log(r.choices[0].message.content);\n`, language: "typescript" },
  ],
  invalid: [
    { code: `${PY}${reply}code = r.choices[0].message.content\nexec(code)\n`, message: /reaches `exec`: a prompt injection becomes code/, output: null },
    { code: `${PY}def ask():\n    return eval(c.chat.completions.create(model="m", messages=[]).choices[0].message.content)\n`, output: null },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\nconst r = await c.chat.completions.create({ model: "m", messages: [] });\nconst run = new Function(r.choices[0].message.content ?? "");\n`, language: "typescript", message: /reaches `Function`/, output: null },
    { code: `import vm from "node:vm";\nimport { generateText } from "ai";\nconst { text } = await generateText({ model, prompt });\nvm.runInNewContext(text, {});\n`, language: "typescript", output: null },
  ],
});
