"""Acronyms across languages from the phrase lexicon's initials: UN / PBB, EU / UE."""

from __future__ import annotations

from bot.evidence.align import align
from bot.text.acronyms import acronym_in, initials


def test_initials_of_multi_word_phrases() -> None:
    assert initials("perserikatan bangsa-bangsa") == "PBB"
    assert initials("united nations") == "UN"
    assert initials("sanctions") is None
    assert initials("g7 summit") is None


def test_an_english_acronym_meets_its_indonesian_counterpart_in_capitals() -> None:
    assert acronym_in("UN", "Sidang Umum PBB dibuka hari ini.")
    assert acronym_in("EU", "Menteri dari negara-negara UE bertemu di Brussel.")
    assert not acronym_in("UN", "Pbb itu singkatan.")  # not written as an acronym
    assert not acronym_in("un", "Sidang Umum PBB dibuka hari ini.")  # not an acronym in the claim either
    assert not acronym_in("UN", "Sidang Umum dibuka hari ini.")


def test_alignment_counts_the_acronym() -> None:
    al = align("The UN approved the budget.", "PBB menyetujui anggaran itu.")
    assert "UN" in al.aligned
