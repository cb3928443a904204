"""Ticket classification, written for production: bounded, traced, measured, validated."""
import logging
from typing import Literal

import anthropic
from opentelemetry import trace
from pydantic import BaseModel, ValidationError

logger = logging.getLogger(__name__)
tracer = trace.get_tracer(__name__)

# Fail fast: a ticket can wait for a retry, a worker stuck for ten minutes cannot.
client = anthropic.Anthropic(timeout=20.0, max_retries=2)


class Classification(BaseModel):
    category: Literal["billing", "bug", "how-to", "other"]
    urgent: bool


def classify_ticket(text: str) -> Classification:
    with tracer.start_as_current_span("chat claude-haiku-4-5-20251001"):
        message = client.messages.create(
            model="claude-haiku-4-5-20251001",
            max_tokens=200,
            system="Classify the ticket. Answer with JSON: {\"category\": ..., \"urgent\": ...}",
            messages=[{"role": "user", "content": text}],
        )
    logger.info("classify usage input=%s output=%s", message.usage.input_tokens, message.usage.output_tokens)
    try:
        return Classification.model_validate_json(message.content[0].text)
    except ValidationError:
        logger.warning("unclassifiable answer, filed as other")
        return Classification(category="other", urgent=False)
