"""Sentence splitting on made-up English and Indonesian news: abbreviations, titles, initials and numbers
never end a sentence, offsets always map back to the text."""

from __future__ import annotations

import pytest

from bot.text.names import word_lists
from bot.text.sentences import split_sentences


def sents(text: str) -> list[str]:
    spans = split_sentences(text)
    assert all(a < b <= c < d for (a, b), (c, d) in zip(spans, spans[1:], strict=False))  # ordered, disjoint
    return [text[s:e] for s, e in spans]


def test_a_title_does_not_end_the_sentence_but_the_real_stop_does() -> None:
    assert sents("Rep. Jim Jordan said. Then he left.") == ["Rep. Jim Jordan said.", "Then he left."]


@pytest.mark.parametrize(
    "title",
    ["Rep.", "Sen.", "Gov.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.", "Rev."],
)
def test_english_titles(title: str) -> None:
    text = f"The hearing opened late. {title} Dana Whitfield spoke first. Nobody objected."
    assert sents(text) == ["The hearing opened late.", f"{title} Dana Whitfield spoke first.", "Nobody objected."]


@pytest.mark.parametrize("title", ["H.", "Hj.", "Ir.", "Drs.", "dr.", "Prof.", "KH."])
def test_indonesian_titles(title: str) -> None:
    text = f"Rapat dimulai pukul 09.00. {title} Slamet Riyadi membuka acara. Warga hadir."
    assert sents(text)[1] == f"{title} Slamet Riyadi membuka acara."


def test_every_listed_title_keeps_its_name() -> None:
    for title in word_lists("abbreviations.txt")["title"]:
        text = f"Ini awal. Lalu {title}. Wiryo datang. Selesai."
        assert f"Lalu {title}. Wiryo datang." in sents(text), title


def test_degrees_after_a_name() -> None:
    text = "Kuasa hukum H. Ahmad Sudrajat, S.H., M.Si. mengatakan gugatan itu ditolak. Sidang ditunda."
    assert sents(text) == [
        "Kuasa hukum H. Ahmad Sudrajat, S.H., M.Si. mengatakan gugatan itu ditolak.",
        "Sidang ditunda.",
    ]


def test_initials_and_suffixes() -> None:
    text = "John F. Kennedy Jr. flew to Boston. Martha J. Ruiz met him at St. Mary's church."
    assert sents(text) == ["John F. Kennedy Jr. flew to Boston.", "Martha J. Ruiz met him at St. Mary's church."]


def test_dotted_acronyms_inside_and_at_the_end() -> None:
    text = "The U.S. Senate and the U.N. Security Council met. Aid went to the U.S. The vote was close."
    assert sents(text) == [
        "The U.S. Senate and the U.N. Security Council met.",
        "Aid went to the U.S.",
        "The vote was close.",
    ]


def test_companies_close_a_sentence_only_before_an_opener() -> None:
    text = (
        "Shares of Brightwater Inc. Chief Executive Dana Hill sold fell. She works at Corvex Corp. The firm declined."
    )
    assert sents(text) == [
        "Shares of Brightwater Inc. Chief Executive Dana Hill sold fell.",
        "She works at Corvex Corp.",
        "The firm declined.",
    ]


def test_dates_numbers_and_versus() -> None:
    text = "The match on Jan. 5 ended Harlow vs. Denby 3.5 to 2. It was played at No. 10 Ferry Rd. Nobody won."
    assert sents(text) == [
        "The match on Jan. 5 ended Harlow vs. Denby 3.5 to 2.",
        "It was played at No. 10 Ferry Rd.",
        "Nobody won.",
    ]
    assert sents("Inflasi naik 2,5 persen pada Feb. 2024. Harga beras Rp 12.500.") == [
        "Inflasi naik 2,5 persen pada Feb. 2024.",
        "Harga beras Rp 12.500.",
    ]


def test_a_quoted_question_keeps_its_reporting_clause() -> None:
    text = '"Why was that money sitting in the bank?" Mr. Clyburn said. The clerk had no answer.'
    assert sents(text) == ['"Why was that money sitting in the bank?" Mr. Clyburn said.', "The clerk had no answer."]
    text = "“Kenapa anggarannya terlambat?” Wiryo Santoso bertanya. Tidak ada jawaban."
    assert sents(text)[0] == "“Kenapa anggarannya terlambat?” Wiryo Santoso bertanya."


def test_a_quote_followed_by_a_full_statement_is_its_own_sentence() -> None:
    text = '"We will not back down." Governor Ellis said the budget would pass within two weeks of the session.'
    assert len(sents(text)) == 2


def test_paragraph_breaks_always_end_a_sentence() -> None:
    assert sents("Aid went to the U.S.\n\nBiden said no.\n\nTitle without a stop") == [
        "Aid went to the U.S.",
        "Biden said no.",
        "Title without a stop",
    ]


def test_offsets_inside_a_window() -> None:
    text = "Intro here. Dr. Ana Diaz spoke. Prof. Lee answered. End."
    start = text.index("Dr.")
    spans = split_sentences(text, start, text.index(" End"))
    assert [text[s:e] for s, e in spans] == ["Dr. Ana Diaz spoke.", "Prof. Lee answered."]
