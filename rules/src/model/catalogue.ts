/**
 * The SDK catalogue: what the engine knows about each provider's SDK, as data.
 * Adding a provider or a method is an entry here, not new rule code.
 */

export type Ecosystem = "python" | "js";

/** What a model call asks for; decides which output limit applies. */
export type ApiKind = "chat" | "responses" | "completion" | "messages" | "embedding" | "generate";

export interface MethodEntry {
  /** The attribute chain after the client, or the function name for function-style SDKs. */
  path: string;
  kind: ApiKind;
  /** Parameter names that bound the output, in the order the fix prefers; empty when none applies. */
  outputLimit: string[];
  /** The API returns parsed, schema-checked output. */
  structuredOutput?: boolean;
  /** The response carries no token usage to record. */
  reportsUsage?: false;
  /** A stream reports usage only when asked: `stream_options={"include_usage": True}`. */
  streamUsage?: { option: string; field: string };
}

const OPENAI_STREAM_USAGE = { option: "stream_options", field: "include_usage" };

export interface TimeoutEntry {
  /** Option name on the client constructor and on the call; `a.b` is `b` inside the object `a` (`http_options.timeout`). */
  option: string;
  unit: "s" | "ms";
  /** The SDK's own default, in seconds; null means it never times out. */
  defaultSeconds: number | null;
  /** Other option names that bound the call's time (`abortSignal`, `signal`). */
  alternatives: string[];
  /** The call itself takes no timeout (LangChain Python): only the client can carry one. */
  clientOnly?: boolean;
}

export interface SdkEntry {
  id: string;
  /** The provider reported in call sites (`openai`, `anthropic`, `vercel-ai`). */
  provider: string;
  ecosystem: Ecosystem;
  /** Import sources that bring this SDK in. */
  modules: string[];
  /** Client classes; empty for function-style SDKs (the Vercel AI SDK). */
  clientClasses: string[];
  methods: MethodEntry[];
  timeout: TimeoutEntry;
  /** Where the call's options go in JS: the first argument, with request options as a second. */
  apiKeyOption: string;
  baseUrlOption: string;
  apiKeyEnv: string;
  /** Words of the usage object, for the message and the recording fix. */
  usageField: string;
  /** The name people know the SDK by, in messages (`OpenAI SDK`, `LangChain`). */
  displayName: string;
  /** Output limits may be set on the client (a LangChain chat model), not only on the call. */
  limitsOnClient?: boolean;
  /** The SDK caps output by default (langchain-anthropic's `max_tokens=1024`). */
  outputLimitDefault?: number;
  /** A local server, where tokens cost nothing: usage recording is not checked. */
  unbilled?: boolean;
  /** Plain HTTP: a call site only when its URL is a known model endpoint (`MODEL_ENDPOINT`). */
  http?: {
    /** A global function needing no import (`fetch`). */
    global?: string;
    /** Which argument holds the request's options (`fetch(url, { … })`); the URL is the first. */
    optionsArgument?: number;
    /** Which argument holds the client's per-request settings (`axios.post(url, data, { timeout })`). */
    requestOptionsArgument?: number;
  };
  /** The package's default export is a client instance (`import ollama from "ollama"`). */
  defaultExportIsClient?: boolean;
  /** Clients made by a factory instead of a class: `boto3.client("bedrock-runtime")`. */
  factory?: { method: string; service: string };
  /** Whose models the ids name, when not `provider` (a LangChain `ChatOpenAI` names OpenAI's). */
  modelProvider?: string;
  /** Tracing is usually turned on from the environment (LangSmith's `LANGSMITH_TRACING`), where the engine cannot look. */
  tracedByEnvironment?: boolean;
}

