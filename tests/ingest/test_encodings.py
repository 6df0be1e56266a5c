"""Text files written by Windows tools (UTF-16 with a BOM, UTF-8 with a BOM, UTF-32, Windows-1252) are read as
text and stored in a real Chroma store, never refused as binary; the byte-order mark itself is never stored."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from bot.service import FactService

HEADLINE = "Banjir Surut di Kota Pesisir"
BODY = (
    "Kepala dinas mengatakan air mulai surut pada Rabu malam setelah pompa dinyalakan. "
    "Warga kembali ke rumah masing-masing pada Kamis pagi."
)
ARTICLE = f"{HEADLINE}\n\n{BODY}\n"


HTML = f"<html><body><article><p>{BODY}</p></article></body></html>"
CASES = {  # file name -> (bytes, what the ingest report says it was read as)
    "utf16le_bom.txt": (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "UTF-16-LE"),
    "utf16be_bom.txt": (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "UTF-16-BE"),
    "utf16_crlf.txt": (ARTICLE.replace("\n", "\r\n").encode("utf-16"), "UTF-16"),  # Notepad's "Unicode"
    "utf32_bom.txt": (ARTICLE.encode("utf-32"), "UTF-32"),
    "utf8_bom.txt": (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), None),
    "utf8_bom.md": (codecs.BOM_UTF8 + f"# {HEADLINE}\n\n{BODY}\n".encode(), None),
    "utf8_bom.html": (codecs.BOM_UTF8 + HTML.encode(), None),
    "utf16_bom.html": (HTML.encode("utf-16"), "UTF-16"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bom_files_are_ingested(fake_service: FactService, tmp_path: Path, name: str) -> None:
    data, note = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)

    report = fake_service.ingest([path])

    assert report.errors == [] and report.added == 1, report
    doc = fake_service.store.all_documents()[0]
    assert "Warga kembali ke rumah masing-masing pada Kamis pagi." in doc.text
    assert "\ufeff" not in doc.text and "\x00" not in doc.text and "\r" not in doc.text
    notes = [w for w in report.warnings if "read as" in w]
    if note:
        assert notes and note in notes[0], report.warnings
    else:
        assert notes == [], report.warnings  # a UTF-8 BOM is just UTF-8: nothing to warn about
    for chunk, _ in fake_service.store.all_chunks():
        assert doc.text[chunk.char_start : chunk.char_end] == chunk.text


def test_windows_1252_text_is_decoded(fake_service: FactService, tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(f"{HEADLINE}\n\n“Kami lega,” kata seorang warga. {BODY}\n".encode("cp1252"))
    report = fake_service.ingest([path])
    assert report.errors == [] and report.added == 1
    assert "“Kami lega,” kata seorang warga." in fake_service.store.all_documents()[0].text
    assert any("Windows-1252" in w for w in report.warnings), report.warnings


def test_utf16_file_answers_a_question(fake_service: FactService, tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(ARTICLE.encode("utf-16"))
    assert fake_service.ingest([tmp_path]).added == 1
    ans = fake_service.ask("Kapan warga kembali ke rumah masing-masing?")
    assert ans.status == "answered" and ans.citations
    assert "Kamis pagi" in ans.citations[0].quote
