/**
 * Every provider of the catalogue, the way its users write it: the call site is found, its
 * client resolved, and the checks read the SDK's own option names and defaults.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { DEFAULT_CONFIG, EMPTY_PROJECT, lintText, type LanguageId } from "../index";
import { initTestEngine } from "../testing";

before(initTestEngine);

function sitesOf(code: string, language: LanguageId = "python") {
  const result = lintText(code, language, DEFAULT_CONFIG, EMPTY_PROJECT);
  return result.facts.callSites.map((site, i) => ({ provider: site.sdk.provider, api: site.method.path, model: site.model, ...result.checks[i] }));
}

type Expected = { provider: string; api: string } & Partial<Record<"timeout" | "outputLimit" | "usageRecorded" | "telemetry" | "modelPinned", string>> & { model?: string | null };

function expectOne(code: string, expected: Expected, language: LanguageId = "python") {
  const sites = sitesOf(code, language);
  assert.equal(sites.length, 1, JSON.stringify(sites));
  const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, (sites[0] as Record<string, unknown>)[k]]));
  assert.deepEqual(picked, expected);
}

describe("Python providers", () => {
  it("Groq: 60 s default timeout counts, output limit needed", () => {
    expectOne(`from groq import Groq\nc = Groq()\nc.chat.completions.create(model="llama-3.3-70b-versatile", messages=[])\n`, { provider: "groq", api: "chat.completions.create", timeout: "pass", outputLimit: "fail" });
  });
  it("Together: OpenAI-style, with a 60 s default", () => {
    expectOne(`from together import Together\nc = Together()\nc.chat.completions.create(model="m", messages=[], max_tokens=10)\n`, { provider: "together", api: "chat.completions.create", timeout: "pass", outputLimit: "pass" });
  });
  it("Mistral: timeout_ms in milliseconds, no default", () => {
    expectOne(`from mistralai import Mistral\nc = Mistral(api_key=k)\nc.chat.complete(model="mistral-small-2503", messages=[], max_tokens=100)\n`, { provider: "mistral", api: "chat.complete", timeout: "fail", outputLimit: "pass" });
    expectOne(`from mistralai import Mistral\nc = Mistral(api_key=k, timeout_ms=20000)\nc.chat.complete(model="m", messages=[])\n`, { provider: "mistral", api: "chat.complete", timeout: "pass" });
  });
  it("Cohere: 300 s default is too long; request_options bound one call", () => {
    expectOne(`import cohere\nco = cohere.ClientV2()\nco.chat(model="command-a-03-2025", messages=[])\n`, { provider: "cohere", api: "chat", timeout: "fail" });
    expectOne(`import cohere\nco = cohere.ClientV2(timeout=30)\nco.chat(model="m", messages=[], max_tokens=200)\n`, { provider: "cohere", api: "chat", timeout: "pass", outputLimit: "pass" });
  });
  it("Google GenAI: `from google import genai`, limits inside config, timeout in http_options", () => {
    const code = (client: string, config: string) => `from google import genai\nfrom google.genai import types\nc = genai.Client(${client})\nc.models.generate_content(model="gemini-3-flash", contents="hi"${config})\n`;
    expectOne(code("", ""), { provider: "google", api: "models.generate_content", timeout: "fail", outputLimit: "fail" });
    expectOne(code('http_options=types.HttpOptions(timeout=30000)', ', config=types.GenerateContentConfig(max_output_tokens=500)'), { provider: "google", api: "models.generate_content", timeout: "pass", outputLimit: "pass" });
    expectOne(code('http_options={"timeout": 30000}', ', config={"temperature": 0.2}'), { provider: "google", api: "models.generate_content", timeout: "pass", outputLimit: "fail" });
    expectOne(code("", ", config=shared_config"), { provider: "google", api: "models.generate_content", outputLimit: "unknown" });
  });
  it("Google GenAI embeddings report no usage to record", () => {
    expectOne(`from google import genai\nc = genai.Client()\nr = c.models.embed_content(model="gemini-embedding-001", contents=["a"])\nvectors = r.embeddings\n`, { provider: "google", api: "models.embed_content", usageRecorded: "unknown" });
  });
  it("LiteLLM: module functions, its 6000 s default counts as missing", () => {
    expectOne(`import litellm\nlitellm.completion(model="gpt-5.5-2026-04-23", messages=[], max_tokens=100)\n`, { provider: "litellm", api: "completion", timeout: "fail", outputLimit: "pass" });
    expectOne(`from litellm import acompletion\nasync def f():\n    return await acompletion(model="m", messages=[], timeout=30)\n`, { provider: "litellm", api: "acompletion", timeout: "pass" });
  });
  it("Ollama: module functions and Client; num_predict inside options; usage is not billed", () => {
    expectOne(`import ollama\nollama.chat(model="llama3.2", messages=[], options={"num_predict": 200})\n`, { provider: "ollama", api: "chat", timeout: "fail", outputLimit: "pass", usageRecorded: "unknown" });
    expectOne(`from ollama import Client\nc = Client(host="http://localhost:11434", timeout=60)\nc.chat(model="llama3.2", messages=[])\n`, { provider: "ollama", api: "chat", timeout: "pass", outputLimit: "fail" });
  });
  it("LangChain: options live on the chat model; tracing may come from the environment", () => {
    expectOne(`from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="gpt-5.5-2026-04-23")\nllm.invoke("hi")\n`, { provider: "langchain", api: "invoke", timeout: "fail", outputLimit: "fail", telemetry: "unknown", model: "gpt-5.5-2026-04-23" });
    expectOne(`from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="m", timeout=30, max_tokens=300)\nllm.invoke("hi")\n`, { provider: "langchain", api: "invoke", timeout: "pass", outputLimit: "pass" });
    // langchain-anthropic caps output at 1024 tokens by default.
    expectOne(`from langchain_anthropic import ChatAnthropic\nllm = ChatAnthropic(model="claude-sonnet-4-6", default_request_timeout=30)\nllm.invoke("hi")\n`, { provider: "langchain", api: "invoke", timeout: "pass", outputLimit: "pass" });
  });
  it("LangChain runnables built on a chat model call it, with its settings", () => {
    expectOne(`from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="m", timeout=30)\nchain = prompt | llm | parser\nchain.invoke({"q": 1})\n`, { provider: "langchain", api: "invoke", timeout: "pass", outputLimit: "fail", usageRecorded: "unknown" });
    expectOne(`from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="m")\nstructured = llm.with_structured_output(Answer)\nstructured.invoke("q")\n`, { provider: "langchain", api: "invoke", timeout: "fail" });
    expectOne(`import { ChatOpenAI } from "@langchain/openai";\nconst llm = new ChatOpenAI({ model: "m", maxTokens: 100 });\nconst chain = prompt.pipe(llm).pipe(parser);\nawait chain.invoke({ q: 1 });\n`, { provider: "langchain", api: "invoke", outputLimit: "pass" }, "typescript");
  });
  it("AWS Bedrock: boto3's bedrock-runtime client; botocore's 60 s read timeout counts; maxTokens inside inferenceConfig", () => {
    expectOne(`import boto3\nbedrock = boto3.client("bedrock-runtime", region_name="us-east-1")\nr = bedrock.converse(modelId="anthropic.claude-sonnet-4-6", messages=[])\nprint(r["usage"])\n`, { provider: "bedrock", api: "converse", timeout: "pass", outputLimit: "fail", usageRecorded: "unknown" });
    expectOne(`import boto3\nsession = boto3.Session()\nbedrock = session.client("bedrock-runtime")\nbedrock.converse(modelId="m", messages=[], inferenceConfig={"maxTokens": 512})\n`, { provider: "bedrock", api: "converse", outputLimit: "pass" });
    assert.deepEqual(sitesOf(`import boto3\ns3 = boto3.client("s3")\ns3.converse(Bucket="b")\n`), []);
  });
  it("plain HTTP to a model API: requests waits forever, httpx for 5 s; other URLs are no model calls", () => {
    expectOne(`import requests\nURL = "https://api.openai.com/v1/chat/completions"\nr = requests.post(URL, json={"model": "m", "messages": []}, headers=h)\nprint(r.json())\n`, { provider: "http", api: "post", timeout: "fail", outputLimit: "fail", usageRecorded: "unknown" });
    expectOne(`import httpx\nhttpx.post(f"https://api.anthropic.com/v1/messages", json={"model": "m", "max_tokens": 100})\n`, { provider: "http", api: "post", timeout: "pass", outputLimit: "pass" });
    assert.deepEqual(sitesOf(`import requests\nrequests.post("https://hooks.slack.com/x", json={"text": "hi"})\nrequests.post(url, json=body)\n`), []);
  });
  it("the pre-1.0 OpenAI module API", () => {
    expectOne(`import openai\nopenai.ChatCompletion.create(model="gpt-5.5-2026-04-23", messages=[], request_timeout=30)\n`, { provider: "openai", api: "ChatCompletion.create", timeout: "pass", outputLimit: "fail" });
  });
  it("a client made by a factory function in the same module, called directly or through a name", () => {
    const code = `from openai import OpenAI\ndef get_client():\n    return OpenAI(timeout=20)\ndef make():\n    c = OpenAI()\n    return c\nget_client().chat.completions.create(model="m", messages=[], max_tokens=5)\nslow = make()\nslow.chat.completions.create(model="m", messages=[], max_tokens=5)\n`;
    assert.deepEqual(sitesOf(code).map((s) => s.timeout), ["pass", "fail"]);
  });
  it("a one-word method is a call site only on a client the engine found", () => {
    assert.deepEqual(sitesOf(`import cohere\nfrom app.bots import bot\nbot.chat("hello")\n`), []);
    assert.deepEqual(sitesOf(`from langchain_openai import ChatOpenAI\nchain = prompt | retriever\nchain.invoke({"q": 1})\n`), []);
  });
});

describe("TypeScript providers", () => {
  it("groq-sdk, @mistralai/mistralai, @google/genai", () => {
    expectOne(`import Groq from "groq-sdk";\nconst c = new Groq();\nawait c.chat.completions.create({ model: "m", messages: [] });\n`, { provider: "groq", api: "chat.completions.create", timeout: "pass" }, "typescript");
    expectOne(`import { Mistral } from "@mistralai/mistralai";\nconst c = new Mistral({ apiKey });\nawait c.chat.complete({ model: "m", messages: [], maxTokens: 50 }, { timeoutMs: 20000 });\n`, { provider: "mistral", api: "chat.complete", timeout: "pass", outputLimit: "pass" }, "typescript");
    expectOne(`import { GoogleGenAI } from "@google/genai";\nconst ai = new GoogleGenAI({});\nawait ai.models.generateContent({ model: "m", contents: "hi", config: { maxOutputTokens: 300, httpOptions: { timeout: 30000 } } });\n`, { provider: "google", api: "models.generateContent", timeout: "pass", outputLimit: "pass" }, "typescript");
  });
  it("cohere-ai: timeoutInSeconds per request, 300 s by default", () => {
    expectOne(`import { CohereClientV2 } from "cohere-ai";\nconst co = new CohereClientV2({ token });\nawait co.chat({ model: "command-a-03-2025", messages: [], maxTokens: 200 });\n`, { provider: "cohere", api: "chat", timeout: "fail", outputLimit: "pass" }, "typescript");
    expectOne(`import { CohereClientV2 } from "cohere-ai";\nconst co = new CohereClientV2({ token });\nawait co.chat({ model: "m", messages: [] }, { timeoutInSeconds: 30 });\n`, { provider: "cohere", api: "chat", timeout: "pass" }, "typescript");
  });
  it("Ollama's JS library: the default export and `new Ollama()`", () => {
    expectOne(`import ollama from "ollama";\nawait ollama.chat({ model: "llama3.2", messages: [], options: { num_predict: 200 } });\n`, { provider: "ollama", api: "chat", timeout: "fail", outputLimit: "pass", usageRecorded: "unknown" }, "typescript");
    expectOne(`import { Ollama } from "ollama";\nconst o = new Ollama({ host: "http://127.0.0.1:11434" });\nawait o.generate({ model: "m", prompt: "hi" });\n`, { provider: "ollama", api: "generate", outputLimit: "fail" }, "typescript");
  });
  it("fetch to a model API, with or without an abort signal", () => {
    expectOne(`const res = await fetch("https://api.openai.com/v1/responses", { method: "POST", headers, body: JSON.stringify(body) });\n`, { provider: "http", api: "fetch", timeout: "fail", outputLimit: "unknown" }, "typescript");
    expectOne(`await fetch(\`https://generativelanguage.googleapis.com/v1beta/models/\${model}:generateContent\`, { method: "POST", body, signal: AbortSignal.timeout(20000) });\n`, { provider: "http", api: "fetch", timeout: "pass" }, "typescript");
    assert.deepEqual(sitesOf(`await fetch("/api/chat", { method: "POST" });\nawait fetch(url);\n`, "typescript"), []);
    // Listing models and searching the web ask no model anything.
    assert.deepEqual(sitesOf(`await fetch("https://api.openai.com/v1/models", { headers });\nawait fetch("https://api.perplexity.ai/search", { method: "POST", body });\n`, "typescript"), []);
  });
  it("axios to a model API: its timeout is in the request settings, 0 (none) by default", () => {
    expectOne(`import axios from "axios";\nawait axios.post("https://api.openai.com/v1/chat/completions", { model: "m", messages: [], max_tokens: 100 }, { headers, timeout: 20000 });\n`, { provider: "http", api: "post", timeout: "pass", outputLimit: "pass" }, "typescript");
    expectOne(`import axios from "axios";\nawait axios.post("https://api.anthropic.com/v1/messages", { model: "m", messages: [] });\n`, { provider: "http", api: "post", timeout: "fail", outputLimit: "fail" }, "typescript");
    assert.deepEqual(sitesOf(`import axios from "axios";\nawait axios.post("https://example.com/v1/chat/completions", {});\n`, "typescript"), []);
  });
  it("LangChain.js chat models", () => {
    expectOne(`import { ChatOpenAI } from "@langchain/openai";\nconst llm = new ChatOpenAI({ model: "m" });\nawait llm.invoke("hi");\n`, { provider: "langchain", api: "invoke", timeout: "fail", outputLimit: "fail" }, "typescript");
    expectOne(`import { ChatOpenAI } from "@langchain/openai";\nconst llm = new ChatOpenAI({ model: "m", timeout: 30000, maxTokens: 200 });\nawait llm.invoke("hi");\n`, { provider: "langchain", api: "invoke", timeout: "pass", outputLimit: "pass" }, "typescript");
    // ChatGroq runs on groq-sdk, which gives up after 60 s.
    expectOne(`import { ChatGroq } from "@langchain/groq";\nconst llm = new ChatGroq({ model: "m" });\nawait llm.invoke("hi");\n`, { provider: "langchain", api: "invoke", timeout: "pass" }, "typescript");
  });
  it("SDKs loaded with require or import() inside a function", () => {
    expectOne(`class LLM {\n  constructor() {\n    const { OpenAI } = require("openai");\n    this.openai = new OpenAI({ timeout: 20000 });\n  }\n  ask(messages) {\n    return this.openai.chat.completions.create({ model: "m", messages, max_tokens: 10 });\n  }\n}\n`, { provider: "openai", api: "chat.completions.create", timeout: "pass", outputLimit: "pass" }, "javascript");
    expectOne(`export async function ask() {\n  const { default: Anthropic } = await import("@anthropic-ai/sdk");\n  const c = new Anthropic();\n  return c.messages.create({ model: "m", max_tokens: 10, messages: [] });\n}\n`, { provider: "anthropic", api: "messages.create", timeout: "fail" }, "typescript");
  });
});
