"""A support agent that looks up orders and answers: the loop, the shell and the silence are demo code."""
import subprocess

from fastapi import FastAPI
from openai import OpenAI

app = FastAPI()
client = OpenAI(timeout=30)

TOOLS = [{"type": "function", "function": {"name": "grep_orders", "parameters": {"type": "object", "properties": {"pattern": {"type": "string"}}}}}]


@app.post("/agent")
async def answer(question: str) -> str:
    messages = [{"role": "user", "content": question}]
    while True:
        response = client.chat.completions.create(model="gpt-5.5-2026-04-23", messages=messages, tools=TOOLS, max_completion_tokens=800)
        print("tokens", response.usage)
        message = response.choices[0].message
        if not message.tool_calls:
            return message.content
        messages.append(message)
        for call in message.tool_calls:
            found = subprocess.run(f"grep -r {call.function.arguments} orders/", shell=True, capture_output=True, text=True)
            messages.append({"role": "tool", "tool_call_id": call.id, "content": found.stdout})


def embed_orders(orders: list[str]) -> list[list[float]]:
    vectors = []
    for order in orders:
        try:
            # ai-readiness: ignore[missing-timeout] -- written before the client had one
            result = client.embeddings.create(model="text-embedding-3-small", input=order)
            vectors.append(result.data[0].embedding)
        except Exception:
            pass
    return vectors
