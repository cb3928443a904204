import { ruleCases } from "../../testing";

const CALL = `from openai import OpenAI\nc = OpenAI()\n`;

ruleCases("unused-suppression", {
  valid: [
    { code: `${CALL}# ai-readiness: ignore[missing-timeout] -- batch job\nc.chat.completions.create(model="m", messages=[], max_tokens=5)\n` },
    { code: `${CALL}c.chat.completions.create(model="m", messages=[], max_tokens=5)  # ai-readiness: ignore[missing-timeout]\n` },
    // Code that does not parse yet reports less than it will: no verdict on its suppressions.
    { code: `${CALL}# ai-readiness: ignore[missing-timeout]\nc.chat.completions.create(model="m", messages=[], timeout=5, max_tokens=5\n` },
  ],
  invalid: [
    {
      code: `${CALL}# ai-readiness: ignore[missing-timeout] -- batch job\nc.chat.completions.create(model="m", messages=[], timeout=5, max_tokens=5)\n`,
      message: /no longer suppresses anything for `missing-timeout`/,
      output: `${CALL}c.chat.completions.create(model="m", messages=[], timeout=5, max_tokens=5)\n`,
      safety: "safe",
    },
    {
      code: `${CALL}c.chat.completions.create(model="m", messages=[], max_tokens=5)  # ai-readiness: ignore[missing-timeout, missing-output-limit]\n`,
      message: /`missing-output-limit`/,
      output: `${CALL}c.chat.completions.create(model="m", messages=[], max_tokens=5)  # ai-readiness: ignore[missing-timeout]\n`,
    },
    {
      code: `${CALL}c.chat.completions.create(model="m", messages=[], timeout=5, max_tokens=5)  # ai-readiness: ignore[missing-timout]\n`,
      message: /names a rule that does not exist: `missing-timout`/,
      output: `${CALL}c.chat.completions.create(model="m", messages=[], timeout=5, max_tokens=5)\n`,
    },
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI({ timeout: 5000 });\n// ai-readiness: ignore[missing-timeout]\nawait c.chat.completions.create({ model: "m", messages: [], max_tokens: 5 });\n`,
      language: "typescript",
      output: `import OpenAI from "openai";\nconst c = new OpenAI({ timeout: 5000 });\nawait c.chat.completions.create({ model: "m", messages: [], max_tokens: 5 });\n`,
    },
  ],
});
