import OpenAI from "openai";

const client = new OpenAI({ timeout: 30_000, dangerouslyAllowBrowser: true });

/** Streams a reply into the page as it arrives. */
export async function streamInto(element: HTMLElement, question: string) {
  const stream = await client.chat.completions.create({
    model: "gpt-5.5-2026-04-23",
    messages: [{ role: "user", content: question }],
    max_completion_tokens: 500,
    stream: true,
  });
  let html = "";
  for await (const chunk of stream) {
    html += chunk.choices[0]?.delta?.content ?? "";
    element.innerHTML = html;
  }
}
