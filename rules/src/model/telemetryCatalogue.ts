/**
 * What counts as tracing, as data: libraries whose decorators and spans trace a call,
 * calls that turn on auto-instrumentation for the whole process, client wrappers that
 * instrument a client, and gateways that record every request.
 */

/** Import sources whose decorators, context managers and span helpers trace what runs inside. */
export const TRACING_MODULES: string[] = [
  "opentelemetry",
  "@opentelemetry/api",
  "langfuse",
  "langsmith",
  "weave",
  "logfire",
  "traceloop",
  "@traceloop/node-server-sdk",
  "openlit",
  "braintrust",
  "agentops",
  "ddtrace",
  "dd-trace",
  "@sentry/node",
  "@sentry/nextjs",
  "sentry_sdk",
  "mlflow",
  "phoenix",
  "arize",
  "helicone",
  "laminar",
  "lmnr",
  "@lmnr-ai/lmnr",
  "langwatch",
];

/** Method names that open a span around what runs inside (`with tracer.start_as_current_span(...)`). */
export const SPAN_METHODS: string[] = ["start_as_current_span", "start_span", "startActiveSpan", "startSpan", "span", "trace"];

/**
 * Calls that instrument every model call of the process. Matched against the end of the
 * callee text (`Traceloop.init`, `OpenAIInstrumentor().instrument`).
 */
export const INSTRUMENTATION_CALLS: string[] = [
  "Traceloop.init",
  "traceloop.initialize",
  "openlit.init",
  "weave.init",
  "agentops.init",
  "LLMObs.enable",
  "logfire.instrument_openai",
  "logfire.instrument_anthropic",
  "logfire.instrument_pydantic_ai",
  "OpenAIInstrumentor().instrument",
  "AnthropicInstrumentor().instrument",
  "LiteLLMInstrumentor().instrument",
  "mlflow.openai.autolog",
  "mlflow.anthropic.autolog",
  "registerOTel",
  "registerTelemetry",
  "Laminar.initialize",
  // Sentry's AI integrations, passed to `sentry_sdk.init` / `Sentry.init`.
  "OpenAIIntegration",
  "AnthropicIntegration",
  "openAIIntegration",
  "anthropicAIIntegration",
  "vercelAIIntegration",
];

/** Constructors of instrumentation objects (`new OpenAIInstrumentation()`), same effect. */
export const INSTRUMENTATION_CLASSES: string[] = ["OpenAIInstrumentation", "AnthropicInstrumentation", "LangfuseExporter"];

/** Functions that return an instrumented client when given one. */
export const CLIENT_WRAPPERS: string[] = ["wrap_openai", "wrapOpenAI", "wrap_anthropic", "wrapAnthropic", "observeOpenAI", "wrapAISDKModel", "wrapAISDK"];

/** Modules whose client classes are already instrumented drop-ins (`from langfuse.openai import OpenAI`). */
export const INSTRUMENTED_CLIENT_MODULES: string[] = ["langfuse.openai"];

/** Hosts of gateways that log every request passed through them. */
export const GATEWAY_HOSTS: string[] = ["helicone.ai", "portkey.ai", "gateway.ai.cloudflare.com", "braintrust.dev", "openpipe.ai"];

export function isTracingModule(module: string): boolean {
  return TRACING_MODULES.some((m) => module === m || module.startsWith(`${m}.`) || module.startsWith(`${m}/`));
}

export function isInstrumentationCall(callee: string): boolean {
  const compact = callee.replace(/\s+/g, "");
  return INSTRUMENTATION_CALLS.some((c) => compact === c || compact.endsWith(`.${c}`));
}

export function isGatewayUrl(url: string): boolean {
  return GATEWAY_HOSTS.some((host) => url.includes(host));
}

/** A cheap text test: could this file turn on auto-instrumentation? (The parse decides.) */
export const INSTRUMENTATION_MARKER = /traceloop|openlit|weave\.init|agentops|LLMObs|logfire\.instrument|Instrumentor|registerOTel|registerTelemetry|Instrumentation\(|Integration\(|LangfuseExporter|Laminar|autolog/i;

/** A project's own tracing helper, by its name (`@traced("llm")`, `withSpan(...)`): defined elsewhere, trusted by name. */
export const TRACING_HELPER_NAME = /^(trace|traced|traceable|trace_\w+|with_?span|span|observe|observed|instrument(ed)?|otel_\w+)$/i;
