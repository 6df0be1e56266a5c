"""A small document and its sentence hits, the way the store keeps them (no store needed)."""

from __future__ import annotations

import pytest
from tests_support import sentence_hits  # type: ignore[import-not-found]

from bot.models import DocumentRecord
from bot.retrieval.types import SentenceHit


@pytest.fixture
def doc() -> DocumentRecord:
    text = (
        "The city council approved the new budget on Tuesday. The mayor said the budget adds 200 teachers. "
        "The vote was 7 to 2."
    )
    return DocumentRecord(doc_id="d1", text=text, source="council.txt", outlet="City Herald", lang="en")


@pytest.fixture
def hits(doc: DocumentRecord) -> list[SentenceHit]:
    return sentence_hits(doc)
