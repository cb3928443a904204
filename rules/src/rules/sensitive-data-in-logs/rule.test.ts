import { ruleCases } from "../../testing";

const PY = `import logging\nfrom openai import OpenAI\nlogger = logging.getLogger(__name__)\nc = OpenAI()\n`;

ruleCases("sensitive-data-in-logs", {
  valid: [
    { code: `${PY}def ask(messages):\n    r = c.chat.completions.create(model="m", messages=messages)\n    logger.info("model usage: model=%s usage=%s", r.model, r.usage)\n    return r\n` },
    { code: `${PY}def ask(messages):\n    r = c.chat.completions.create(model="m", messages=messages)\n    logger.debug("answer %s", r.choices[0].message.content)\n    return r\n` },
    { code: `${PY}def ask(messages):\n    r = c.chat.completions.create(model="m", messages=messages)\n    logger.info("answered in %d tokens", r.usage.total_tokens)\n    return r\n` },
  ],
  invalid: [
    { code: `${PY}def ask(messages):\n    r = c.chat.completions.create(model="m", messages=messages)\n    logger.info("answer: %s", r.choices[0].message.content)\n    return r\n`, message: /writes the output of `c\.chat\.completions\.create`/, output: null },
    { code: `${PY}def ask(messages):\n    logger.info("sending %s", messages)\n    return c.chat.completions.create(model="m", messages=messages)\n`, message: /writes the whole `messages`/, output: null },
    {
      code: `import { generateText } from "ai";\nexport async function answer(prompt: string) {\n  const { text } = await generateText({ model, prompt });\n  console.log("answer", text);\n  return text;\n}\n`,
      language: "typescript",
      output: null,
    },
  ],
});
