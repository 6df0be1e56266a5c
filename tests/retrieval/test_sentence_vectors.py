"""Candidate sentence vectors: the index's table, else Chroma, else the embedder (retrieval/sentence_vectors.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from tests_support import make_settings

from bot.components.embeddings import FakeEmbeddings
from bot.retrieval.sentence_vectors import SentenceVectors
from bot.service import FactService

DOC = Path(__file__).resolve().parents[2] / "data" / "000_a856f8a56b9e8d9f.txt"


class CountingEmbeddings(FakeEmbeddings):
    def __init__(self) -> None:
        super().__init__()
        self.embedded: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += texts
        return super().embed_documents(texts)


def test_table_then_store_then_embedder(tmp_path: Path) -> None:
    svc = FactService(make_settings(tmp_path / "store", embedder="fake"), embeddings=FakeEmbeddings())
    svc.ingest([DOC])
    snap = svc.retriever.snapshot()
    assert snap.sentences is not None
    doc_id = next(iter(snap.sentences.by_doc))
    doc = svc.store.get_document(doc_id)
    assert doc is not None
    part = snap.sentences.part(doc_id)
    assert part is not None
    s, e = (int(x) for x in part[1][0])  # a stored sentence
    q = FakeEmbeddings().embed_query("who met whom")
    counting = CountingEmbeddings()
    vectors = SentenceVectors(svc.store, counting)

    from_table: dict[tuple[str, int, int], dict[str, float]] = {(doc_id, s, e): {}}
    used = vectors.fill(q, from_table, {doc_id: doc}, snap.sentences)
    from_store: dict[tuple[str, int, int], dict[str, float]] = {(doc_id, s, e): {}}
    used_store = vectors.fill(q, from_store, {doc_id: doc}, None)  # no table: Chroma's sentence collection
    assert not counting.embedded  # both found without embedding
    assert abs(from_table[(doc_id, s, e)]["dense_s"] - from_store[(doc_id, s, e)]["dense_s"]) < 1e-2  # float16 table
    assert np.allclose(used[(doc_id, s, e)], used_store[(doc_id, s, e)], atol=1e-2)

    odd = (doc_id, s, e - 1)  # a span no splitter stored: embedded once, then cached
    for _ in range(2):
        cands: dict[tuple[str, int, int], dict[str, float]] = {odd: {}}
        vectors.fill(q, cands, {doc_id: doc}, snap.sentences)
        assert -1.0 <= cands[odd]["dense_s"] <= 1.0
    assert counting.embedded == [doc.text[s : e - 1]]


def test_candidates_that_have_a_similarity_are_left_alone(tmp_path: Path) -> None:
    svc = FactService(make_settings(tmp_path / "store", embedder="fake"), embeddings=FakeEmbeddings())
    cands = {("d", 0, 5): {"dense_s": 0.5}}
    assert SentenceVectors(svc.store, FakeEmbeddings()).fill([0.0], cands, {}, None) == {}
    assert cands[("d", 0, 5)]["dense_s"] == 0.5
