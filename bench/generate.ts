/**
 * Synthetic but realistic AI code for the benchmarks: a module of model calls (OpenAI and
 * Anthropic clients, JSON parsing of the output, streaming, classes) mixed with plain helper
 * code, as a service file looks. Dense on purpose: every call site is work for the rules, so
 * this is a worst case for lint time, not an average file.
 */
import { pick, prng } from "./common";

export type Block = (i: number, r: () => number) => string;

const OPENAI_MODELS = ["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "o3-mini"];
const CLAUDE_MODELS = ["claude-3-5-haiku-20241022", "claude-sonnet-4-20250514", "claude-3-7-sonnet-latest"];
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo));

export const PY_HEADER = `"""Generated benchmark module: model calls in every common shape."""
import json
import logging
import os
from typing import Iterator

import openai
from anthropic import Anthropic
from openai import AsyncOpenAI, OpenAI

logger = logging.getLogger(__name__)
openai_client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
async_client = AsyncOpenAI(timeout=20.0)
anthropic_client = Anthropic(timeout=30.0, max_retries=2)
SYSTEM_PROMPT = "Answer with JSON only."
`;

export const PY_BLOCKS: Block[] = [
  // The demo shape: no limit, no timeout, unvalidated json.loads of the output.
  (i, r) => `
def summarize_${i}(text: str) -> dict:
    """Summarise one document as JSON."""
    response = openai_client.chat.completions.create(
        model="${pick(r, OPENAI_MODELS)}",
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": text[:${int(r, 2, 40) * 1000}]},
        ],
        response_format={"type": "json_object"},
    )
    return json.loads(response.choices[0].message.content)
`,
  (i, r) => `
def classify_${i}(ticket: str) -> str:
    message = anthropic_client.messages.create(
        model="${pick(r, CLAUDE_MODELS)}",
        max_tokens=${int(r, 1, 16) * 64},
        messages=[{"role": "user", "content": ticket}],
    )
    logger.info("usage in=%s out=%s", message.usage.input_tokens, message.usage.output_tokens)
    return message.content[0].text.strip()
`,
  (i, r) => `
async def answer_${i}(question: str, context: list[str]) -> str:
    try:
        completion = await async_client.chat.completions.create(
            model="${pick(r, OPENAI_MODELS)}",
            max_completion_tokens=${int(r, 1, 8) * 128},
            timeout=${int(r, 5, 60)},
            messages=[
                {"role": "system", "content": "\\n".join(context)},
                {"role": "user", "content": question},
            ],
        )
    except openai.APITimeoutError:
        logger.warning("timeout in answer_${i}")
        return ""
    return completion.choices[0].message.content or ""
`,
  (i, r) => `
class Extractor${i}:
    def __init__(self, client: OpenAI, model: str = "${pick(r, OPENAI_MODELS)}") -> None:
        self.client = client
        self.model = model

    def extract(self, document: str) -> list[dict]:
        result = self.client.responses.create(model=self.model, input=document)
        data = json.loads(result.output_text)
        return [item for item in data.get("items", []) if item.get("score", 0) > ${r().toFixed(2)}]
`,
  (i, r) => `
def stream_reply_${i}(prompt: str) -> Iterator[str]:
    with anthropic_client.messages.stream(
        model="${pick(r, CLAUDE_MODELS)}",
        max_tokens=${int(r, 1, 32) * 64},
        messages=[{"role": "user", "content": prompt}],
    ) as stream:
        for text in stream.text_stream:
            yield text
`,
  // Plain code between the model calls, as in any real module.
  (i, r) => `
def chunk_text_${i}(text: str, size: int = ${int(r, 2, 20) * 100}) -> list[str]:
    chunks: list[str] = []
    for start in range(0, len(text), size):
        piece = text[start : start + size].strip()
        if piece:
            chunks.append(piece)
    return chunks
`,
  (i, r) => `
PRICING_${i} = {
    "${pick(r, OPENAI_MODELS)}": (${r().toFixed(2)}, ${r().toFixed(2)}),
    "${pick(r, CLAUDE_MODELS)}": (${r().toFixed(2)}, ${r().toFixed(2)}),
}


def cost_${i}(model: str, tokens_in: int, tokens_out: int) -> float:
    price_in, price_out = PRICING_${i}.get(model, (0.0, 0.0))
    return (tokens_in * price_in + tokens_out * price_out) / 1_000_000
`,
];

export const TS_HEADER = `// Generated benchmark module: model calls in every common shape.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { generateText } from "ai";
import { openai as aiOpenAI } from "@ai-sdk/openai";

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const anthropic = new Anthropic({ timeout: 30_000, maxRetries: 2 });
const SYSTEM_PROMPT = "Answer with JSON only.";

interface Item {
  id: string;
  score: number;
  tags: string[];
}
`;

