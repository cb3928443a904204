import { openai } from "@ai-sdk/openai";
import { convertToModelMessages, streamText, type UIMessage } from "ai";

export async function POST(request: Request) {
  const { messages, cuisine }: { messages: UIMessage[]; cuisine: string } = await request.json();

  const result = streamText({
    model: openai("gpt-5.5"),
    system: `You are a friendly cooking assistant for ${cuisine} food.`,
    messages: convertToModelMessages(messages),
  });

  return result.toUIMessageStreamResponse();
}
