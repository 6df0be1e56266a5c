"""The persisted lexical index: built at ingest, read by every process, never rebuilt at start, paged reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from tests_support import make_settings

import bot.components.store as store_mod
from bot.components.embeddings import FakeEmbeddings
from bot.retrieval.lexical_index import LexicalIndex, index_dir
from bot.service import FactService

DATA = Path(__file__).resolve().parents[2] / "data"


def fake(root: Path) -> FactService:
    return FactService(make_settings(root, embedder="fake"), embeddings=FakeEmbeddings())


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of three records: every read of many records must page (Chroma's SQLite refuses ~32k variables)."""
    monkeypatch.setattr(store_mod, "_BATCH", 3)


@pytest.mark.usefixtures("small_pages")
def test_ingest_writes_an_index_of_every_chunk_read_in_pages(tmp_path: Path) -> None:
    svc = fake(tmp_path / "store")
    report = svc.ingest([DATA])
    assert report.added == 5 and report.documents == 5 and report.chunks > 3
    snap = LexicalIndex(index_dir(svc.settings)).load()
    assert snap is not None and snap.documents == 5
    assert sorted(r[0] for r in snap.rows) == sorted(c.chunk_id for c, _ in svc.store.all_chunks())
    # the rows carry offsets: a chunk's text is its document's text between them
    doc = svc.store.get_document(snap.rows[0][1])
    assert doc is not None and snap.rows[0][2] < snap.rows[0][3] <= len(doc.text)
    assert "rusia" in snap.words and snap.idf  # the word set for "is this name anywhere?", idf per stem
    assert snap.stems["membangun"] == "bangun"  # stems computed at ingest: questions look them up
    assert len(svc.documents()) == 5 and svc.stats()["documents"] == 5  # listings page too
    ids = [d for d, _ in svc.store.doc_metas()]
    assert len(ids) == 5 and len(list(svc.store.document_rows(ids))) == 5


def test_a_new_process_reads_the_index_instead_of_rebuilding_it(tmp_path: Path) -> None:
    svc = fake(tmp_path / "store")
    svc.ingest([DATA])
    gen = svc.retriever.snapshot().generation
    again = fake(tmp_path / "store")
    assert again.retriever.snapshot().generation == gen  # loaded, not rebuilt
    q = "Siapa yang mengatakan Rusia akan membantu membangun satelit?"
    ids = [h.chunk.chunk_id for h in svc.retriever.retrieve(q)]
    assert ids and [h.chunk.chunk_id for h in again.retriever.retrieve(q)] == ids


def test_a_store_without_an_index_gets_one_built_once(tmp_path: Path) -> None:
    svc = fake(tmp_path / "store")
    svc.ingest([DATA])
    shutil.rmtree(index_dir(svc.settings))  # a store written before the index existed
    fresh = fake(tmp_path / "store")
    snap = fresh.retriever.snapshot()
    assert snap.documents == 5 and (index_dir(svc.settings) / "CURRENT").exists()
    hits = fresh.retriever.retrieve("Siapa yang mengatakan Rusia akan membantu membangun satelit?")
    assert hits and max(h.lexical for h in hits) == 1.0  # BM25 takes part again


def test_a_store_written_behind_the_index_gets_it_synced_at_start(tmp_path: Path) -> None:
    svc = fake(tmp_path / "store")
    svc.ingest([DATA / "000_a856f8a56b9e8d9f.txt"])
    elsewhere = tmp_path / "other-index"  # a writer that keeps its index elsewhere (or none): ours is now stale
    FactService(
        make_settings(tmp_path / "store", embedder="fake", lexical_dir=elsewhere), embeddings=FakeEmbeddings()
    ).ingest([DATA / "001_e55747e849a101e5.txt"])
    assert LexicalIndex(index_dir(svc.settings)).load().documents == 1  # type: ignore[union-attr]
    assert fake(tmp_path / "store").retriever.snapshot().documents == 2


