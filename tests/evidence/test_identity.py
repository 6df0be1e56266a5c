"""'Who is X?' is answered with what the sentence says X is, never with another name in it."""

from __future__ import annotations

import pytest

from bot.answer.question import analyse
from bot.evidence.identity import description, identity_of


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("Who is Lena Håkansson?", "Lena Håkansson"),
        ("Siapakah Rahmat Saputra?", "Rahmat Saputra"),
        ("Siapa Rahmat Saputra?", "Rahmat Saputra"),
        ("Who was Tomas Brenner?", "Tomas Brenner"),
        ("Siapa Perdana Menteri Inggris?", None),  # an office: asks for the person holding it
        ("Siapa Raja Lereng pertama?", None),  # says more than a name
        ("Who accompanied Lena Håkansson?", None),
        ("Siapa ibu Rahmat Saputra?", None),
    ],
)
def test_a_question_of_one_name_asks_who_that_person_is(question: str, person: str | None) -> None:
    q = analyse(question)
    assert identity_of(q.text, q.entities) == person


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        (
            "Lena Håkansson, a historian of Baltic trade, was appointed on Friday.",
            "Lena Håkansson",
            "a historian of Baltic trade",
        ),
        (
            "Seorang insinyur sipil dari Kabupaten Lereng, Rahmat Saputra, memimpin perbaikan.",
            "Rahmat Saputra",
            "Seorang insinyur sipil dari Kabupaten Lereng",
        ),
        (
            "Rahmat Saputra (lahir 1970) adalah kepala dinas pekerjaan umum yang menutup jembatan.",
            "Rahmat Saputra",
            "kepala dinas pekerjaan umum",
        ),
        (
            "Ir. Rahmat Saputra, atau dikenal dengan panggilan Pak Rahmat, adalah insinyur sipil.",
            "Rahmat Saputra",
            "insinyur sipil",
        ),
        ("Warga bertemu Menteri Luar Negeri Lena Håkansson di desa itu.", "Lena Håkansson", "Menteri Luar Negeri"),
        ("The vote was praised by Brenner, a fisherman.", "Tomas Brenner", "a fisherman"),  # by the surname
    ],
)
def test_the_description_is_the_apposition_copula_or_office(sentence: str, name: str, expected: str) -> None:
    found = description(sentence, name)
    assert found is not None and found.text == expected
    assert sentence[found.start : found.end] == found.text  # a span of the sentence, quoted as it stands


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Ada Lindqvist, Tomas Brenner and Mira Osei met.", "Tomas Brenner"),  # a list of names
        ("Ada Lindqvist met Tomas Brenner, who is a fisherman.", "Ada Lindqvist"),  # another person's clause
        ("Dr. Tomas Brenner spoke first.", "Tomas Brenner"),  # an honorific says nothing of the person
        ("Tomas Brenner is expected to speak.", "Tomas Brenner"),
        ("Lena Håkansson, yang tiba kemarin, berbicara.", "Lena Håkansson"),  # a relative clause, not a role
        ("Nobody named here.", "Tomas Brenner"),
    ],
)
def test_no_description_no_span(sentence: str, name: str) -> None:
    assert description(sentence, name) is None