export const TS_BLOCKS: Block[] = [
  (i, r) => `
export async function summarize${i}(text: string): Promise<Record<string, unknown>> {
  const response = await openai.chat.completions.create({
    model: "${pick(r, OPENAI_MODELS)}",
    messages: [
      { role: "system", content: SYSTEM_PROMPT },
      { role: "user", content: text.slice(0, ${int(r, 2, 40) * 1000}) },
    ],
    response_format: { type: "json_object" },
  });
  return JSON.parse(response.choices[0].message.content ?? "{}");
}
`,
  (i, r) => `
export async function classify${i}(ticket: string): Promise<string> {
  const message = await anthropic.messages.create({
    model: "${pick(r, CLAUDE_MODELS)}",
    max_tokens: ${int(r, 1, 16) * 64},
    messages: [{ role: "user", content: ticket }],
  });
  console.info("usage", message.usage.input_tokens, message.usage.output_tokens);
  const first = message.content[0];
  return first.type === "text" ? first.text.trim() : "";
}
`,
  (i, r) => `
export async function answer${i}(question: string, context: string[]): Promise<string> {
  try {
    const completion = await openai.chat.completions.create(
      {
        model: "${pick(r, OPENAI_MODELS)}",
        max_completion_tokens: ${int(r, 1, 8) * 128},
        messages: [
          { role: "system", content: context.join("\\n") },
          { role: "user", content: question },
        ],
      },
      { timeout: ${int(r, 5, 60) * 1000} },
    );
    return completion.choices[0].message.content ?? "";
  } catch (error) {
    console.warn("answer${i} failed", error);
    return "";
  }
}
`,
  (i, r) => `
export class Extractor${i} {
  constructor(
    private readonly client: OpenAI,
    private readonly model = "${pick(r, OPENAI_MODELS)}",
  ) {}

  async extract(document: string): Promise<Item[]> {
    const result = await this.client.responses.create({ model: this.model, input: document });
    const data = JSON.parse(result.output_text) as { items?: Item[] };
    return (data.items ?? []).filter((item) => item.score > ${r().toFixed(2)});
  }
}
`,
  (i, r) => `
export async function* streamReply${i}(prompt: string): AsyncGenerator<string> {
  const stream = anthropic.messages.stream({
    model: "${pick(r, CLAUDE_MODELS)}",
    max_tokens: ${int(r, 1, 32) * 64},
    messages: [{ role: "user", content: prompt }],
  });
  for await (const event of stream) {
    if (event.type === "content_block_delta" && event.delta.type === "text_delta") yield event.delta.text;
  }
}
`,
  (i, r) => `
export async function draft${i}(topic: string): Promise<string> {
  const { text } = await generateText({
    model: aiOpenAI("${pick(r, OPENAI_MODELS)}"),
    prompt: \`Write a short note about \${topic}.\`,
    maxOutputTokens: ${int(r, 1, 8) * 100},
  });
  return text;
}
`,
  (i, r) => `
export function chunkText${i}(text: string, size = ${int(r, 2, 20) * 100}): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) {
    const piece = text.slice(start, start + size).trim();
    if (piece) chunks.push(piece);
  }
  return chunks;
}
`,
  (i, r) => `
const PRICING_${i}: Record<string, [number, number]> = {
  "${pick(r, OPENAI_MODELS)}": [${r().toFixed(2)}, ${r().toFixed(2)}],
  "${pick(r, CLAUDE_MODELS)}": [${r().toFixed(2)}, ${r().toFixed(2)}],
};

export function cost${i}(model: string, tokensIn: number, tokensOut: number): number {
  const [priceIn, priceOut] = PRICING_${i}[model] ?? [0, 0];
  return (tokensIn * priceIn + tokensOut * priceOut) / 1_000_000;
}
`,
];

/**
 * Exactly `lines` lines: whole blocks while they fit, then comment lines, so the file stays
 * syntactically valid (a cut block would put a parse error in every measurement).
 */
export function generateSource(language: "python" | "typescript", lines: number, seed = 1): string {
  const r = prng(seed);
  const [header, blocks, comment] = language === "python" ? [PY_HEADER, PY_BLOCKS, "#"] : [TS_HEADER, TS_BLOCKS, "//"];
  const out = header.split("\n");
  out.pop(); // the header's final newline
  for (let i = 0; ; i++) {
    const block = pick(r, blocks)(i, r).split("\n");
    block.pop();
    if (out.length + block.length > lines) break;
    out.push(...block);
  }
  while (out.length < lines) out.push(`${comment} padding line ${out.length + 1}`);
  return out.join("\n") + "\n";
}

/** The blocks that hold a model call (the others are plain helpers). */
export const PY_MODEL_BLOCKS = PY_BLOCKS.slice(0, 5);
export const TS_MODEL_BLOCKS = TS_BLOCKS.slice(0, 6);
