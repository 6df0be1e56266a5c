"""English loanwords meet their Indonesian spelling; short words and unrelated words do not."""

from __future__ import annotations

from bot.evidence.align import align, word_in
from bot.text.loanwords import loan_forms


def test_regular_respellings() -> None:
    assert "sanksi" in loan_forms("sanctions")
    assert "militer" in loan_forms("military")
    assert "universitas" in loan_forms("university")
    assert "teknologi" in loan_forms("technology")
    assert "komisi" in loan_forms("commission")
    assert "nasional" in loan_forms("national")
    assert "indonesia" in loan_forms("Indonesian")


def test_short_words_and_unchanged_words_have_no_loan_form() -> None:
    assert loan_forms("veto") == frozenset()  # under five letters
    assert loan_forms("program") == frozenset()  # spelled the same: the word's own forms already match it
    assert loan_forms("2024") == frozenset()


def test_an_english_claim_aligns_with_the_indonesian_spelling() -> None:
    text = "Komisi itu menjatuhkan sanksi ekonomi kepada perusahaan teknologi nasional."
    al = align("The commission imposed economic sanctions on a national technology company.", text)
    assert {"commission", "economic", "sanctions", "national", "technology"} <= set(al.aligned)
    assert word_in("sanctions", "sanksinya berlaku mulai Senin")  # a suffixed form still meets it


def test_loan_forms_only_cross_from_english() -> None:
    """Without translation (an Indonesian question) no word is respelled: its words are already Indonesian."""
    assert word_in("sanctions", "sanksi ekonomi") and not word_in("sanctions", "sanksi ekonomi", translate=False)
    assert not word_in("sanctions", "Santa Cruz sank the ship")  # no respelling reaches these words