const OPENAI_METHODS: MethodEntry[] = [
  { path: "chat.completions.create", kind: "chat", outputLimit: ["max_completion_tokens", "max_tokens"], streamUsage: OPENAI_STREAM_USAGE },
  { path: "chat.completions.parse", kind: "chat", outputLimit: ["max_completion_tokens", "max_tokens"], structuredOutput: true },
  { path: "beta.chat.completions.parse", kind: "chat", outputLimit: ["max_completion_tokens", "max_tokens"], structuredOutput: true },
  { path: "chat.completions.stream", kind: "chat", outputLimit: ["max_completion_tokens", "max_tokens"] },
  { path: "responses.create", kind: "responses", outputLimit: ["max_output_tokens"] },
  { path: "responses.parse", kind: "responses", outputLimit: ["max_output_tokens"], structuredOutput: true },
  { path: "responses.stream", kind: "responses", outputLimit: ["max_output_tokens"] },
  { path: "completions.create", kind: "completion", outputLimit: ["max_tokens"], streamUsage: OPENAI_STREAM_USAGE },
  { path: "embeddings.create", kind: "embedding", outputLimit: [] },
  // The pre-1.0 module API, still in many codebases.
  { path: "ChatCompletion.create", kind: "chat", outputLimit: ["max_tokens"] },
  { path: "ChatCompletion.acreate", kind: "chat", outputLimit: ["max_tokens"] },
  { path: "Completion.create", kind: "completion", outputLimit: ["max_tokens"] },
  { path: "Embedding.create", kind: "embedding", outputLimit: [] },
];

const ANTHROPIC_METHODS: MethodEntry[] = [
  { path: "messages.create", kind: "messages", outputLimit: ["max_tokens"] },
  { path: "messages.stream", kind: "messages", outputLimit: ["max_tokens"] },
  { path: "beta.messages.create", kind: "messages", outputLimit: ["max_tokens"] },
];


/** Where the output limit sits in the JSON bodies of the common model APIs. */
const BODY_LIMITS = (body: string) => ["max_tokens", "max_completion_tokens", "max_output_tokens", "generationConfig.maxOutputTokens"].map((n) => `${body}.${n}`);

/** OpenAI-style chat on other SDKs; Groq reports stream usage by itself (`x_groq.usage`). */
const CHAT_METHODS_OPENAI_STYLE: MethodEntry[] = [{ path: "chat.completions.create", kind: "chat", outputLimit: ["max_completion_tokens", "max_tokens"] }];

/** LangChain chat models: the model object is the client; calls pass messages, options live on the model. */
const LANGCHAIN_METHODS = (limits: string[]): MethodEntry[] =>
  ["invoke", "ainvoke", "stream", "astream", "batch", "abatch"].map((path) => ({ path, kind: "chat" as const, outputLimit: limits }));

interface LangChainModel {
  id: string;
  module: string;
  /** Whose models it runs (`ChatOpenAI` → OpenAI's). */
  provider: string;
  classes: string[];
  limits: string[];
  /** Python: other option names that set the timeout. */
  alternatives?: string[];
  defaultLimit?: number;
  defaultSeconds?: number;
  unbilled?: boolean;
}

/** LangChain chat-model packages: the model object is the client, and its options carry timeout and limits. */
function langChainModels(ecosystem: Ecosystem, models: LangChainModel[]): SdkEntry[] {
  const python = ecosystem === "python";
  return models.map((model) => ({
    id: model.id,
    displayName: "LangChain chat model",
    provider: "langchain",
    ecosystem,
    modules: [model.module],
    modelProvider: model.provider,
    clientClasses: model.classes,
    methods: LANGCHAIN_METHODS(model.limits),
    // Python: on the model only. JS: the model's `timeout` (ms) for every call, `invoke(input, { timeout, signal })` for one.
    timeout: python
      ? { option: "timeout", unit: "s", defaultSeconds: model.defaultSeconds ?? null, alternatives: model.alternatives ?? [], clientOnly: true }
      : { option: "timeout", unit: "ms", defaultSeconds: model.defaultSeconds ?? null, alternatives: ["signal"] },
    apiKeyOption: python ? "api_key" : "apiKey",
    baseUrlOption: python ? "base_url" : "configuration",
    apiKeyEnv: "OPENAI_API_KEY",
    usageField: "usage_metadata",
    limitsOnClient: true,
    ...(model.defaultLimit ? { outputLimitDefault: model.defaultLimit } : {}),
    ...(model.unbilled ? { unbilled: true } : {}),
    tracedByEnvironment: true,
  }));
}

