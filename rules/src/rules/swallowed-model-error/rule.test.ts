import { ruleCases } from "../../testing";

const PY = `from openai import OpenAI\nc = OpenAI()\n`;

ruleCases("swallowed-model-error", {
  valid: [
    // `False` is the function's answer (not reachable), not a dropped result.
    { code: `${PY}def reachable():\n    try:\n        c.chat.completions.create(model="m", messages=[])\n        return True\n    except Exception:\n        return False\n` },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\nexport const ask = () => c.chat.completions.create({ model: "m", messages: [] }).catch((error) => {\n  logger.error(error);\n  return null;\n});\n`, language: "typescript" },
    { code: `${PY}def ask():\n    try:\n        return c.chat.completions.create(model="m", messages=[])\n    except Exception:\n        logger.exception("failed")\n        return None\n` },
    { code: `${PY}def ask():\n    try:\n        return c.chat.completions.create(model="m", messages=[])\n    except Exception as e:\n        raise RuntimeError("model failed") from e\n` },
    // A narrow handler for something else: the model's errors are not caught here.
    { code: `${PY}def ask():\n    try:\n        return c.chat.completions.create(model="m", messages=[])\n    except KeyError:\n        pass\n` },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\ntry {\n  await c.chat.completions.create({ model: "m", messages: [] });\n} catch (error) {\n  Sentry.captureException(error);\n}\n`, language: "typescript" },
  ],
  invalid: [
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI();\nexport const ask = () => c.chat.completions.create({ model: "m", messages: [] }).then((r) => r.choices[0]).catch(() => null);\n`,
      language: "typescript",
      output: null,
    },
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI();\nexport const ask = () => c.chat.completions.create({ model: "m", messages: [] }).catch((_) => {\n  return null;\n});\n`,
      language: "typescript",
      message: /is caught and dropped/,
      output: null,
    },
    {
      code: `import logging\n${PY}def ask():\n    try:\n        return c.chat.completions.create(model="m", messages=[])\n    except Exception:\n        pass\n`,
      message: /is caught and dropped/,
      output: `import logging\n${PY}def ask():\n    try:\n        return c.chat.completions.create(model="m", messages=[])\n    except Exception:\n        logging.exception("c.chat.completions.create failed")\n`,
      safety: "safe",
    },
    {
      code: `${PY}def ask():\n    try:\n        return c.chat.completions.create(model="m", messages=[])\n    except:\n        return None\n`,
      output: `from openai import OpenAI\nimport logging\nc = OpenAI()\ndef ask():\n    try:\n        return c.chat.completions.create(model="m", messages=[])\n    except:\n        logging.exception("c.chat.completions.create failed")\n        return None\n`,
    },
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI();\ntry {\n  await c.chat.completions.create({ model: "m", messages: [] });\n} catch {}\n`,
      language: "typescript",
      output: `import OpenAI from "openai";\nconst c = new OpenAI();\ntry {\n  await c.chat.completions.create({ model: "m", messages: [] });\n} catch (error) {\n  console.error("c.chat.completions.create failed", error);\n}\n`,
    },
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI();\nexport async function ask() {\n  try {\n    return await c.chat.completions.create({ model: "m", messages: [] });\n  } catch (e) {\n    return null;\n  }\n}\n`,
      language: "typescript",
      output: `import OpenAI from "openai";\nconst c = new OpenAI();\nexport async function ask() {\n  try {\n    return await c.chat.completions.create({ model: "m", messages: [] });\n  } catch (e) {\n    console.error("c.chat.completions.create failed", e);\n    return null;\n  }\n}\n`,
    },
  ],
});
