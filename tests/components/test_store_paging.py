"""Reading a whole collection goes in pages: one `get` of more than ~32k rows fails in Chroma's SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_support import make_settings

import bot.components.store as store_mod
from bot.components.embeddings import FakeEmbeddings
from bot.components.store import Store


def test_all_chunks_reads_every_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_mod, "_BATCH", 3)  # pages of three rows, so ten rows take four reads
    store = Store(make_settings(tmp_path / "s", embedder="fake"), FakeEmbeddings())
    emb = FakeEmbeddings()
    store.chunks.upsert(
        ids=[f"c{i}" for i in range(10)],
        documents=[f"text {i}" for i in range(10)],
        embeddings=emb.embed_documents([f"text {i}" for i in range(10)]),
        metadatas=[{"doc_id": "d", "char_start": i, "char_end": i + 1} for i in range(10)],
    )
    got = store.all_chunks()
    assert sorted(c.chunk_id for c, _ in got) == [f"c{i}" for i in range(10)]
