/**
 * The model catalogue, as data: floating aliases and the dated snapshots they point to,
 * and retired (or scheduled-for-retirement) models with their successors.
 * Sources: the providers' own pages (OpenAI's deprecations page and model reference,
 * Anthropic's model deprecations and models overview, the Anthropic SDKs' deprecated-model
 * tables, Google's Gemini API deprecations and changelog, Vertex AI's model lifecycle),
 * cross-checked against public copies and migration notes where a page had changed.
 * Where sources disagreed on a date, the provider's own page won; entries no source
 * confirmed were left out. Re-check before each release and update MODEL_CATALOGUE_CHECKED.
 *
 * Successors: the provider's named replacement. Where that replacement has itself been shut
 * down (or is scheduled to be), the chain is followed to the newest replacement the provider
 * named for it (e.g. chatgpt-4o-latest -> gpt-5.1-chat-latest -> gpt-5.3-chat-latest -> gpt-5.5),
 * so the linter never proposes a model that is already gone.
 */
export const MODEL_CATALOGUE_CHECKED = "2026-11-26";

export type ModelProvider = "openai" | "anthropic" | "google";

/** A model id that moves: requests go to whatever snapshot the provider points it at. */
export interface FloatingAlias {
  alias: string;
  provider: ModelProvider;
  /** The dated snapshot it points to today; null when the provider publishes none (`chatgpt-4o-latest`). */
  snapshot: string | null;
}

/** A model id that stops working (or already has) on `shutdown`. */
export interface RetiredModel {
  id: string;
  provider: ModelProvider;
  /** YYYY-MM-DD: the provider's shutdown/retirement date. */
  shutdown: string;
  /** The replacement the provider recommends (a model id usable in the same API). */
  successor: string;
}

export const FLOATING_ALIASES: FloatingAlias[] = [
  // Anthropic: Claude 4.5-generation aliases (4.6 and later ship undated, pinned ids).
  { alias: "claude-haiku-4-5", provider: "anthropic", snapshot: "claude-haiku-4-5-20251001" },
  { alias: "claude-opus-4-5", provider: "anthropic", snapshot: "claude-opus-4-5-20251101" },
  // Snapshot retires 2026-11-30 (listed in RETIRED_MODELS), still served today.
  { alias: "claude-sonnet-4-5", provider: "anthropic", snapshot: "claude-sonnet-4-5-20250929" },

  // Google: `-latest` aliases move with each release; Google publishes no pinned target.
  { alias: "gemini-flash-latest", provider: "google", snapshot: null },
  { alias: "gemini-flash-lite-latest", provider: "google", snapshot: null },
  { alias: "gemini-pro-latest", provider: "google", snapshot: null },

  // OpenAI
  { alias: "gpt-4.1", provider: "openai", snapshot: "gpt-4.1-2025-04-14" },
  { alias: "gpt-4.1-mini", provider: "openai", snapshot: "gpt-4.1-mini-2025-04-14" },
  { alias: "gpt-4o", provider: "openai", snapshot: "gpt-4o-2024-08-06" },
  { alias: "gpt-4o-mini", provider: "openai", snapshot: "gpt-4o-mini-2024-07-18" },
  { alias: "gpt-5", provider: "openai", snapshot: "gpt-5-2025-08-07" },
  { alias: "gpt-5-mini", provider: "openai", snapshot: "gpt-5-mini-2025-08-07" },
  { alias: "gpt-5-nano", provider: "openai", snapshot: "gpt-5-nano-2025-08-07" },
  { alias: "gpt-5-pro", provider: "openai", snapshot: "gpt-5-pro-2025-10-06" },
  { alias: "gpt-5.1", provider: "openai", snapshot: "gpt-5.1-2025-11-13" },
  { alias: "gpt-5.2", provider: "openai", snapshot: "gpt-5.2-2025-12-11" },
  { alias: "gpt-5.2-pro", provider: "openai", snapshot: "gpt-5.2-pro-2025-12-11" },
  { alias: "gpt-5.4", provider: "openai", snapshot: "gpt-5.4-2026-03-05" },
  { alias: "gpt-5.4-mini", provider: "openai", snapshot: "gpt-5.4-mini-2026-03-17" },
  { alias: "gpt-5.4-nano", provider: "openai", snapshot: "gpt-5.4-nano-2026-03-17" },
  { alias: "gpt-5.4-pro", provider: "openai", snapshot: "gpt-5.4-pro-2026-03-05" },
  { alias: "gpt-5.5", provider: "openai", snapshot: "gpt-5.5-2026-04-23" },
  { alias: "o3", provider: "openai", snapshot: "o3-2025-04-16" },
  { alias: "o3-pro", provider: "openai", snapshot: "o3-pro-2025-06-10" },
];

