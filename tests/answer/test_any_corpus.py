"""Answers on a corpus nobody tuned for: made-up English and Indonesian articles from made-up outlets.

Real embedder and real Chroma; nothing here shares a name, place or outlet with the sample corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests_support import make_settings

from bot.service import FactService

pytestmark = pytest.mark.integration

HARBOUR = """Harbour council approves new flood barrier

The Lowmoor harbour council voted on March 3 to build a flood barrier along the eastern quay.
The barrier will cost 14 million euros and take three years to finish, the council said.
"We cannot wait for the next storm," said Rep. Ada Lindqvist, who chairs the council's works committee.
Fishermen's associations welcomed the vote but asked for a second crane at the quay.
"Why did it take a decade to decide?" Mr. Tomas Brenner asked at the meeting.
Engineer Mira Osei wrote: "The eastern quay floods nine times a year on average."
"""

JEMBATAN = """Jembatan Kali Sarang ditutup sementara

Dinas Pekerjaan Umum Kabupaten Lereng menutup jembatan Kali Sarang sejak Senin karena retak pada tiang penyangga.
Jembatan itu dilalui sekitar 12 ribu kendaraan setiap hari, ujar Kepala Dinas Rahmat Saputra.
"Perbaikan ditargetkan selesai dalam enam minggu," katanya.
Warga diminta memakai jalan alternatif melalui Desa Wonorejo selama perbaikan.
"""

MUSEUM = """Arvika museum names a new director

The city museum of Arvika named Lena Håkansson, a historian of Baltic trade, as its director on Friday.
Håkansson said the maritime hall would reopen next spring after repairs to its roof.
"""


@pytest.fixture(scope="module")
def svc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FactService]:
    root = tmp_path_factory.mktemp("anycorpus")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (corpus / "jembatan.txt").write_text(JEMBATAN, encoding="utf-8")
    (corpus / "museum.txt").write_text(MUSEUM, encoding="utf-8")
    service = FactService(make_settings(root / "store"))
    report = service.ingest([corpus])
    assert report.added == 3, report
    yield service


def _verbatim(svc: FactService, question: str) -> str:
    ans = svc.ask(question)
    for c in ans.citations:
        doc = svc.store.get_document(c.doc_id)
        assert doc is not None and doc.text[c.char_start : c.char_end] == c.quote
    return ans.answer if ans.status == "answered" else ""


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who said they cannot wait for the next storm?", "Ada Lindqvist"),
        ("Who asked why it took a decade to decide?", "Brenner"),
        ("How much will the flood barrier cost?", "14 million"),
        ("When did the harbour council vote on the barrier?", "March 3"),
        ("Siapa yang mengatakan perbaikan jembatan selesai dalam enam minggu?", "Rahmat Saputra"),
        ("Berapa kendaraan yang melewati jembatan Kali Sarang setiap hari?", "12 ribu"),
        ("Why was the Kali Sarang bridge closed?", "retak"),
        ("Who is Lena Håkansson?", "a historian of Baltic trade, according to"),  # what she is, named first
    ],
)
def test_answers_name_the_asked_for_thing(svc: FactService, question: str, expected: str) -> None:
    assert expected in _verbatim(svc, question)


@pytest.mark.parametrize(
    "question",
    [
        "On which exact day in May did the council sign the construction contract?",
        "Who is the mayor of Nairobi?",
        "Berapa gaji Kepala Dinas Pekerjaan Umum?",
    ],
)
def test_what_the_sources_do_not_say_is_refused(svc: FactService, question: str) -> None:
    assert svc.ask(question).status == "not_found"


def test_source_without_outlet_is_named_by_title_not_path(svc: FactService) -> None:
    ans = svc.ask("How much will the flood barrier cost?")
    assert ans.status == "answered"
    assert str(Path("/")) + "tmp" not in ans.answer and "corpus/" not in ans.answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Siapakah Kepala Dinas yang menyebut jumlah kendaraan itu?", "Rahmat Saputra"),
        ("Kapankah jembatan Kali Sarang ditutup?", "Senin"),
        ("Berapakah kendaraan yang melewati jembatan Kali Sarang setiap hari?", "12 ribu"),
    ],
)
def test_indonesian_questions_with_a_particle_are_answered_in_indonesian(
    svc: FactService, question: str, expected: str
) -> None:
    ans = svc.ask(question)
    assert expected in _verbatim(svc, question)
    assert "According to" not in ans.answer  # asked in Indonesian, answered in Indonesian
