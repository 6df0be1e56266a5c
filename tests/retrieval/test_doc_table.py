"""Each generation's copy of its articles: the store's records back, read by id; the store stays the fallback."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests_support import make_settings

from bot.components.embeddings import FakeEmbeddings
from bot.retrieval import doc_table
from bot.retrieval.documents import DocumentCache
from bot.retrieval.lexical_index import LexicalIndex, index_dir
from bot.service import FactService

DATA = Path(__file__).resolve().parents[2] / "data"


def fake(root: Path) -> FactService:
    return FactService(make_settings(root, embedder="fake"), embeddings=FakeEmbeddings())


def test_records_come_back_by_id_in_any_order(tmp_path: Path) -> None:
    recs = [("b2", doc_table.encode("Teks kedua.", {"title": "B", "source": "b.txt"}))]
    recs.append(("a1-ünï", doc_table.encode("First.\n", {"source": "a.html", "flagged_spans": "[[0, 3]]"})))
    assert doc_table.write(tmp_path, iter(recs)) == 2
    table = doc_table.read(tmp_path)
    assert table is not None and len(table) == 2
    got = table.get_many(["zz", "b2", "a1-ünï", ""])
    assert list(got) == ["b2", "a1-ünï"] and got["b2"].text == "Teks kedua." and got["b2"].title == "B"
    assert got["a1-ünï"].text == "First.\n" and got["a1-ünï"].title is None and got["a1-ünï"].flagged_spans == [(0, 3)]
    assert doc_table.read(tmp_path / "nowhere") is None


def test_an_empty_table_finds_nothing(tmp_path: Path) -> None:
    assert doc_table.write(tmp_path, iter([])) == 0
    table = doc_table.read(tmp_path)
    assert table is not None and table.get_many(["a"]) == {}


def test_a_generation_holds_the_stores_records_and_questions_read_them_from_it(tmp_path: Path) -> None:
    svc = fake(tmp_path / "store")
    svc.ingest([DATA])
    snap = svc.retriever.snapshot()
    assert snap.records is not None and len(snap.records) == 5
    stored = svc.store.get_documents([d.doc_id for d in svc.documents()])
    assert snap.records.get_many(list(stored)) == stored  # text, metadata, flagged spans: the same records
    reads: list[list[str]] = []
    real = svc.store.get_documents
    svc.store.get_documents = lambda ids: reads.append(list(ids)) or real(ids)  # type: ignore[method-assign]
    hits = svc.retriever.sentences("Siapa yang mengatakan Rusia akan membantu membangun satelit?")
    assert hits and all(h.doc == stored[h.doc.doc_id] for h in hits)
    assert reads == []  # no Chroma read for the articles


def test_articles_the_generation_lacks_come_from_the_store(tmp_path: Path) -> None:
    svc = fake(tmp_path / "store")
    svc.ingest([DATA / "000_a856f8a56b9e8d9f.txt"])
    doc = svc.store.get_documents([svc.documents()[0].doc_id]).popitem()[1]
    empty = tmp_path / "empty"
    empty.mkdir()
    doc_table.write(empty, iter([]))  # as for an article committed after the generation was written
    svc.retriever.docs = DocumentCache(svc.store, table=doc_table.read(empty))
    assert svc.retriever.docs.get(doc.doc_id) == doc and svc.retriever.docs.get("nope") is None


def test_removal_and_addition_carry_the_other_records_over(tmp_path: Path) -> None:
    svc = fake(tmp_path / "store")
    svc.ingest([DATA])
    first = svc.retriever.snapshot()
    gone = svc.documents()[0].doc_id
    svc.remove_document(gone)
    snap = svc.retriever.snapshot()
    assert snap.records is not None and len(snap.records) == 4 and snap.records.get_many([gone]) == {}
    note = tmp_path / "note.txt"
    note.write_text("Harbour news\n\nThe Lindqvist breakwater will cost 40 million kroner.", encoding="utf-8")
    svc.ingest([note])
    snap = svc.retriever.snapshot()
    kept = [d.doc_id for d in svc.documents()]
    assert snap.records is not None and len(snap.records) == 5
    assert snap.records.get_many(kept) == svc.store.get_documents(kept) and first.generation != snap.generation


def test_a_generation_without_records_is_served_from_the_store_then_rewritten(tmp_path: Path) -> None:
    svc = fake(tmp_path / "store")
    svc.ingest([DATA / "000_a856f8a56b9e8d9f.txt"])
    root = index_dir(svc.settings)
    gen = (root / "CURRENT").read_text()
    for name in (doc_table.DATA, doc_table.INDEX):
        (root / gen / name).unlink()  # an index written by the previous version
    legacy = LexicalIndex(root).load()
    assert legacy is not None and legacy.records is None and LexicalIndex(root).outdated(legacy)
    again = fake(tmp_path / "store")
    snap = again.retriever.snapshot()
    assert snap.generation != gen and snap.records is not None and len(snap.records) == 1
    shutil.rmtree(root)
    assert fake(tmp_path / "store").retriever.snapshot().records is not None  # and rebuilt from nothing


def test_a_damaged_record_is_read_from_the_store_instead(tmp_path: Path) -> None:
    svc = fake(tmp_path / "store")
    svc.ingest([DATA / "000_a856f8a56b9e8d9f.txt"])
    root = index_dir(svc.settings)
    data = root / (root / "CURRENT").read_text() / doc_table.DATA
    blob = bytearray(data.read_bytes())
    blob[:20] = b"\x00" * 20  # the first record no longer parses
    data.write_bytes(bytes(blob))
    again = fake(tmp_path / "store")
    doc_id = again.documents()[0].doc_id
    assert again.retriever.snapshot().records.get_many([doc_id]) == {}  # type: ignore[union-attr]
    assert again.retriever.docs.get(doc_id) == again.store.get_documents([doc_id])[doc_id]
