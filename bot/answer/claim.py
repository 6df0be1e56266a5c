"""Claims: a judge from bot/claims decides; this picks it by settings and maps its result onto the Answer."""

from __future__ import annotations

from langchain_core.embeddings import Embeddings

from bot.answer.citations import make_citation
from bot.models import Answer
from bot.retrieval.types import SentenceHit
from bot.settings import Settings


def pick_judge(settings: Settings, embeddings: Embeddings | None = None):  # type: ignore[no-untyped-def]
    """The learned judge unless FACTBOT_CLAIM_JUDGE=llm; the LLM judge goes through the same LLM plug-in and
    falls back to the learned judge on any malformed reply."""
    from bot.claims.learned import LearnedJudge
    from bot.claims.llm_judge import LLMJudge

    learned = LearnedJudge(embeddings)
    if settings.claim_judge == "llm":
        from bot.answer.llm import complete

        return LLMJudge(lambda prompt: complete(prompt, settings), fallback=learned)
    return learned


def answer_claim(
    claim: str, hits: list[SentenceHit], settings: Settings, embeddings: Embeddings | None = None
) -> Answer:
    result = pick_judge(settings, embeddings)(claim, hits)
    citations = [make_citation(i, h.doc, h.char_start, h.char_end, h.score) for i, h in enumerate(result.evidence, 1)]
    status = "not_found" if result.verdict == "not_enough_info" and not citations else "answered"
    text = result.answer_text
    if result.verdict != "not_enough_info" and citations:  # the verdict sentence shows the deciding words
        text = text.rstrip().removesuffix(".") + f": “{citations[0].quote.rstrip('.')}”."
    return Answer(
        query=claim,
        kind="claim",
        status=status,
        answer=text,
        verdict=result.verdict,  # type: ignore[arg-type]
        citations=citations,
        warnings=list(result.warnings),
    )