const PYTHON_PROVIDERS: SdkEntry[] = [
  {
    id: "groq-python",
    displayName: "Groq SDK",
    provider: "groq",
    ecosystem: "python",
    modules: ["groq"],
    clientClasses: ["Groq", "AsyncGroq"],
    methods: CHAT_METHODS_OPENAI_STYLE,
    // Groq's SDK gives up after 60 s by default.
    timeout: { option: "timeout", unit: "s", defaultSeconds: 60, alternatives: [] },
    apiKeyOption: "api_key",
    baseUrlOption: "base_url",
    apiKeyEnv: "GROQ_API_KEY",
    usageField: "usage",
  },
  {
    id: "together-python",
    displayName: "Together SDK",
    provider: "together",
    ecosystem: "python",
    modules: ["together"],
    clientClasses: ["Together", "AsyncTogether"],
    methods: [...CHAT_METHODS_OPENAI_STYLE, { path: "completions.create", kind: "completion", outputLimit: ["max_tokens"] }, { path: "embeddings.create", kind: "embedding", outputLimit: [] }],
    // Together's SDK gives up after 60 s by default.
    timeout: { option: "timeout", unit: "s", defaultSeconds: 60, alternatives: [] },
    apiKeyOption: "api_key",
    baseUrlOption: "base_url",
    apiKeyEnv: "TOGETHER_API_KEY",
    usageField: "usage",
  },
  {
    id: "mistral-python",
    displayName: "Mistral SDK",
    provider: "mistral",
    ecosystem: "python",
    modules: ["mistralai"],
    clientClasses: ["Mistral"],
    methods: [
      { path: "chat.complete", kind: "chat", outputLimit: ["max_tokens"] },
      { path: "chat.complete_async", kind: "chat", outputLimit: ["max_tokens"] },
      { path: "chat.stream", kind: "chat", outputLimit: ["max_tokens"] },
      { path: "chat.stream_async", kind: "chat", outputLimit: ["max_tokens"] },
      { path: "chat.parse", kind: "chat", outputLimit: ["max_tokens"], structuredOutput: true },
      { path: "embeddings.create", kind: "embedding", outputLimit: [] },
    ],
    timeout: { option: "timeout_ms", unit: "ms", defaultSeconds: null, alternatives: [] },
    apiKeyOption: "api_key",
    baseUrlOption: "server_url",
    apiKeyEnv: "MISTRAL_API_KEY",
    usageField: "usage",
  },
  {
    id: "cohere-python",
    displayName: "Cohere SDK",
    provider: "cohere",
    ecosystem: "python",
    modules: ["cohere"],
    clientClasses: ["ClientV2", "AsyncClientV2", "Client", "AsyncClient"],
    methods: [
      { path: "chat", kind: "chat", outputLimit: ["max_tokens"] },
      { path: "chat_stream", kind: "chat", outputLimit: ["max_tokens"] },
      { path: "embed", kind: "embedding", outputLimit: [] },
    ],
    // The client waits 300 s by default.
    timeout: { option: "timeout", unit: "s", defaultSeconds: 300, alternatives: ["request_options"], clientOnly: true },
    apiKeyOption: "api_key",
    baseUrlOption: "base_url",
    apiKeyEnv: "CO_API_KEY",
    usageField: "usage",
  },
  {
    id: "google-genai-python",
    displayName: "Google GenAI SDK",
    provider: "google",
    ecosystem: "python",
    modules: ["google.genai"],
    clientClasses: ["Client"],
    methods: [
      { path: "models.generate_content", kind: "generate", outputLimit: ["config.max_output_tokens"] },
      { path: "models.generate_content_stream", kind: "generate", outputLimit: ["config.max_output_tokens"] },
      { path: "aio.models.generate_content", kind: "generate", outputLimit: ["config.max_output_tokens"] },
      { path: "aio.models.generate_content_stream", kind: "generate", outputLimit: ["config.max_output_tokens"] },
      // The Gemini API reports no token usage for embeddings (only Vertex AI does).
      { path: "models.embed_content", kind: "embedding", outputLimit: [], reportsUsage: false },
    ],
    // No default deadline; `http_options` takes milliseconds.
    timeout: { option: "http_options.timeout", unit: "ms", defaultSeconds: null, alternatives: ["config.http_options"], clientOnly: true },
    apiKeyOption: "api_key",
    baseUrlOption: "http_options",
    apiKeyEnv: "GEMINI_API_KEY",
    usageField: "usage_metadata",
  },
  {
    id: "bedrock-python",
    displayName: "AWS SDK (Bedrock)",
    provider: "bedrock",
    ecosystem: "python",
    modules: ["boto3"],
    clientClasses: ["bedrock-runtime"],
    factory: { method: "client", service: "bedrock-runtime" },
    methods: [
      { path: "converse", kind: "chat", outputLimit: ["inferenceConfig.maxTokens"] },
      { path: "converse_stream", kind: "chat", outputLimit: ["inferenceConfig.maxTokens"] },
      // The limit is inside the model-specific JSON body: the engine does not judge it.
      { path: "invoke_model", kind: "generate", outputLimit: [] },
      { path: "invoke_model_with_response_stream", kind: "generate", outputLimit: [] },
    ],
    // botocore reads for at most 60 s by default; `config=Config(read_timeout=…)` changes it.
    timeout: { option: "config", unit: "s", defaultSeconds: 60, alternatives: [], clientOnly: true },
    apiKeyOption: "aws_secret_access_key",
    baseUrlOption: "endpoint_url",
    apiKeyEnv: "AWS_SECRET_ACCESS_KEY",
    usageField: "usage",
  },
  {
    id: "requests-python",
    displayName: "requests library",
    provider: "http",
    ecosystem: "python",
    modules: ["requests"],
    clientClasses: [],
    http: {},
    methods: [{ path: "post", kind: "chat", outputLimit: BODY_LIMITS("json") }],
    // requests waits forever unless told otherwise.
    timeout: { option: "timeout", unit: "s", defaultSeconds: null, alternatives: [] },
    apiKeyOption: "headers",
    baseUrlOption: "url",
    apiKeyEnv: "OPENAI_API_KEY",
    usageField: "usage",
  },
  {
    id: "httpx-python",
    displayName: "httpx library",
    provider: "http",
    ecosystem: "python",
    modules: ["httpx"],
    clientClasses: [],
    http: {},
    methods: [{ path: "post", kind: "chat", outputLimit: BODY_LIMITS("json") }],
    // httpx gives up after 5 s by default.
    timeout: { option: "timeout", unit: "s", defaultSeconds: 5, alternatives: [] },
    apiKeyOption: "headers",
    baseUrlOption: "url",
    apiKeyEnv: "OPENAI_API_KEY",
    usageField: "usage",
  },
  {
    id: "litellm",
    displayName: "LiteLLM",
    provider: "litellm",
    ecosystem: "python",
    modules: ["litellm"],
    clientClasses: [],
    methods: [
      { path: "completion", kind: "chat", outputLimit: ["max_tokens", "max_completion_tokens"] },
      { path: "acompletion", kind: "chat", outputLimit: ["max_tokens", "max_completion_tokens"] },
      { path: "text_completion", kind: "completion", outputLimit: ["max_tokens"] },
      { path: "embedding", kind: "embedding", outputLimit: [] },
      { path: "aembedding", kind: "embedding", outputLimit: [] },
    ],
    // LiteLLM's own default request timeout is 6000 s.
    timeout: { option: "timeout", unit: "s", defaultSeconds: 6000, alternatives: ["request_timeout"] },
    apiKeyOption: "api_key",
    baseUrlOption: "api_base",
    apiKeyEnv: "OPENAI_API_KEY",
    usageField: "usage",
  },
  {
    id: "ollama-python",
    displayName: "Ollama library",
    provider: "ollama",
    ecosystem: "python",
    modules: ["ollama"],
    clientClasses: ["Client", "AsyncClient"],
    methods: [
      { path: "chat", kind: "chat", outputLimit: ["options.num_predict"] },
      { path: "generate", kind: "generate", outputLimit: ["options.num_predict"] },
      { path: "embed", kind: "embedding", outputLimit: [] },
      { path: "embeddings", kind: "embedding", outputLimit: [] },
    ],
    timeout: { option: "timeout", unit: "s", defaultSeconds: null, alternatives: [], clientOnly: true },
    apiKeyOption: "api_key",
    baseUrlOption: "host",
    apiKeyEnv: "OLLAMA_API_KEY",
    usageField: "eval_count",
    unbilled: true,
  },
  ...langChainModels("python", [
    { id: "langchain-openai-python", module: "langchain_openai", provider: "openai", classes: ["ChatOpenAI", "AzureChatOpenAI"], limits: ["max_tokens", "max_completion_tokens"], alternatives: ["request_timeout"] },
    { id: "langchain-anthropic-python", module: "langchain_anthropic", provider: "anthropic", classes: ["ChatAnthropic"], limits: ["max_tokens", "max_tokens_to_sample"], alternatives: ["default_request_timeout"], defaultLimit: 1024 },
    { id: "langchain-google-python", module: "langchain_google_genai", provider: "google", classes: ["ChatGoogleGenerativeAI"], limits: ["max_output_tokens", "max_tokens"], alternatives: [] },
    { id: "langchain-groq-python", module: "langchain_groq", provider: "groq", classes: ["ChatGroq"], limits: ["max_tokens"], alternatives: ["request_timeout"], defaultSeconds: 60 },
    { id: "langchain-mistral-python", module: "langchain_mistralai", provider: "mistral", classes: ["ChatMistralAI"], limits: ["max_tokens"], alternatives: [], defaultSeconds: 120 },
    { id: "langchain-ollama-python", module: "langchain_ollama", provider: "ollama", classes: ["ChatOllama"], limits: ["num_predict"], alternatives: ["client_kwargs"], unbilled: true },
  ]),
];

