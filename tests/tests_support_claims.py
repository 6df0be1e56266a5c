"""Sentence hits built straight from documents, the way the store keeps them (for claim-judge tests)."""

from __future__ import annotations

from bot.models import DocumentRecord
from bot.retrieval.types import SentenceHit
from bot.text.sentences import split_sentences


def sentence_hits(*docs: DocumentRecord) -> list[SentenceHit]:
    return [
        SentenceHit(doc=d, text=d.text[s:e], char_start=s, char_end=e, score=1.0 - 0.01 * i)
        for d in docs
        for i, (s, e) in enumerate(split_sentences(d.text))
    ]
