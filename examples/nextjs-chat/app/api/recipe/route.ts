import OpenAI from "openai";

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 15_000 });

interface Recipe {
  title: string;
  ingredients: string[];
  steps: string[];
}

export async function POST(request: Request) {
  const { dish } = await request.json();
  const completion = await openai.chat.completions.create({
    model: "gpt-5.5-2026-04-23",
    max_completion_tokens: 800,
    response_format: { type: "json_object" },
    messages: [
      { role: "system", content: "Reply with a JSON recipe: title, ingredients, steps." },
      { role: "user", content: `A recipe for ${dish}` },
    ],
  });
  console.info("recipe usage", completion.usage);
  const recipe: Recipe = JSON.parse(completion.choices[0].message.content ?? "{}");
  return Response.json(recipe);
}