const JS_PROVIDERS: SdkEntry[] = [
  {
    id: "axios-js",
    displayName: "axios library",
    provider: "http",
    ecosystem: "js",
    modules: ["axios"],
    clientClasses: [],
    http: { optionsArgument: 1, requestOptionsArgument: 2 },
    methods: [{ path: "post", kind: "chat", outputLimit: ["max_tokens", "max_completion_tokens", "max_output_tokens", "generationConfig.maxOutputTokens"] }],
    // axios waits forever by default (`timeout: 0`).
    timeout: { option: "timeout", unit: "ms", defaultSeconds: null, alternatives: ["signal"] },
    apiKeyOption: "headers",
    baseUrlOption: "url",
    apiKeyEnv: "OPENAI_API_KEY",
    usageField: "usage",
  },
  {
    id: "fetch-js",
    displayName: "fetch API",
    provider: "http",
    ecosystem: "js",
    modules: [],
    clientClasses: [],
    http: { global: "fetch", optionsArgument: 1 },
    // The body is a JSON string the engine does not read: its limit is not judged.
    methods: [{ path: "fetch", kind: "chat", outputLimit: [] }],
    // fetch has no deadline of its own; `signal: AbortSignal.timeout(ms)` gives one.
    timeout: { option: "signal", unit: "ms", defaultSeconds: null, alternatives: [] },
    apiKeyOption: "headers",
    baseUrlOption: "url",
    apiKeyEnv: "OPENAI_API_KEY",
    usageField: "usage",
  },
  {
    id: "groq-js",
    displayName: "Groq SDK",
    provider: "groq",
    ecosystem: "js",
    modules: ["groq-sdk"],
    clientClasses: ["Groq"],
    methods: CHAT_METHODS_OPENAI_STYLE,
    timeout: { option: "timeout", unit: "ms", defaultSeconds: 60, alternatives: ["signal"] },
    apiKeyOption: "apiKey",
    baseUrlOption: "baseURL",
    apiKeyEnv: "GROQ_API_KEY",
    usageField: "usage",
  },
  {
    id: "cohere-js",
    displayName: "Cohere SDK",
    provider: "cohere",
    ecosystem: "js",
    modules: ["cohere-ai"],
    clientClasses: ["CohereClientV2", "CohereClient"],
    methods: [
      { path: "chat", kind: "chat", outputLimit: ["maxTokens", "max_tokens"] },
      { path: "chatStream", kind: "chat", outputLimit: ["maxTokens", "max_tokens"] },
      { path: "embed", kind: "embedding", outputLimit: [] },
    ],
    // Per request: `chat(body, { timeoutInSeconds })`; the client's default is 300 s.
    timeout: { option: "timeoutInSeconds", unit: "s", defaultSeconds: 300, alternatives: ["abortSignal"] },
    apiKeyOption: "token",
    baseUrlOption: "environment",
    apiKeyEnv: "CO_API_KEY",
    usageField: "usage",
  },
  {
    id: "mistral-js",
    displayName: "Mistral SDK",
    provider: "mistral",
    ecosystem: "js",
    modules: ["@mistralai/mistralai"],
    clientClasses: ["Mistral"],
    methods: [
      { path: "chat.complete", kind: "chat", outputLimit: ["maxTokens"] },
      { path: "chat.stream", kind: "chat", outputLimit: ["maxTokens"] },
      { path: "chat.parse", kind: "chat", outputLimit: ["maxTokens"], structuredOutput: true },
      { path: "embeddings.create", kind: "embedding", outputLimit: [] },
    ],
    timeout: { option: "timeoutMs", unit: "ms", defaultSeconds: null, alternatives: ["fetchOptions"] },
    apiKeyOption: "apiKey",
    baseUrlOption: "serverURL",
    apiKeyEnv: "MISTRAL_API_KEY",
    usageField: "usage",
  },
  {
    id: "ollama-js",
    displayName: "Ollama library",
    provider: "ollama",
    ecosystem: "js",
    modules: ["ollama", "ollama/browser"],
    clientClasses: ["Ollama"],
    defaultExportIsClient: true,
    methods: [
      { path: "chat", kind: "chat", outputLimit: ["options.num_predict"] },
      { path: "generate", kind: "generate", outputLimit: ["options.num_predict"] },
      { path: "embed", kind: "embedding", outputLimit: [] },
      { path: "embeddings", kind: "embedding", outputLimit: [] },
    ],
    // Requests go through `fetch` with no deadline; a client may be given its own `fetch`.
    timeout: { option: "fetch", unit: "ms", defaultSeconds: null, alternatives: [], clientOnly: true },
    apiKeyOption: "headers",
    baseUrlOption: "host",
    apiKeyEnv: "OLLAMA_API_KEY",
    usageField: "eval_count",
    unbilled: true,
  },
  {
    id: "google-genai-js",
    displayName: "Google GenAI SDK",
    provider: "google",
    ecosystem: "js",
    modules: ["@google/genai"],
    clientClasses: ["GoogleGenAI"],
    methods: [
      { path: "models.generateContent", kind: "generate", outputLimit: ["config.maxOutputTokens"] },
      { path: "models.generateContentStream", kind: "generate", outputLimit: ["config.maxOutputTokens"] },
      { path: "models.embedContent", kind: "embedding", outputLimit: [], reportsUsage: false },
    ],
    // Options go in the body (`config.httpOptions.timeout`, `config.abortSignal`) or on the client.
    timeout: { option: "httpOptions.timeout", unit: "ms", defaultSeconds: null, alternatives: ["config.httpOptions", "config.abortSignal"], clientOnly: true },
    apiKeyOption: "apiKey",
    baseUrlOption: "httpOptions",
    apiKeyEnv: "GEMINI_API_KEY",
    usageField: "usageMetadata",
  },
  ...langChainModels("js", [
    { id: "langchain-openai-js", module: "@langchain/openai", provider: "openai", classes: ["ChatOpenAI", "AzureChatOpenAI"], limits: ["maxTokens", "maxCompletionTokens"] },
    { id: "langchain-anthropic-js", module: "@langchain/anthropic", provider: "anthropic", classes: ["ChatAnthropic"], limits: ["maxTokens"], defaultLimit: 2048 },
    { id: "langchain-google-js", module: "@langchain/google-genai", provider: "google", classes: ["ChatGoogleGenerativeAI"], limits: ["maxOutputTokens"] },
    // groq-sdk underneath gives up after 60 s.
    { id: "langchain-groq-js", module: "@langchain/groq", provider: "groq", classes: ["ChatGroq"], limits: ["maxTokens"], defaultSeconds: 60 },
    { id: "langchain-mistral-js", module: "@langchain/mistralai", provider: "mistral", classes: ["ChatMistralAI"], limits: ["maxTokens"] },
    { id: "langchain-ollama-js", module: "@langchain/ollama", provider: "ollama", classes: ["ChatOllama"], limits: ["numPredict"], unbilled: true },
  ]),
];

