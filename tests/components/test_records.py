"""Records to Chroma's flat metadata and back (bot/components/records.py)."""

from __future__ import annotations

from bot.components.records import chunk_from_meta, chunk_pages, doc_meta, record_from_meta
from bot.models import Chunk, DocumentRecord

DOC = DocumentRecord(
    doc_id="d1",
    text="Page one text. Page two text.",
    title="A title",
    outlet="Herald",
    source="a.pdf",
    flagged_spans=[(0, 4)],
    page_spans=[(0, 14, 1), (15, 29, 2)],
)


def test_a_document_survives_the_round_trip() -> None:
    meta = doc_meta(DOC)
    assert all(isinstance(v, str | int | float | bool) for v in meta.values())  # what Chroma accepts
    assert "url" not in meta  # absent, not None
    back = record_from_meta("d1", DOC.text, meta)
    assert back == DOC


def test_unreadable_spans_flag_everything_and_give_no_pages() -> None:
    meta = {"source": "a.pdf", "flagged_spans": "not json", "page_spans": "[[1, 2]]"}
    back = record_from_meta("d1", DOC.text, meta)
    assert not back.citable(0, 10) and not back.citable(20, 25)  # nothing uncitable becomes citable
    assert back.page_spans == []


def test_a_chunk_carries_its_pages_and_comes_back() -> None:
    chunk = Chunk(chunk_id="d1:0001", doc_id="d1", text="Page two text.", char_start=15, char_end=29, index=1)
    assert chunk_pages(DOC, chunk) == {"page_start": 2, "page_end": 2}
    assert chunk_pages(DOC.model_copy(update={"page_spans": []}), chunk) == {}
    meta = {"doc_id": "d1", "char_start": 15, "char_end": 29, "index": 1}
    assert chunk_from_meta("d1:0001", chunk.text, meta) == chunk
