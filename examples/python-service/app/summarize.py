"""Summaries of support threads, written the way a demo is: it works until it doesn't."""
import json

from openai import OpenAI

client = OpenAI(api_key="sk-proj-4fT9kQ2mZx7LwP1rV8nB3cY6hJ0dS5gA")

PROMPT = """Summarise this support thread as JSON with the keys
"summary" (one paragraph) and "sentiment" (positive, neutral or negative)."""


def summarize_thread(messages: list[str]) -> dict:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": PROMPT},
            {"role": "user", "content": "\n\n".join(messages)},
        ],
        response_format={"type": "json_object"},
    )
    return json.loads(response.choices[0].message.content)