def test_chunks_of_an_interrupted_ingest_do_not_make_every_start_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc = fake(tmp_path / "store")
    svc.ingest([DATA / "000_a856f8a56b9e8d9f.txt"])
    vec = FakeEmbeddings().embed_query("orphan")
    meta = {"doc_id": "orphan", "char_start": 0, "char_end": 6, "index": 0}
    svc.store.chunks.add(ids=["orphan:0000"], documents=["orphan"], embeddings=[vec], metadatas=[meta])
    syncs: list[bool] = []
    real = LexicalIndex.sync
    monkeypatch.setattr(LexicalIndex, "sync", lambda self, store: syncs.append(real(self, store)) or syncs[-1])
    assert fake(tmp_path / "store").retriever.snapshot().documents == 1  # the count moved: checked once
    assert syncs == [False]  # nothing committed changed, so no new generation
    assert fake(tmp_path / "store").retriever.snapshot().documents == 1
    assert syncs == [False]  # the next start trusts the index


def test_a_running_retriever_follows_another_process_ingest_and_removal(tmp_path: Path) -> None:
    reader = fake(tmp_path / "store")
    writer = fake(tmp_path / "store")
    writer.ingest([DATA / "000_a856f8a56b9e8d9f.txt"])
    before = reader.retriever.snapshot().generation
    note = tmp_path / "note.txt"
    note.write_text("Harbour news\n\nThe Lindqvist breakwater will cost 40 million kroner.", encoding="utf-8")
    writer.ingest([note])
    snap = reader.retriever.snapshot()  # no restart: the next question sees the new generation
    assert snap.generation != before and snap.documents == 2 and "lindqvist" in snap.words
    added = next(d for d in writer.documents() if d.source.endswith("note.txt"))
    writer.remove_document(added.doc_id)
    snap = reader.retriever.snapshot()
    assert snap.documents == 1 and "lindqvist" not in snap.words
    assert all(h.doc.doc_id != added.doc_id for h in reader.retriever.retrieve("Lindqvist breakwater kroner"))


def test_missing_names_read_the_persisted_word_set(tmp_path: Path) -> None:
    svc = fake(tmp_path / "store")
    svc.ingest([DATA])
    vocab = svc.retriever.vocab
    assert vocab.has_name("Rusia") and vocab.has_name("Russia")  # one letter, and CLDR's names
    assert not vocab.has_name("Zanzibar")
    assert svc.ask("What did Zanzibar's president say about Vostok?").status == "not_found"


def test_a_term_scores_its_best_alternative_not_their_sum(tmp_path: Path) -> None:
    """A word with many translations must not outweigh a word with one: each group adds its best match."""
    svc = fake(tmp_path / "store")
    svc.ingest([DATA])
    snap = LexicalIndex(index_dir(svc.settings)).load()
    assert snap is not None
    one = snap.scores([{"satelit"}])
    many = snap.scores([{"satelit", "rusia", "korea", "utara"}])
    each = [snap.scores([{t}]) for t in ("satelit", "rusia", "korea", "utara")]
    assert (many == np.max(each, axis=0)).all()
    assert (many >= one).all() and many.max() < sum(e.max() for e in each)
    assert not snap.scores([{"kata-yang-tidak-ada"}]).any()


