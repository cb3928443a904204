import { ruleCases } from "../../testing";

const client = `import json\nfrom openai import OpenAI\nc = OpenAI()\n`;

ruleCases("unvalidated-model-json", {
  valid: [
    { code: `${client}def f():\n    r = c.chat.completions.create(model="m", messages=[])\n    try:\n        return json.loads(r.choices[0].message.content)\n    except ValueError:\n        return None\n` },
    { code: `${client}def f():\n    r = c.chat.completions.create(model="m", messages=[])\n    return Answer.model_validate(json.loads(r.choices[0].message.content))\n` },
    { code: `${client}def f():\n    r = c.chat.completions.create(model="m", messages=[])\n    data = json.loads(r.choices[0].message.content)\n    return Answer(**data)\n` },
    { code: `${client}def f():\n    r = c.chat.completions.create(model="m", messages=[], response_format={"type": "json_schema", "json_schema": schema})\n    return json.loads(r.choices[0].message.content)\n` },
    { code: `${client}def f():\n    r = c.chat.completions.create(model="m", messages=[])\n    return json.loads(r.model_dump_json())\n` },
    { code: `${client}def f():\n    r = c.chat.completions.create(model="m", messages=[])\n    return Plan(**json.loads(r.choices[0].message.content))\n` },
    // Retried on failure: a malformed answer is asked again.
    { code: `${client}@retry(retry=retry_if_exception_type(json.JSONDecodeError), stop=stop_after_attempt(3))\ndef f():\n    r = c.chat.completions.create(model="m", messages=[])\n    return json.loads(r.choices[0].message.content)\n` },
    // Not model output.
    { code: `${client}def f(path):\n    r = c.chat.completions.create(model="m", messages=[])\n    return json.loads(open(path).read()), r\n` },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\nconst r = await c.chat.completions.create({ model: "m", messages: [] });\nconst data = Schema.parse(JSON.parse(r.choices[0].message.content!));\n`, language: "typescript" },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\nconst r = await c.chat.completions.create({ model: "m", messages: [] });\ntry { JSON.parse(r.choices[0].message.content!); } catch { }\n`, language: "typescript" },
    { code: `import { generateObject } from "ai";\nconst { object } = await generateObject({ model, schema, prompt });\nJSON.parse(JSON.stringify(object));\n`, language: "typescript" },
  ],
  invalid: [
    {
      code: `${client}def f():\n    r = c.chat.completions.create(model="m", messages=[])\n    content = r.choices[0].message.content\n    data = json.loads(content)\n    return data\n`,
      message: /`json.loads` parses model output/,
      safety: "safe",
      output: `${client}def f():\n    r = c.chat.completions.create(model="m", messages=[])\n    content = r.choices[0].message.content\n    try:\n        data = json.loads(content)\n    except json.JSONDecodeError as exc:\n        raise json.JSONDecodeError(f"Model returned invalid JSON: {exc.msg}", exc.doc, exc.pos) from exc\n    return data\n`,
    },
    {
      code: `from json import loads\nfrom openai import OpenAI\nc = OpenAI()\ndef f():\n    r = c.chat.completions.create(model="m", messages=[], tools=tools)\n    for call in r.choices[0].message.tool_calls:\n        run(call.function.name, loads(call.function.arguments))\n`,
      // Inside another call's arguments: no statement to wrap, so no fix.
      output: null,
    },
    {
      code: `import OpenAI from "openai";\nconst c = new OpenAI();\nexport async function f() {\n  const { choices } = await c.chat.completions.create({ model: "m", messages: [] });\n  return JSON.parse(choices[0].message.content ?? "{}");\n}\n`,
      language: "typescript",
      output: `import OpenAI from "openai";\nconst c = new OpenAI();\nexport async function f() {\n  const { choices } = await c.chat.completions.create({ model: "m", messages: [] });\n  return parseModelJson(choices[0].message.content ?? "{}");\n}\n\n/** Parses JSON written by a model, failing with a clear error when it is malformed. */\nfunction parseModelJson(text: string) {\n  try {\n    return JSON.parse(text);\n  } catch (error) {\n    throw new SyntaxError(\`Model returned invalid JSON: \${String(error)}\`);\n  }\n}\n`,
    },
    {
      // Two parses in one file share one helper.
      code: `import { generateText } from "ai";\nconst { text } = await generateText({ model, prompt });\nconst a = JSON.parse(text);\nconst b = JSON.parse(text.trim());\n`,
      language: "javascript",
      count: 2,
      output: `import { generateText } from "ai";\nconst { text } = await generateText({ model, prompt });\nconst a = parseModelJson(text);\nconst b = parseModelJson(text.trim());\n\n/** Parses JSON written by a model, failing with a clear error when it is malformed. */\nfunction parseModelJson(text) {\n  try {\n    return JSON.parse(text);\n  } catch (error) {\n    throw new SyntaxError(\`Model returned invalid JSON: \${String(error)}\`);\n  }\n}\n`,
    },
  ],
});
