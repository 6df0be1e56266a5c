"""Sentence hits built straight from the sample files, the way the store keeps them (no embedder needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.claims.selfcheck import all_sentences, load_docs
from bot.models import DocumentRecord
from bot.retrieval.types import SentenceHit

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def docs() -> list[DocumentRecord]:
    return load_docs(ROOT / "data")


@pytest.fixture(scope="session")
def hits(docs: list[DocumentRecord]) -> list[SentenceHit]:
    return all_sentences(docs)
