"""Hybrid retrieval (bot/retrieval/hybrid.py) on the sample corpus in a real store: chunks and sentence hits."""

from __future__ import annotations

import pytest

from bot.service import FactService

pytestmark = pytest.mark.integration


def test_headline_question_finds_its_chunk_first(ingested_service: FactService) -> None:
    hits = ingested_service.retriever.retrieve(
        "Siapa yang mengatakan Rusia akan membantu Korea Utara membangun satelit?"
    )
    assert hits and "membangun satelit" in hits[0].chunk.text
    assert hits == sorted(hits, key=lambda h: h.score, reverse=True)
    assert all(0.0 <= h.lexical <= 1.0 for h in hits)


def test_sentence_hits_are_verbatim_and_carry_their_features(ingested_service: FactService) -> None:
    hits = ingested_service.retriever.sentences("Who said Russia will help build satellites?", k=8)
    assert len(hits) >= 8
    for h in hits:
        assert h.doc.text[h.char_start : h.char_end] == h.text
        assert "dense_s" in h.features and "coverage" in h.features
    top = max(hits, key=lambda h: h.features["dense_s"])
    assert "satelit" in top.text  # the cross-lingual match is found by its own sentence vector


def test_a_question_with_no_match_still_returns_ranked_hits_not_an_error(ingested_service: FactService) -> None:
    hits = ingested_service.retriever.sentences("zzzz qqqq", k=5)
    assert all(h.doc.text[h.char_start : h.char_end] == h.text for h in hits)
