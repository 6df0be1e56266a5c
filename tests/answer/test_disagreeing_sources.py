"""Two articles credit the same statement to different people: the answer says the sources disagree, names both
sources and both speakers, cites both, and prefers neither. Articles that agree (or name someone else for a
different statement) give a plain answer. Real embedder, real Chroma store in a temp dir."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_support import make_settings  # type: ignore[import-not-found]

from bot.answer.disagree import credited
from bot.models import Answer, DocumentRecord
from bot.retrieval.types import SentenceHit
from bot.service import FactService

pytestmark = pytest.mark.integration

MINISTER = (
    "Harga Beras Diperkirakan Turun\n\n"
    "Menteri Perdagangan Budi Santoso mengatakan harga beras akan turun bulan depan karena panen raya. "
    "Pedagang di pasar induk menyambut baik kabar itu.\n"
)
GOVERNOR = (
    "Pemerintah Daerah Janjikan Beras Murah\n\n"
    "Gubernur Andi Wijaya mengatakan harga beras akan turun bulan depan karena panen raya. "
    "Ia meminta warga tidak membeli beras secara berlebihan.\n"
)
MAYOR = (
    "Bridge Repairs Near Completion\n\n"
    "Mayor Jane Holt said the river bridge will reopen to traffic in June. Repairs began last winter.\n"
)
ENGINEER = (
    "Engineers Inspect River Bridge\n\n"
    '"The river bridge will reopen to traffic in June," said chief engineer Tom Reyes. '
    "Crews worked through the weekend.\n"
)
SAME_PERSON = (
    "Panen Raya Dimulai\n\n"
    "Panen raya dimulai di sejumlah daerah pekan ini. "
    "Santoso mengatakan harga beras akan turun bulan depan karena panen raya.\n"
)
OTHER_STATEMENT = (
    "Stok Gudang Bertambah\n\n"
    "Stok beras di gudang bertambah menjelang bulan depan, yang menurut Rina Kusuma sangat penting untuk "
    "menjaga pasokan daerah terpencil.\n"
)


def _service(root: Path, files: dict[str, str]) -> FactService:
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    svc = FactService(make_settings(root / "store"))
    assert svc.ingest([root]).added == len(files)
    return svc


@pytest.fixture(scope="module")
def disagreeing(tmp_path_factory: pytest.TempPathFactory) -> FactService:
    files = {"minister.txt": MINISTER, "governor.txt": GOVERNOR, "mayor.txt": MAYOR, "engineer.txt": ENGINEER}
    return _service(tmp_path_factory.mktemp("disagree"), files)


@pytest.fixture(scope="module")
def agreeing(tmp_path_factory: pytest.TempPathFactory) -> FactService:
    files = {"minister.txt": MINISTER, "same.txt": SAME_PERSON, "other.txt": OTHER_STATEMENT}
    return _service(tmp_path_factory.mktemp("agree"), files)


def _disagreement(ans: Answer, names: tuple[str, str], files: tuple[str, str], word: str) -> None:
    assert ans.status == "answered", ans
    assert word in ans.answer.split(":")[0], ans.answer
    assert {Path(c.source).name for c in ans.citations} == set(files), ans.citations
    assert "[1]" in ans.answer and "[2]" in ans.answer
    warning = next((w for w in ans.warnings if word in w), None)
    assert warning is not None, ans.warnings
    for name in names:
        assert name in ans.answer and name in warning, (name, ans.answer, warning)
    for c in ans.citations:  # each source named in the warning: its outlet or title, or its file
        assert (c.outlet or c.title or Path(c.source).name) in warning, (c, warning)


def test_indonesian_sources_disagree_on_the_speaker(disagreeing: FactService) -> None:
    ans = disagreeing.ask("Siapa yang mengatakan harga beras akan turun bulan depan?")
    _disagreement(ans, ("Budi Santoso", "Andi Wijaya"), ("minister.txt", "governor.txt"), "tidak sepakat")


def test_english_sources_disagree_on_the_speaker(disagreeing: FactService) -> None:
    ans = disagreeing.ask("Who said the river bridge will reopen in June?")
    _disagreement(ans, ("Jane Holt", "Tom Reyes"), ("mayor.txt", "engineer.txt"), "disagree")


def test_same_person_under_two_spellings_is_no_disagreement(agreeing: FactService) -> None:
    ans = agreeing.ask("Siapa yang mengatakan harga beras akan turun bulan depan?")
    assert ans.status == "answered" and "Santoso" in ans.answer.split("[1]")[0], ans
    assert not any("sepakat" in w or "disagree" in w for w in ans.warnings), ans.warnings


def test_a_name_credited_with_another_statement_is_no_disagreement(agreeing: FactService) -> None:
    ans = agreeing.ask("Siapa yang mengatakan stok beras sangat penting untuk pasokan daerah terpencil?")
    assert ans.status == "answered" and "Rina Kusuma" in ans.answer, ans
    assert not any("sepakat" in w or "disagree" in w for w in ans.warnings), ans.warnings


FLOOD_A = (
    "Banjir Rendam Desa Sukamaju\n\n"
    "Banjir yang melanda Desa Sukamaju pada Selasa merendam 120 rumah warga, kata kepala desa. "
    "Warga mengungsi ke balai desa.\n"
)
FLOOD_B = (
    "Ratusan Rumah Terendam di Sukamaju\n\n"
    "Banjir yang melanda Desa Sukamaju pada Selasa merendam 300 rumah warga, menurut petugas BPBD. "
    "Bantuan logistik mulai disalurkan.\n"
)
BRIDGE_A = "Bridge Opens\n\nThe new river bridge opened to traffic on 12 March 2024, the transport office said.\n"
BRIDGE_B = "River Crossing Ready\n\nThe new river bridge opened to traffic on 12 March 2024, officials confirmed.\n"


def test_sources_giving_different_figures_are_both_shown(tmp_path: Path) -> None:
    svc = _service(tmp_path, {"flood_a.txt": FLOOD_A, "flood_b.txt": FLOOD_B})
    ans = svc.ask("Berapa rumah yang terendam banjir di Desa Sukamaju?")
    assert ans.status == "answered" and len({c.doc_id for c in ans.citations}) == 2, ans.answer
    warning = next(w for w in ans.warnings if w.startswith("Sumber berbeda"))
    assert "120 rumah [1]" in warning and "300 rumah [2]" in warning  # both figures with their unit, neither preferred


def test_sources_giving_the_same_date_raise_no_warning(tmp_path: Path) -> None:
    svc = _service(tmp_path, {"bridge_a.txt": BRIDGE_A, "bridge_b.txt": BRIDGE_B})
    ans = svc.ask("When did the new river bridge open to traffic?")
    assert ans.status == "answered" and "12 March 2024" in ans.answer
    assert not any("differ" in w for w in ans.warnings)


def _hit(doc_id: str, text: str) -> SentenceHit:
    return SentenceHit(DocumentRecord(doc_id=doc_id, text=text, source=f"{doc_id}.txt"), text, 0, len(text), 0.5)


def test_the_sentence_crediting_the_statement_beats_a_likelier_one_where_the_speaker_said_something_else() -> None:
    """ "who said the price will fall?": the likelier sentence names a speaker, but for another statement."""
    other = _hit("a", OTHER_STATEMENT.split("\n\n")[1].strip())
    says_it = _hit("b", MINISTER.split("\n\n")[1].split(". ")[0] + ".")
    question = "Siapa yang mengatakan harga beras akan turun bulan depan?"
    assert [i for i, _ in credited(question, [(0.6, other), (0.45, says_it)], min_p=0.3)] == [1]
    assert credited(question, [(0.6, other), (0.25, says_it)], min_p=0.3) == []  # too unlikely
    assert credited(question, [(0.6, other)], min_p=0.3) == []
