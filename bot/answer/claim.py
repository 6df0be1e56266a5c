"""Claims: the judge in bot/claims decides; this maps its result onto the shared Answer."""

from __future__ import annotations

from bot.answer.citations import make_citation
from bot.models import Answer
from bot.retrieval.types import SentenceHit


def answer_claim(claim: str, hits: list[SentenceHit]) -> Answer:
    from bot.claims.verify import verify_claim

    result = verify_claim(claim, hits)
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
        verdict=result.verdict,
        citations=citations,
        warnings=list(result.warnings),
    )
