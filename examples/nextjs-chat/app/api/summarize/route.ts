import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";

export async function POST(request: Request) {
  const { article } = await request.json();
  const { text, usage } = await generateText({
    model: openai("gpt-5.5-2026-04-23"),
    system: "Summarise the article in three sentences.",
    prompt: String(article).slice(0, 20_000),
    maxOutputTokens: 300,
    abortSignal: AbortSignal.timeout(20_000),
    experimental_telemetry: { isEnabled: true, functionId: "summarize" },
  });
  console.info("summarize usage", usage);
  return Response.json({ summary: text });
}
