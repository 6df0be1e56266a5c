"""Short real articles are kept: only a file with no sentence at all is refused as boilerplate."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import BadInput
from bot.ingest.pipeline import _body, build_document
from bot.service import FactService
from bot.settings import Settings

SHORT = "Wali Kota Surabaya mengatakan banjir surut pada Selasa pagi setelah hujan berhenti."


def test_short_news_item_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text(SHORT + "\n", encoding="utf-8")
    doc, _, _ = build_document(path, Settings(_env_file=None))  # type: ignore[call-arg]
    assert "banjir surut pada Selasa pagi" in doc.text


def test_nothing_but_chrome_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("Beranda\nLogin\nDaftar\n| | |\n2024\n", encoding="utf-8")
    with pytest.raises(BadInput, match="no article text"):
        build_document(path, Settings(_env_file=None))  # type: ignore[call-arg]


def test_two_sentence_item_is_ingested(fake_service: FactService, tmp_path: Path) -> None:
    (tmp_path / "two.txt").write_text(f"{SHORT} Warga kembali ke rumah masing-masing.\n", encoding="utf-8")
    report = fake_service.ingest([tmp_path / "two.txt"])
    assert report.added == 1 and report.errors == []
    assert "Warga kembali ke rumah" in fake_service.store.all_documents()[0].text


def test_raw_sentences_are_kept_when_the_cleaner_removed_everything() -> None:
    body, warnings = _body("", None, f"Beranda | Login\n{SHORT}\n")
    assert body == SHORT
    assert warnings == ["the cleaner removed every sentence; kept the raw text's 1 sentence(s)"]


@pytest.mark.parametrize("body", [SHORT, f"{SHORT}\n", f"Banjir Surut\n\n{SHORT}\n", f"  {SHORT}  \r\n\r\n"])
def test_one_sentence_item_goes_into_the_store(fake_service: FactService, tmp_path: Path, body: str) -> None:
    (tmp_path / "item.txt").write_text(body, encoding="utf-8")
    report = fake_service.ingest([tmp_path / "item.txt"])
    assert report.errors == [] and report.added == 1, report
    assert not any("boilerplate" in w or "cleaner removed" in w for w in report.warnings), report.warnings
    assert SHORT in fake_service.store.all_documents()[0].text


def test_one_sentence_item_answers_a_question(settings_tmp: Settings, tmp_path: Path) -> None:
    """The real embedder and store: the item is found, and quoted whole."""
    svc = FactService(settings_tmp)
    (tmp_path / "item.txt").write_text(SHORT + "\n", encoding="utf-8")
    assert svc.ingest([tmp_path / "item.txt"]).added == 1
    ans = svc.ask("Kapan banjir surut di Surabaya?")
    assert ans.status == "answered", ans
    assert ans.citations[0].quote == SHORT and "Selasa" in ans.answer