export const SDKS: SdkEntry[] = [
  {
    id: "openai-python",
    displayName: "OpenAI SDK",
    provider: "openai",
    ecosystem: "python",
    modules: ["openai"],
    clientClasses: ["OpenAI", "AsyncOpenAI", "AzureOpenAI", "AsyncAzureOpenAI"],
    methods: OPENAI_METHODS,
    // The SDK default is 600 s: a hung call holds a worker for ten minutes. (`request_timeout`: the pre-1.0 API.)
    timeout: { option: "timeout", unit: "s", defaultSeconds: 600, alternatives: ["request_timeout"] },
    apiKeyOption: "api_key",
    baseUrlOption: "base_url",
    apiKeyEnv: "OPENAI_API_KEY",
    usageField: "usage",
  },
  {
    id: "anthropic-python",
    displayName: "Anthropic SDK",
    provider: "anthropic",
    ecosystem: "python",
    modules: ["anthropic"],
    clientClasses: ["Anthropic", "AsyncAnthropic", "AnthropicBedrock", "AsyncAnthropicBedrock", "AnthropicVertex", "AsyncAnthropicVertex"],
    methods: ANTHROPIC_METHODS,
    timeout: { option: "timeout", unit: "s", defaultSeconds: 600, alternatives: [] },
    apiKeyOption: "api_key",
    baseUrlOption: "base_url",
    apiKeyEnv: "ANTHROPIC_API_KEY",
    usageField: "usage",
  },
  {
    id: "openai-js",
    displayName: "OpenAI SDK",
    provider: "openai",
    ecosystem: "js",
    modules: ["openai"],
    clientClasses: ["OpenAI", "AzureOpenAI"],
    methods: OPENAI_METHODS,
    timeout: { option: "timeout", unit: "ms", defaultSeconds: 600, alternatives: ["signal"] },
    apiKeyOption: "apiKey",
    baseUrlOption: "baseURL",
    apiKeyEnv: "OPENAI_API_KEY",
    usageField: "usage",
  },
  {
    id: "anthropic-js",
    displayName: "Anthropic SDK",
    provider: "anthropic",
    ecosystem: "js",
    modules: ["@anthropic-ai/sdk"],
    clientClasses: ["Anthropic"],
    methods: ANTHROPIC_METHODS,
    timeout: { option: "timeout", unit: "ms", defaultSeconds: 600, alternatives: ["signal"] },
    apiKeyOption: "apiKey",
    baseUrlOption: "baseURL",
    apiKeyEnv: "ANTHROPIC_API_KEY",
    usageField: "usage",
  },
  {
    id: "vercel-ai",
    displayName: "AI SDK",
    provider: "vercel-ai",
    ecosystem: "js",
    modules: ["ai"],
    clientClasses: [],
    methods: [
      // AI SDK 5+ calls the limit maxOutputTokens; AI SDK 4 called it maxTokens.
      { path: "generateText", kind: "generate", outputLimit: ["maxOutputTokens", "maxTokens"] },
      { path: "streamText", kind: "generate", outputLimit: ["maxOutputTokens", "maxTokens"] },
      { path: "generateObject", kind: "generate", outputLimit: ["maxOutputTokens", "maxTokens"], structuredOutput: true },
      { path: "streamObject", kind: "generate", outputLimit: ["maxOutputTokens", "maxTokens"], structuredOutput: true },
      { path: "embed", kind: "embedding", outputLimit: [] },
      { path: "embedMany", kind: "embedding", outputLimit: [] },
    ],
    // No default timeout at all; `abortSignal` bounds a call.
    timeout: { option: "abortSignal", unit: "ms", defaultSeconds: null, alternatives: ["timeout"] },
    apiKeyOption: "apiKey",
    baseUrlOption: "baseURL",
    apiKeyEnv: "OPENAI_API_KEY",
    usageField: "usage",
  },
  ...PYTHON_PROVIDERS,
  ...JS_PROVIDERS,
];

