import { EMPTY_PROJECT } from "../../model/project";
import { ruleCases } from "../../testing";

const instrumented = { ...EMPTY_PROJECT, instrumentation: { path: "instrumentation.ts", span: { start: 0, end: 10 } } };

ruleCases("untraced-model-call", {
  valid: [
    { code: `from openai import OpenAI\nfrom opentelemetry import trace\ntracer = trace.get_tracer(__name__)\nc = OpenAI()\ndef f():\n    with tracer.start_as_current_span("chat"):\n        return c.chat.completions.create(model="m", messages=[])\n` },
    { code: `from langfuse import observe\nfrom openai import OpenAI\nc = OpenAI()\n@observe()\ndef f():\n    return c.chat.completions.create(model="m", messages=[])\n` },
    { code: `import weave\nimport anthropic\nc = anthropic.Anthropic()\n@weave.op\ndef f():\n    return c.messages.create(model="m", max_tokens=5, messages=[])\n` },
    { code: `from langsmith.wrappers import wrap_openai\nfrom openai import OpenAI\nc = wrap_openai(OpenAI())\nc.chat.completions.create(model="m", messages=[])\n` },
    { code: `from langfuse.openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[])\n` },
    { code: `from openai import OpenAI\nc = OpenAI(base_url="https://oai.helicone.ai/v1")\nc.chat.completions.create(model="m", messages=[])\n` },
    { code: `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[])\n`, project: instrumented },
    // The same file turns instrumentation on.
    { code: `from traceloop.sdk import Traceloop\nfrom openai import OpenAI\nTraceloop.init(app_name="svc")\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[])\n`, project: undefined },
    { code: `from app.clients import client\nimport openai\nclient.chat.completions.create(model="m", messages=[])\n` },
    { code: `import OpenAI from "openai";\nimport { traceable } from "langsmith/traceable";\nconst c = new OpenAI();\nexport const ask = traceable(async () => c.chat.completions.create({ model: "m", messages: [] }));\n`, language: "typescript" },
    { code: `import OpenAI from "openai";\nconst c = new OpenAI();\ntracer.startActiveSpan("chat", async (span) => { await c.chat.completions.create({ model: "m", messages: [] }); span.end(); });\n`, language: "typescript" },
    { code: `import { generateText } from "ai";\nawait generateText({ model, prompt, experimental_telemetry: { isEnabled: true } });\n`, language: "typescript" },
    // AI SDK 7: \`telemetry\` per call, or registered once.
    { code: `import { generateText } from "ai";\nawait generateText({ model, prompt, telemetry: { functionId: "run" } });\n`, language: "typescript" },
    { code: `import { generateText, registerTelemetry } from "ai";\nregisterTelemetry(new OpenTelemetry());\nawait generateText({ model, prompt });\n`, language: "typescript" },
    // Sentry's OpenAI integration instruments every call.
    { code: `import sentry_sdk\nfrom sentry_sdk.integrations.openai import OpenAIIntegration\nfrom openai import OpenAI\nsentry_sdk.init(dsn=dsn, integrations=[OpenAIIntegration()])\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[])\n` },
    // The project's own tracing decorator, defined in another module.
    { code: `from openai import OpenAI\nfrom app.tracing import traced\nc = OpenAI()\n@traced("llm.ask")\ndef ask(q):\n    return c.chat.completions.create(model="m", messages=[q])\n` },
  ],
  invalid: [
    {
      code: `from openai import OpenAI\nc = OpenAI()\ndef f():\n    r = c.chat.completions.create(\n        model="gpt-4o",\n        messages=[],\n    )\n    return r\n`,
      message: /is not traced/,
      safety: "unsafe",
      output: `from openai import OpenAI\nfrom opentelemetry import trace\nc = OpenAI()\ndef f():\n    with trace.get_tracer(__name__).start_as_current_span("chat gpt-4o", attributes={"gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o"}):\n        r = c.chat.completions.create(\n            model="gpt-4o",\n            messages=[],\n        )\n    return r\n`,
    },
    {
      // A multi-line string inside the call keeps its text when the call is indented.
      code: `from opentelemetry import trace\nimport anthropic\nc = anthropic.Anthropic()\ndef f():\n    return c.messages.create(max_tokens=9, messages=[{"role": "user", "content": """line one\nline two"""}])\n`,
      safety: "safe",
      output: `from opentelemetry import trace\nimport anthropic\nc = anthropic.Anthropic()\ndef f():\n    with trace.get_tracer(__name__).start_as_current_span("chat", attributes={"gen_ai.operation.name": "chat", "gen_ai.provider.name": "anthropic"}):\n        return c.messages.create(max_tokens=9, messages=[{"role": "user", "content": """line one\nline two"""}])\n`,
    },
    {
      code: `const OpenAI = require("openai");\nconst c = new OpenAI();\nasync function f() {\n  return await c.embeddings.create({ model: "e", input: "x" });\n}\n`,
      language: "javascript",
      output: `const OpenAI = require("openai");\nconst { trace } = require("@opentelemetry/api");\nconst c = new OpenAI();\nasync function f() {\n  return await trace.getTracer("ai").startActiveSpan("embeddings e", { attributes: { "gen_ai.operation.name": "embeddings", "gen_ai.provider.name": "openai", "gen_ai.request.model": "e" } }, async (span) => { try { return await c.embeddings.create({ model: "e", input: "x" }); } finally { span.end(); } });\n}\n`,
    },
    {
      code: `import { generateText } from "ai";\nexport const r = generateText({ model, prompt });\n`,
      language: "typescript",
      project: { ...EMPTY_PROJECT, aiSdkMajor: 7 },
      output: `import { generateText } from "ai";\nexport const r = generateText({ model, prompt, telemetry: { isEnabled: true } });\n`,
    },
    {
      code: `import { streamText } from "ai";\nexport const r = streamText({ model, prompt });\n`,
      language: "typescript",
      safety: "safe",
      output: `import { streamText } from "ai";\nexport const r = streamText({ model, prompt, experimental_telemetry: { isEnabled: true } });\n`,
    },
  ],
});
