import { ruleCases } from "../../testing";

const PY = `from openai import OpenAI\nc = OpenAI()\nr = c.chat.completions.create(model="m", messages=[])\nanswer = r.choices[0].message.content\n`;

ruleCases("model-output-to-sql", {
  valid: [
    { code: `${PY}cursor.execute("INSERT INTO answers (text) VALUES (%s)", (answer,))\n` },
    { code: `${PY}cursor.execute("SELECT 1")\n` },
    { code: `${PY}agent.execute(answer)\n` },
    { code: `import { generateText } from "ai";\nconst { text } = await generateText({ model, prompt });\nawait db.query("INSERT INTO answers (text) VALUES ($1)", [text]);\n`, language: "typescript" },
  ],
  invalid: [
    { code: `${PY}cursor.execute(f"INSERT INTO answers (text) VALUES ('{answer}')")\n`, message: /reaches `cursor\.execute`: a prompt injection becomes SQL/, output: null },
    { code: `${PY}sql = answer\nconn.execute(sql)\n`, output: null },
    { code: `import { generateText } from "ai";\nconst { text } = await generateText({ model, prompt });\nawait db.query(\`SELECT * FROM docs WHERE topic = '\${text}'\`);\n`, language: "typescript", output: null },
    { code: `import { generateText } from "ai";\nconst { text: query } = await generateText({ model, prompt });\nawait prisma.$queryRawUnsafe(query);\n`, language: "typescript", output: null },
  ],
});
