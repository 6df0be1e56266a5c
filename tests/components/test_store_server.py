"""The store against a real Chroma server (`chroma run` on 127.0.0.1), and the embedded store's guarantees."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.components.embeddings import FakeEmbeddings
from bot.errors import FactbotError
from bot.service import FactService
from bot.settings import Settings
from tests.web.conftest import free_port

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    if shutil.which("chroma") is None:
        pytest.skip("the chroma CLI is not installed")
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        ["chroma", "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(150):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError("chroma run did not start")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.integration
def test_ingest_and_answer_through_a_chroma_server(chroma_server: int, tmp_path: Path) -> None:
    settings = Settings(
        _env_file=None,
        chroma_host="127.0.0.1",
        chroma_port=chroma_server,
        persist_dir=tmp_path / "unused",  # type: ignore[call-arg]
        lexical_dir=tmp_path / "index",  # shared by every process that serves this server's collection
    )
    # The real embedder: the evidence model reads e5 similarities, so fake vectors would only test storage.
    svc = FactService(settings)
    first = svc.ingest([DATA])
    assert first.added == 5 and first.chunks > 0
    again = FactService(settings).ingest([DATA])
    assert again.added == 0 and again.chunks_added == 0 and again.chunks == first.chunks
    ans = svc.ask("Siapa yang mengatakan Rusia akan membantu Korea Utara membangun satelit?")
    assert ans.citations
    for c in ans.citations:
        doc = svc.store.get_document(c.doc_id)
        assert doc is not None and doc.text[c.char_start : c.char_end] == c.quote
    assert not (tmp_path / "unused").exists()  # no local store: the server holds the data
    assert (tmp_path / "index" / "CURRENT").exists()

    # A second process's service answers identically from the same server and index ...
    other = FactService(settings)
    question = "Who said Russia will help build satellites?"
    assert other.ask(question).model_dump() == svc.ask(question).model_dump()
    # ... and sees an article the first one ingests, without a restart: the index generation changed.
    note = tmp_path / "note.txt"
    note.write_text(
        "Harbour report\n\nThe harbour authority of Lindqvist Bay said the new breakwater will cost 40 million "
        "kroner and open in 2031, according to chief engineer Maren Solberg.",
        encoding="utf-8",
    )
    assert svc.ingest([note]).added == 1
    ans = other.ask("How much will the Lindqvist Bay breakwater cost?")
    assert ans.status == "answered" and "40 million" in " ".join(c.quote for c in ans.citations)


def test_collection_is_cosine_with_our_embedding_function(fake_service: FactService) -> None:
    cfg = fake_service.store.chunks.configuration
    assert cfg["hnsw"]["space"] == "cosine"
    assert cfg["embedding_function"].name() == "factbot"
    # adding text without vectors goes through our embedder, never Chroma's downloading default
    fake_service.store.chunks.add(ids=["t1"], documents=["Putin satelit"], metadatas=[{"doc_id": "x"}])
    got = fake_service.store.chunks.get(ids=["t1"], include=["embeddings"])
    assert len(got["embeddings"][0]) == FakeEmbeddings().dim


def test_a_store_built_with_another_embedder_is_refused(tmp_path: Path) -> None:
    FactService(Settings(_env_file=None, persist_dir=tmp_path, embedder="fake"), embeddings=FakeEmbeddings()).ingest(  # type: ignore[call-arg]
        [DATA / "002_73da10b1a9250460.txt"]
    )
    with pytest.raises(FactbotError, match="built with embedder 'fake'"):
        FactService(Settings(_env_file=None, persist_dir=tmp_path)).store  # type: ignore[call-arg]  # noqa: B018
