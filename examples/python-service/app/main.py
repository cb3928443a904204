"""HTTP routes of the support-desk service."""
from fastapi import FastAPI
from pydantic import BaseModel

from app.classify import classify_ticket
from app.summarize import summarize_thread

app = FastAPI(title="support-desk")


class Thread(BaseModel):
    messages: list[str]


@app.post("/summaries")
def create_summary(thread: Thread) -> dict:
    return summarize_thread(thread.messages)


@app.post("/classifications")
def create_classification(thread: Thread) -> dict:
    return classify_ticket("\n".join(thread.messages)).model_dump()
