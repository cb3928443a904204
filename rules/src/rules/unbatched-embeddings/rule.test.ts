import { ruleCases } from "../../testing";

const PY = `from openai import OpenAI\nc = OpenAI()\n`;

ruleCases("unbatched-embeddings", {
  valid: [
    { code: `${PY}c.embeddings.create(model="e", input=texts)\n` },
    { code: `${PY}for batch in chunks(texts, 100):\n    c.embeddings.create(model="e", input=batch)\n` },
    { code: `${PY}for text in texts:\n    c.embeddings.create(model="e", input=all_texts)\n` },
    { code: `${PY}for chunk in chunked(texts, 100):\n    c.embeddings.create(model="e", input=chunk)\n` },
    { code: `${PY}for text in texts:\n    c.chat.completions.create(model="m", messages=[text])\n` },
    { code: `import { embedMany } from "ai";\nfor (const group of groups) await embedMany({ model, values: group });\n`, language: "typescript" },
  ],
  invalid: [
    { code: `${PY}for text in texts:\n    c.embeddings.create(model="e", input=text)\n`, message: /embeds one item per loop turn/, output: null },
    { code: `${PY}vectors = [c.embeddings.create(model="e", input=[doc.text]) for doc in docs]\n`, output: null },
    { code: `import { embed } from "ai";\nconst vectors = await Promise.all(texts.map((text) => embed({ model, value: text })));\n`, language: "typescript", message: /`embedMany`/, output: null },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\nfor (const chunk of chunks) {\n  await c.embeddings.create({ model: "e", input: chunk.text });\n}\n`, language: "typescript", output: null },
  ],
});