/** Model APIs called over plain HTTP: a request to one of these is a model call. */
export const MODEL_ENDPOINT = /^https:\/\/(api\.openai\.com|[\w-]+\.openai\.azure\.com|api\.anthropic\.com|generativelanguage\.googleapis\.com|api\.groq\.com|api\.mistral\.ai|api\.cohere\.(ai|com)|openrouter\.ai\/api|api\.together\.xyz|api\.deepseek\.com|api\.x\.ai|api\.perplexity\.ai|api\.fireworks\.ai)\b/;

/** The inference paths of those APIs: listing models or searching the web asks no model anything. */
export const INFERENCE_PATH = /\/(chat\/completions|completions|responses|messages|embeddings|embed|chat|generate|rerank)\b(?!\/(models|count_tokens|batches))|:(generateContent|streamGenerateContent|embedContent|batchEmbedContents)\b/;

/** AI SDK provider factories whose options may hold an API key (`createOpenAI({ apiKey })`). */
export const AI_SDK_PROVIDER_FACTORIES: Record<string, string> = {
  createOpenAI: "OPENAI_API_KEY",
  createAnthropic: "ANTHROPIC_API_KEY",
  createGoogleGenerativeAI: "GOOGLE_GENERATIVE_AI_API_KEY",
  createMistral: "MISTRAL_API_KEY",
  createGroq: "GROQ_API_KEY",
};

/** Methods that make clients (`boto3.client(…)`). */
export const FACTORY_METHODS = new Set(SDKS.flatMap((sdk) => (sdk.factory ? [sdk.factory.method] : [])));

export function sdksFor(ecosystem: Ecosystem): SdkEntry[] {
  return SDKS.filter((sdk) => sdk.ecosystem === ecosystem);
}

/** The SDK whose import source is `module` (`openai`, `anthropic.types` counts as `anthropic`). */
export function sdkForModule(ecosystem: Ecosystem, module: string): SdkEntry | undefined {
  return sdksFor(ecosystem).find((sdk) => sdk.modules.some((m) => module === m || module.startsWith(`${m}.`) || module.startsWith(`${m}/`)));
}