@pytest.mark.usefixtures("small_pages")
def test_the_index_carries_every_stored_sentence_vector_read_in_pages(tmp_path: Path) -> None:
    """Serving reads sentence vectors from the generation's memory-mapped table, never from Chroma's index."""
    svc = fake(tmp_path / "store")
    svc.ingest([DATA / "000_a856f8a56b9e8d9f.txt"])
    note = tmp_path / "note.txt"
    note.write_text("Harbour news\n\nThe Lindqvist breakwater will cost 40 million kroner. Work starts in May.")
    svc.ingest([note])
    table = svc.retriever.snapshot().sentences
    assert table is not None
    stored = list(svc.store.sentences_of([d.doc_id for d in svc.documents()]))
    assert len(stored) == len(table.spans) > 3
    for doc_id, start, end, vector in stored:
        got = table.vector(doc_id, start, end)
        assert got is not None and np.allclose(got, vector, atol=2e-3)  # float16 on disk
    assert table.vector(stored[0][0], stored[0][1], stored[0][2] + 1) is None  # offsets must match exactly
    # many at once (one read per document): the same rows, and only those the table holds
    keys = [(d, s, e) for d, s, e, _ in stored[::2]] + [("no-such-doc", 0, 5), (stored[1][0], stored[1][1] + 1, 9)]
    got_all = table.vectors(keys)
    assert set(got_all) == set(keys[:-2])
    for doc_id, start, end, vector in stored[::2]:
        assert np.allclose(got_all[(doc_id, start, end)], vector, atol=2e-3)

    def no_chroma_vectors(ids: object) -> dict[str, list[float]]:
        raise AssertionError("answering read sentence vectors out of Chroma")

    svc.store.sentence_vectors = no_chroma_vectors  # type: ignore[method-assign]
    hits = svc.retriever.sentences("How much will the Lindqvist breakwater cost?")
    top = next(h for h in hits if "40 million" in h.text)
    assert top.vector is not None and "dense_s" in top.features
    assert np.allclose(top.vector, svc.embeddings.embed_documents([top.text])[0], atol=2e-3)
    added = next(d for d in svc.documents() if d.source.endswith("note.txt"))
    svc.remove_document(added.doc_id)
    table = svc.retriever.snapshot().sentences
    assert table is not None and added.doc_id not in table.by_doc and len(table.by_doc) == 1


def test_a_generation_without_a_sentence_table_is_rebuilt_at_start(tmp_path: Path) -> None:
    svc = fake(tmp_path / "store")
    svc.ingest([DATA / "000_a856f8a56b9e8d9f.txt"])
    root = index_dir(svc.settings)
    gen = (root / "CURRENT").read_text()
    for name in ("sentences.f16", "sentence_spans.i32", "sentence_docs.json"):
        (root / gen / name).unlink()  # an index written by the previous version
    again = fake(tmp_path / "store")
    snap = again.retriever.snapshot()
    assert snap.generation != gen and snap.sentences is not None and len(snap.sentences.by_doc) == 1


def test_a_new_generation_freezes_its_rows_but_not_garbage_left_before_it(tmp_path: Path) -> None:
    """The index's rows are frozen out of the cycle collector (gc.freeze); cyclic garbage that exists when a
    new generation is adopted must be collected first, or it would be frozen, never freed."""
    import gc
    import weakref

    svc = fake(tmp_path / "store")
    svc.ingest([DATA / "000_a856f8a56b9e8d9f.txt"])
    svc.ask("Who said Russia will help build satellites?")

    class Node:
        other: object = None

    gc.disable()  # no automatic collection may clean up before the adoption does
    try:
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: only the cycle collector frees it
        gone = weakref.ref(a)
        del a, b
        note = tmp_path / "note.txt"
        note.write_text("Harbour news\n\nThe Lindqvist breakwater will cost 40 million kroner. Work starts in May.")
        svc.ingest([note])
        svc.ask("How much will the breakwater cost?")  # adopts the new generation
        gc.collect()
        assert gone() is None, "garbage from before the new generation was frozen with it"
        assert gc.get_freeze_count() > 0
    finally:
        gc.enable()
        gc.unfreeze()


def test_a_generation_with_rows_as_json_is_read_then_rewritten_at_start(tmp_path: Path) -> None:
    """Rows as JSON (the previous format) still serve, and the next start rewrites them as columns."""
    svc = fake(tmp_path / "store")
    svc.ingest([DATA / "000_a856f8a56b9e8d9f.txt"])
    root = index_dir(svc.settings)
    gen = (root / "CURRENT").read_text()
    rows = list(svc.retriever.snapshot().rows)
    (root / gen / "rows.npz").unlink()
    (root / gen / "rows.json").write_text(json.dumps(rows))  # an index written by the previous version
    legacy = LexicalIndex(root).load()
    assert legacy is not None and list(legacy.rows) == rows and LexicalIndex(root).outdated(legacy)
    again = fake(tmp_path / "store")
    snap = again.retriever.snapshot()
    assert snap.generation != gen and list(snap.rows) == rows and (root / snap.generation / "rows.npz").exists()
