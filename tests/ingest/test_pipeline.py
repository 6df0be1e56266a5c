"""Ingest into a real Chroma store in tmp_path: offsets, idempotency, replacement, bad input, crash safety."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from bot.ingest.chunking import chunk_text
from bot.ingest.privacy import EMAIL_MASK
from bot.models import Chunk
from bot.service import FactService

DATA = Path(__file__).resolve().parents[2] / "data"


def _copy_corpus(dst: Path) -> Path:
    shutil.copytree(DATA, dst)
    return dst


def test_chunk_offsets_round_trip_on_every_document(fake_service: FactService) -> None:
    fake_service.ingest([DATA])
    docs = {d.doc_id: d for d in fake_service.store.all_documents()}
    chunks = fake_service.store.all_chunks()
    assert len(docs) == 5 and len(chunks) > 20
    for chunk, _meta in chunks:
        assert docs[chunk.doc_id].text[chunk.char_start : chunk.char_end] == chunk.text


def test_chunks_cover_the_whole_text_and_end_on_sentences() -> None:
    text = " ".join(f"Kalimat nomor {i} berbicara tentang Putin dan Kim." for i in range(200))
    chunks = chunk_text("d", text, size=400, overlap=60)
    assert chunks[0].char_start == 0 and chunks[-1].char_end == len(text)
    for a, b in zip(chunks, chunks[1:], strict=False):
        assert b.char_start <= a.char_end  # no gap
    assert all(c.text.endswith(".") for c in chunks)


def test_reingest_unchanged_adds_nothing(fake_service: FactService) -> None:
    first = fake_service.ingest([DATA])
    second = fake_service.ingest([DATA])
    assert first.added == 5 and first.chunks_added > 0
    assert second.added == 0 and second.chunks_added == 0 and second.skipped == 5
    assert second.chunks == first.chunks


def test_changed_file_replaces_its_old_chunks(fake_service: FactService, tmp_path: Path) -> None:
    corpus = _copy_corpus(tmp_path / "corpus")
    target = corpus / "002_73da10b1a9250460.txt"
    fake_service.ingest([corpus])
    before = fake_service.stats()
    target.write_text(target.read_text(encoding="utf-8").replace("30 menit", "45 menit"), encoding="utf-8")
    report = fake_service.ingest([corpus])
    assert report.replaced == 1 and report.skipped == 4
    after = fake_service.stats()
    assert after["documents"] == before["documents"]
    texts = " ".join(c.text for c, _ in fake_service.store.all_chunks())
    assert "45 menit" in texts and "30 menit" not in texts


def test_same_article_under_two_paths_is_stored_once(fake_service: FactService, tmp_path: Path) -> None:
    src = DATA / "000_a856f8a56b9e8d9f.txt"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(src, tmp_path / "a" / "x.txt")
    shutil.copy(src, tmp_path / "b" / "y.txt")
    report = fake_service.ingest([tmp_path / "a", tmp_path / "b"])
    assert report.added == 1 and report.skipped == 1
    assert fake_service.stats()["documents"] == 1


def test_private_email_never_reaches_the_store(fake_service: FactService) -> None:
    report = fake_service.ingest([DATA])
    assert report.pii_masked >= 1
    everything = " ".join(d.text for d in fake_service.store.all_documents())
    everything += " ".join(c.text for c, _ in fake_service.store.all_chunks())
    assert "rudihamdani" not in everything and "@gmail.com" not in everything


def test_pii_in_body_is_masked(fake_service: FactService, tmp_path: Path) -> None:
    body = (
        "Warga bernama Budi Santoso melapor ke polisi kemarin. Ia bisa dihubungi di budi.santoso@example.com "
        "atau 0812-3456-7890 untuk keterangan lebih lanjut, kata Presiden Joko Widodo di Jakarta hari ini. "
    ) * 3
    (tmp_path / "a.txt").write_text("Judul Berita Tentang Warga Jakarta\n\n" + body, encoding="utf-8")
    fake_service.ingest([tmp_path / "a.txt"])
    doc = fake_service.store.all_documents()[0]
    assert EMAIL_MASK in doc.text and "example.com" not in doc.text and "3456-7890" not in doc.text
    assert "Joko Widodo" in doc.text and "Budi Santoso" in doc.text


def test_bad_inputs_are_reported_and_the_rest_goes_in(fake_service: FactService, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    shutil.copy(DATA / "002_73da10b1a9250460.txt", good)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "huge.txt").write_bytes(b"a " * (fake_service.settings.max_file_bytes // 2 + 10))
    (tmp_path / "latin1.txt").write_bytes(("Berita tentang caf\xe9 di Jakarta. " * 20).encode("latin-1"))
    report = fake_service.ingest([tmp_path, tmp_path / "missing.txt"])
    reasons = {Path(e.path).name: e.reason for e in report.errors}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["junk.txt"]
    assert "too large" in reasons["huge.txt"]
    assert "no such file" in reasons["missing.txt"]
    assert report.added == 2  # good.txt and the Windows-1252 file, with a warning
    assert any("Windows-1252" in w for w in report.warnings)


def test_interrupted_write_leaves_no_half_document(fake_service: FactService) -> None:
    """Chunks without their document record (a crash mid-write) are invisible and cleaned on re-ingest."""
    fake_service.ingest([DATA / "000_a856f8a56b9e8d9f.txt"])
    doc = fake_service.store.all_documents()[0]
    chunk = Chunk(chunk_id="orphan:0000", doc_id="orphan", text="Setengah dokumen", char_start=0, char_end=16, index=0)
    fake_service.store.chunks.upsert(
        ids=[chunk.chunk_id],
        documents=[chunk.text],
        embeddings=fake_service.embeddings.embed_documents([chunk.text]),
        metadatas=[{"doc_id": "orphan", "char_start": 0, "char_end": 16, "index": 0, "source": "x"}],
    )
    assert all(r[1] == doc.doc_id for r in fake_service.retriever.snapshot().rows)  # the index skips it
    assert all(h.doc.doc_id == doc.doc_id for h in fake_service.retriever.retrieve("Setengah dokumen", k=10))
    # deleting the record of a stored doc, then re-ingesting, rewrites it whole
    fake_service.store.docs.delete(ids=[doc.doc_id])
    report = fake_service.ingest([DATA / "000_a856f8a56b9e8d9f.txt"])
    assert report.added == 1
    n = sum(1 for c, _ in fake_service.store.all_chunks() if c.doc_id == doc.doc_id)
    assert n == report.chunks_added


def test_refused_and_accepted_files_are_logged_with_reasons_not_text(
    fake_service: FactService, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good = tmp_path / "good.txt"
    shutil.copy(DATA / "002_73da10b1a9250460.txt", good)
    (tmp_path / "empty.txt").write_bytes(b"")
    caplog.set_level(logging.INFO, logger="bot.ingest")
    fake_service.ingest([tmp_path])
    records = [r for r in caplog.records if r.name == "bot.ingest.pipeline"]
    refused = [r for r in records if r.levelno == logging.WARNING]
    assert len(refused) == 1 and "empty.txt" in refused[0].getMessage()
    assert refused[0].getMessage().endswith("empty file")
    accepted = [r.getMessage() for r in records if r.getMessage().startswith("accepted")]
    assert len(accepted) == 1 and "good.txt" in accepted[0]
    body = good.read_text(encoding="utf-8")
    sentence = max(body.splitlines(), key=len)[:60]
    assert all(sentence not in r.getMessage() for r in caplog.records)
    caplog.clear()
    good.write_text(body.replace("30 menit", "45 menit"), encoding="utf-8")
    fake_service.ingest([good])
    assert any(r.getMessage().startswith("replaced") and "good.txt" in r.getMessage() for r in caplog.records)