export const RETIRED_MODELS: RetiredModel[] = [
  // Anthropic (dates: Claude API; Bedrock and Vertex AI set their own).
  { id: "claude-1.0", provider: "anthropic", shutdown: "2024-11-06", successor: "claude-sonnet-4-6" },
  { id: "claude-1.1", provider: "anthropic", shutdown: "2024-11-06", successor: "claude-sonnet-4-6" },
  { id: "claude-1.2", provider: "anthropic", shutdown: "2024-11-06", successor: "claude-sonnet-4-6" },
  { id: "claude-1.3", provider: "anthropic", shutdown: "2024-11-06", successor: "claude-sonnet-4-6" },
  { id: "claude-1.3-100k", provider: "anthropic", shutdown: "2024-11-06", successor: "claude-sonnet-4-6" },
  { id: "claude-2.0", provider: "anthropic", shutdown: "2025-07-21", successor: "claude-sonnet-4-6" },
  { id: "claude-2.1", provider: "anthropic", shutdown: "2025-07-21", successor: "claude-sonnet-4-6" },
  { id: "claude-3-5-haiku-20241022", provider: "anthropic", shutdown: "2026-02-19", successor: "claude-haiku-4-5" },
  { id: "claude-3-5-haiku-latest", provider: "anthropic", shutdown: "2026-02-19", successor: "claude-haiku-4-5" },
  { id: "claude-3-5-sonnet-20240620", provider: "anthropic", shutdown: "2025-10-22", successor: "claude-sonnet-4-6" },
  { id: "claude-3-5-sonnet-20241022", provider: "anthropic", shutdown: "2025-10-22", successor: "claude-sonnet-4-6" },
  { id: "claude-3-7-sonnet-20250219", provider: "anthropic", shutdown: "2026-02-19", successor: "claude-sonnet-4-6" },
  { id: "claude-3-7-sonnet-latest", provider: "anthropic", shutdown: "2026-02-19", successor: "claude-sonnet-4-6" },
  { id: "claude-3-opus-20240229", provider: "anthropic", shutdown: "2026-01-05", successor: "claude-opus-4-8" },
  { id: "claude-3-sonnet-20240229", provider: "anthropic", shutdown: "2025-07-21", successor: "claude-sonnet-4-6" },
  { id: "claude-instant-1.0", provider: "anthropic", shutdown: "2024-11-06", successor: "claude-haiku-4-5" },
  { id: "claude-instant-1.1", provider: "anthropic", shutdown: "2024-11-06", successor: "claude-haiku-4-5" },
  { id: "claude-instant-1.1-100k", provider: "anthropic", shutdown: "2024-11-06", successor: "claude-haiku-4-5" },
  { id: "claude-instant-1.2", provider: "anthropic", shutdown: "2024-11-06", successor: "claude-haiku-4-5" },
  { id: "claude-opus-4-0", provider: "anthropic", shutdown: "2026-06-15", successor: "claude-opus-4-8" },
  { id: "claude-opus-4-1", provider: "anthropic", shutdown: "2026-08-05", successor: "claude-opus-4-8" },
  { id: "claude-opus-4-1-20250805", provider: "anthropic", shutdown: "2026-08-05", successor: "claude-opus-4-8" },
  { id: "claude-opus-4-20250514", provider: "anthropic", shutdown: "2026-06-15", successor: "claude-opus-4-8" },
  { id: "claude-sonnet-4-0", provider: "anthropic", shutdown: "2026-06-15", successor: "claude-sonnet-4-6" },
  { id: "claude-sonnet-4-20250514", provider: "anthropic", shutdown: "2026-06-15", successor: "claude-sonnet-4-6" },
  // Scheduled: deprecated, retires 2026-11-30; Anthropic recommends Claude Sonnet 5.5.
  { id: "claude-sonnet-4-5", provider: "anthropic", shutdown: "2026-11-30", successor: "claude-sonnet-5-5" },
  { id: "claude-sonnet-4-5-20250929", provider: "anthropic", shutdown: "2026-11-30", successor: "claude-sonnet-5-5" },

  // Google (Gemini API dates unless noted).
  // Gemini 1.0 Pro 001: Vertex AI date (the ids are the Vertex AI ones).
  { id: "gemini-1.0-pro-001", provider: "google", shutdown: "2025-04-09", successor: "gemini-3.1-flash-lite" },
  { id: "gemini-1.0-pro-vision-001", provider: "google", shutdown: "2025-04-09", successor: "gemini-3.1-flash-lite" },
  // The `gemini-1.5-flash` / `gemini-1.5-pro` aliases pointed at the -002 versions.
  { id: "gemini-1.5-flash", provider: "google", shutdown: "2025-09-24", successor: "gemini-3.1-flash-lite" },
  { id: "gemini-1.5-flash-002", provider: "google", shutdown: "2025-09-24", successor: "gemini-3.1-flash-lite" },
  { id: "gemini-1.5-flash-8b-001", provider: "google", shutdown: "2025-09-24", successor: "gemini-3.1-flash-lite" },
  { id: "gemini-1.5-pro", provider: "google", shutdown: "2025-09-24", successor: "gemini-3.1-flash-lite" },
  { id: "gemini-1.5-pro-002", provider: "google", shutdown: "2025-09-24", successor: "gemini-3.1-flash-lite" },
  { id: "gemini-2.0-flash", provider: "google", shutdown: "2026-06-01", successor: "gemini-3.1-flash-lite" },
  { id: "gemini-2.0-flash-001", provider: "google", shutdown: "2026-06-01", successor: "gemini-3.1-flash-lite" },
  { id: "gemini-2.0-flash-lite", provider: "google", shutdown: "2026-06-01", successor: "gemini-3.1-flash-lite" },
  { id: "gemini-2.0-flash-lite-001", provider: "google", shutdown: "2026-06-01", successor: "gemini-3.1-flash-lite" },
  // Scheduled: Gemini API retires 2.5 Flash and 2.5 Pro on 2026-12-01 (2.5 Flash-Lite is not deprecated there).
  { id: "gemini-2.5-flash", provider: "google", shutdown: "2026-12-01", successor: "gemini-3.5-flash-lite" },
  { id: "gemini-2.5-pro", provider: "google", shutdown: "2026-12-01", successor: "gemini-3.8-flash" },
  { id: "gemini-2.5-pro-preview-03-25", provider: "google", shutdown: "2025-12-02", successor: "gemini-3.1-pro-preview" },
  { id: "gemini-2.5-pro-preview-05-06", provider: "google", shutdown: "2025-12-02", successor: "gemini-3.1-pro-preview" },
  { id: "gemini-2.5-pro-preview-06-05", provider: "google", shutdown: "2025-12-02", successor: "gemini-3.1-pro-preview" },
  { id: "gemini-3-pro-preview", provider: "google", shutdown: "2026-03-09", successor: "gemini-3.1-pro-preview" },
  { id: "gemini-3.1-flash-lite-preview", provider: "google", shutdown: "2026-05-25", successor: "gemini-3.1-flash-lite" },

  // OpenAI
  { id: "chatgpt-4o-latest", provider: "openai", shutdown: "2026-02-17", successor: "gpt-5.5" },
  { id: "code-cushman-001", provider: "openai", shutdown: "2023-03-23", successor: "gpt-6-luna" },
  { id: "code-cushman-002", provider: "openai", shutdown: "2023-03-23", successor: "gpt-6-luna" },
  { id: "code-davinci-001", provider: "openai", shutdown: "2023-03-23", successor: "gpt-6-luna" },
  { id: "code-davinci-002", provider: "openai", shutdown: "2024-01-04", successor: "gpt-3.5-turbo-instruct" },
  { id: "code-davinci-edit-001", provider: "openai", shutdown: "2024-01-04", successor: "gpt-6-luna" },
  { id: "codex-mini-latest", provider: "openai", shutdown: "2026-01-16", successor: "gpt-5-codex-mini" },
  { id: "gpt-3.5-turbo", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-terra" },
  { id: "gpt-3.5-turbo-0125", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-terra" },
  { id: "gpt-3.5-turbo-0301", provider: "openai", shutdown: "2024-09-13", successor: "gpt-5.6-terra" },
  { id: "gpt-3.5-turbo-0613", provider: "openai", shutdown: "2024-09-13", successor: "gpt-5.6-terra" },
  { id: "gpt-3.5-turbo-16k-0613", provider: "openai", shutdown: "2024-09-13", successor: "gpt-5.6-terra" },
  { id: "gpt-4", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-sol" },
  { id: "gpt-4-0125-preview", provider: "openai", shutdown: "2026-03-26", successor: "gpt-5.6-sol" },
  { id: "gpt-4-0314", provider: "openai", shutdown: "2026-03-26", successor: "gpt-6-luna" },
  { id: "gpt-4-0613", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-sol" },
  { id: "gpt-4-1106-preview", provider: "openai", shutdown: "2026-03-26", successor: "gpt-5.6-sol" },
  { id: "gpt-4-1106-vision-preview", provider: "openai", shutdown: "2024-12-06", successor: "gpt-6-luna" },
  { id: "gpt-4-32k", provider: "openai", shutdown: "2025-06-06", successor: "gpt-6-luna" },
  { id: "gpt-4-32k-0314", provider: "openai", shutdown: "2025-06-06", successor: "gpt-6-luna" },
  { id: "gpt-4-32k-0613", provider: "openai", shutdown: "2025-06-06", successor: "gpt-6-luna" },
  { id: "gpt-4-turbo", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-sol" },
  { id: "gpt-4-turbo-2024-04-09", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-sol" },
  { id: "gpt-4-turbo-preview", provider: "openai", shutdown: "2026-03-26", successor: "gpt-5.6-sol" },
  { id: "gpt-4-vision-preview", provider: "openai", shutdown: "2024-12-06", successor: "gpt-6-luna" },
  // Scheduled: the GPT-4.1 / GPT-4o snapshots shut down 2027-01-14 (OpenAI names gpt-6-luna).
  { id: "gpt-4.1-2025-04-14", provider: "openai", shutdown: "2027-01-14", successor: "gpt-6-luna" },
  { id: "gpt-4.1-mini-2025-04-14", provider: "openai", shutdown: "2027-01-14", successor: "gpt-6-luna" },
  { id: "gpt-4.1-nano", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-luna" },
  { id: "gpt-4.1-nano-2025-04-14", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-luna" },
  { id: "gpt-4.5-preview", provider: "openai", shutdown: "2025-07-14", successor: "gpt-6-luna" },
  { id: "gpt-4o-2024-05-13", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-sol" },
  { id: "gpt-4o-2024-08-06", provider: "openai", shutdown: "2027-01-14", successor: "gpt-6-luna" },
  { id: "gpt-4o-2024-11-20", provider: "openai", shutdown: "2027-01-14", successor: "gpt-6-luna" },
  { id: "gpt-4o-mini-2024-07-18", provider: "openai", shutdown: "2027-01-14", successor: "gpt-6-luna" },
  // Scheduled: GPT-5 family and o3 shut down 2026-12-11.
  { id: "gpt-5", provider: "openai", shutdown: "2026-12-11", successor: "gpt-6.1-sol" },
  { id: "gpt-5-2025-08-07", provider: "openai", shutdown: "2026-12-11", successor: "gpt-6.1-sol" },
  { id: "gpt-5-chat-latest", provider: "openai", shutdown: "2026-07-23", successor: "gpt-5.5" },
  { id: "gpt-5-codex", provider: "openai", shutdown: "2026-07-23", successor: "gpt-5.4" },
  { id: "gpt-5-mini", provider: "openai", shutdown: "2026-12-11", successor: "gpt-6.1-terra" },
  { id: "gpt-5-mini-2025-08-07", provider: "openai", shutdown: "2026-12-11", successor: "gpt-6.1-terra" },
  { id: "gpt-5-nano", provider: "openai", shutdown: "2026-12-11", successor: "gpt-5.6-luna" },
  { id: "gpt-5-nano-2025-08-07", provider: "openai", shutdown: "2026-12-11", successor: "gpt-5.6-luna" },
  { id: "gpt-5-pro", provider: "openai", shutdown: "2026-12-11", successor: "gpt-5.6-sol" },
  { id: "gpt-5-pro-2025-10-06", provider: "openai", shutdown: "2026-12-11", successor: "gpt-5.6-sol" },
  { id: "gpt-5.1-chat-latest", provider: "openai", shutdown: "2026-07-23", successor: "gpt-5.5" },
  { id: "gpt-5.1-codex-max", provider: "openai", shutdown: "2026-07-23", successor: "gpt-5.4" },
  { id: "gpt-5.1-codex-mini", provider: "openai", shutdown: "2026-07-23", successor: "gpt-5.4-mini" },
  { id: "gpt-5.2-chat-latest", provider: "openai", shutdown: "2026-08-10", successor: "gpt-5.5" },
  { id: "gpt-5.2-codex", provider: "openai", shutdown: "2026-07-23", successor: "gpt-5.4" },
  { id: "gpt-5.3-chat-latest", provider: "openai", shutdown: "2026-08-10", successor: "gpt-5.5" },
  { id: "o1", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-sol" },
  { id: "o1-2024-12-17", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-sol" },
  { id: "o1-mini", provider: "openai", shutdown: "2025-10-27", successor: "gpt-5.6-terra" },
  { id: "o1-preview", provider: "openai", shutdown: "2025-07-28", successor: "gpt-5.6-sol" },
  { id: "o1-pro", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-sol" },
  { id: "o1-pro-2025-03-19", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-sol" },
  { id: "o3", provider: "openai", shutdown: "2026-12-11", successor: "gpt-5.6-sol" },
  { id: "o3-2025-04-16", provider: "openai", shutdown: "2026-12-11", successor: "gpt-5.6-sol" },
  { id: "o3-mini", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-sol" },
  { id: "o3-mini-2025-01-31", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-sol" },
  { id: "o3-pro", provider: "openai", shutdown: "2026-12-11", successor: "gpt-5.6-sol" },
  { id: "o3-pro-2025-06-10", provider: "openai", shutdown: "2026-12-11", successor: "gpt-5.6-sol" },
  { id: "o4-mini", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-terra" },
  { id: "o4-mini-2025-04-16", provider: "openai", shutdown: "2026-10-23", successor: "gpt-5.6-terra" },
  { id: "text-ada-001", provider: "openai", shutdown: "2024-01-04", successor: "gpt-3.5-turbo-instruct" },
  { id: "text-babbage-001", provider: "openai", shutdown: "2024-01-04", successor: "gpt-3.5-turbo-instruct" },
  { id: "text-curie-001", provider: "openai", shutdown: "2024-01-04", successor: "gpt-3.5-turbo-instruct" },
  { id: "text-davinci-001", provider: "openai", shutdown: "2024-01-04", successor: "gpt-3.5-turbo-instruct" },
  { id: "text-davinci-002", provider: "openai", shutdown: "2024-01-04", successor: "gpt-3.5-turbo-instruct" },
  { id: "text-davinci-003", provider: "openai", shutdown: "2024-01-04", successor: "gpt-3.5-turbo-instruct" },
  { id: "text-davinci-edit-001", provider: "openai", shutdown: "2024-01-04", successor: "gpt-6-luna" },
];
