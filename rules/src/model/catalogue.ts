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
  /** A stream reports usage only when asked: `stream_options={"include_usage": True}`. */
  streamUsage?: { option: string; field: string };
}

const OPENAI_STREAM_USAGE = { option: "stream_options", field: "include_usage" };

export interface TimeoutEntry {
  /** Option name on the client constructor and on the call. */
  option: string;
  unit: "s" | "ms";
  /** The SDK's own default, in seconds; null means it never times out. */
  defaultSeconds: number | null;
  /** Other option names that bound the call's time (`abortSignal`, `signal`). */
  alternatives: string[];
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
];

const ANTHROPIC_METHODS: MethodEntry[] = [
  { path: "messages.create", kind: "messages", outputLimit: ["max_tokens"] },
  { path: "messages.stream", kind: "messages", outputLimit: ["max_tokens"] },
  { path: "beta.messages.create", kind: "messages", outputLimit: ["max_tokens"] },
];

export const SDKS: SdkEntry[] = [
  {
    id: "openai-python",
    provider: "openai",
    ecosystem: "python",
    modules: ["openai"],
    clientClasses: ["OpenAI", "AsyncOpenAI", "AzureOpenAI", "AsyncAzureOpenAI"],
    methods: OPENAI_METHODS,
    // The SDK default is 600 s: a hung call holds a worker for ten minutes.
    timeout: { option: "timeout", unit: "s", defaultSeconds: 600, alternatives: [] },
    apiKeyOption: "api_key",
    baseUrlOption: "base_url",
    apiKeyEnv: "OPENAI_API_KEY",
    usageField: "usage",
  },
  {
    id: "anthropic-python",
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
];

/** AI SDK provider factories whose options may hold an API key (`createOpenAI({ apiKey })`). */
export const AI_SDK_PROVIDER_FACTORIES: Record<string, string> = {
  createOpenAI: "OPENAI_API_KEY",
  createAnthropic: "ANTHROPIC_API_KEY",
  createGoogleGenerativeAI: "GOOGLE_GENERATIVE_AI_API_KEY",
  createMistral: "MISTRAL_API_KEY",
  createGroq: "GROQ_API_KEY",
};

export function sdksFor(ecosystem: Ecosystem): SdkEntry[] {
  return SDKS.filter((sdk) => sdk.ecosystem === ecosystem);
}

/** The SDK whose import source is `module` (`openai`, `anthropic.types` counts as `anthropic`). */
export function sdkForModule(ecosystem: Ecosystem, module: string): SdkEntry | undefined {
  return sdksFor(ecosystem).find((sdk) => sdk.modules.some((m) => module === m || module.startsWith(`${m}.`) || module.startsWith(`${m}/`)));
}
