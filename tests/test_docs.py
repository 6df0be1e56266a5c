"""bot/docs.py through FactService: list, search, resolve, show and remove from every index (real Chroma)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import BadInput
from bot.service import FactService

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def svc(fake_service: FactService) -> FactService:
    fake_service.ingest([DATA])
    return fake_service


def test_list_has_metadata_and_chunk_counts(svc: FactService) -> None:
    rows = svc.documents()
    assert len(rows) == 5
    assert sum(r.chunks for r in rows) == svc.stats()["chunks"]
    dates = [r.published for r in rows if r.published]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert all(r.source.endswith(".txt") and r.chars > 0 for r in rows)
    assert {"Tempo", "Kompas"} <= {r.outlet for r in rows}
    # the corpus line comes from the index's statistics, and says what the records say
    assert svc.stats()["outlets"] == sorted({r.outlet for r in rows if r.outlet})


def test_search_filters_on_title_outlet_source(svc: FactService) -> None:
    assert {r.outlet for r in svc.documents("tempo")} == {"Tempo"}
    assert len(svc.documents("000_a856")) == 1
    assert svc.documents("no such words anywhere") == []


def test_resolve_by_id_prefix_source_and_name(svc: FactService) -> None:
    row = svc.documents("000_a856")[0]
    for ref in (row.doc_id, row.doc_id[:6], row.source, "000_a856f8a56b9e8d9f.txt"):
        info, doc = svc.document(ref)
        assert info.doc_id == doc.doc_id == row.doc_id
        assert doc.text.startswith(doc.title or "")
    with pytest.raises(BadInput, match="no stored document"):
        svc.document("abc")
    with pytest.raises(BadInput, match="empty document reference"):
        svc.document("  ")


def test_remove_deletes_from_every_collection_and_the_lexical_index(svc: FactService) -> None:
    row = svc.documents("000_a856")[0]
    before = svc.ask("who said Russia will help build satellites?")
    assert any(c.doc_id == row.doc_id for c in before.citations) or before.status == "not_found"
    gen = svc.retriever.snapshot().generation
    removed = svc.remove_document(row.doc_id[:8])
    assert removed.doc_id == row.doc_id and removed.chunks > 0
    store = svc.store
    assert store.get_document(row.doc_id) is None
    assert store.chunks.get(where={"doc_id": row.doc_id}, include=[])["ids"] == []
    assert store.sentences.get(where={"doc_id": row.doc_id}, include=[])["ids"] == []
    snap = svc.retriever.snapshot()  # a new generation of the persisted lexical index, without it
    assert snap.generation != gen and all(r[1] != row.doc_id for r in snap.rows)
    assert row.doc_id not in svc.retriever.docs
    after = svc.ask("who said Russia will help build satellites?")
    assert all(c.doc_id != row.doc_id for c in after.citations)
    assert len(svc.documents()) == 4 and svc.stats()["documents"] == 4
    with pytest.raises(BadInput):
        svc.remove_document(row.doc_id)
    assert svc.ingest([DATA]).added == 1  # it can be ingested again
