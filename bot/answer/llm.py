"""Optional LLM answerer (OpenAI-compatible or Ollama HTTP API). Off by default.

The model only chooses and phrases; citations still come from the numbered
passages it cites, by offset, and are re-verified, so it cannot invent a quote.
"""

from __future__ import annotations

import logging

import httpx
from tenacity import before_sleep_log, retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from bot.answer.citations import cited_numbers, make_citation
from bot.answer.question import Question
from bot.errors import FactbotError
from bot.logs import preview
from bot.models import Answer
from bot.prompts_loader import load_prompt
from bot.retrieval.types import SentenceHit
from bot.settings import Settings

PROMPT = "answer.txt"  # prompts/answer.txt, shipped as bot.prompts package data
log = logging.getLogger(__name__)


def render_prompt(q: Question, hits: list[SentenceHit]) -> str:
    passages = "\n".join(f"[{i}] ({h.doc.outlet or h.doc.source}) {h.text}" for i, h in enumerate(hits, 1))
    return load_prompt(PROMPT).format(passages=passages, question=q.text)


@retry(
    retry=retry_if_exception_type(httpx.TransportError),
    stop=stop_after_attempt(3),
    wait=wait_exponential(multiplier=0.5, max=4),
    before_sleep=before_sleep_log(log, logging.WARNING),
    reraise=True,
)
def complete(prompt: str, settings: Settings) -> str:
    base = settings.llm_base_url.rstrip("/")
    headers = {"Authorization": f"Bearer {settings.llm_api_key}"} if settings.llm_api_key else {}
    if settings.llm_backend == "ollama":
        r = httpx.post(
            f"{base.removesuffix('/v1')}/api/generate",
            timeout=120,
            json={"model": settings.llm_model, "prompt": prompt, "stream": False, "options": {"temperature": 0}},
        )
        r.raise_for_status()
        return str(r.json().get("response", ""))
    r = httpx.post(
        f"{base}/chat/completions",
        headers=headers,
        timeout=120,
        json={"model": settings.llm_model, "temperature": 0, "messages": [{"role": "user", "content": prompt}]},
    )
    r.raise_for_status()
    return str(r.json()["choices"][0]["message"]["content"])


def answer_with_llm(q: Question, hits: list[SentenceHit], settings: Settings) -> Answer:
    hits = hits[:6]
    try:
        text = complete(render_prompt(q, hits), settings).strip()
    except (httpx.HTTPError, KeyError, ValueError) as exc:
        log.warning("LLM answerer failed (%s %s): %s", settings.llm_backend, settings.llm_model, type(exc).__name__)
        raise FactbotError(f"LLM backend failed: {exc}") from exc
    cited = [n for n in dict.fromkeys(cited_numbers(text)) if 1 <= n <= len(hits)]
    if not hits or "NOT_FOUND" in text or not cited:
        why = "no passages" if not hits else "NOT_FOUND" if "NOT_FOUND" in text else "no valid citation"
        log.info("LLM answerer: not found for %s (%s)", preview(q.text), why)
        return Answer(
            query=q.raw,
            kind="question",
            status="not_found",
            answer="The sources do not say." if q.lang == "en" else "Sumber tidak menyebutkannya.",
        )
    # Renumber so citations are 1..m in order of first use.
    mapping = {old: new for new, old in enumerate(cited, 1)}
    for old, new in mapping.items():
        text = text.replace(f"[{old}]", f"[{{{new}}}]")
    text = text.replace("[{", "[").replace("}]", "]")
    citations = [
        make_citation(new, hits[old - 1].doc, hits[old - 1].char_start, hits[old - 1].char_end, hits[old - 1].score)
        for old, new in mapping.items()
    ]
    return Answer(query=q.raw, kind="question", status="answered", answer=text, citations=citations)
