"""Claims cut out of sentences for training (bot/dev/news_pairs.py): what each rule makes, and what it refuses."""

from __future__ import annotations

import random

from bot.dev.news_pairs import change_figure, main_clause, news_pairs, swap_name, toggle_negation


def test_main_clause_moves_a_leading_time_phrase_behind_the_clause() -> None:
    assert main_clause("In 2019, the club signed two players from Spain, both defenders.") == (
        "The club signed two players from Spain in 2019."
    )
    assert main_clause("Pada Maret 2021, dewan kota menyetujui anggaran baru, kata wali kota.") == (
        "Dewan kota menyetujui anggaran baru pada Maret 2021."
    )


def test_main_clause_refuses_conditions_fragments_and_reporting_clauses() -> None:
    assert main_clause("If the bill passes, the council will raise taxes next year.") is None
    assert main_clause("Jika hujan turun, pertandingan akan ditunda sampai besok.") is None
    assert main_clause("The mayor of the old city said, the bridge will open in May.") is None  # claim after comma
    assert main_clause("A short one, then more words follow here.") is None  # under five words
    assert main_clause("One clause only and nothing to cut from it.") is None
    assert main_clause("Kedalaman kolam minimum 1,35 meter, dimulai dari dinding kolam.") == (
        "Kedalaman kolam minimum 1,35 meter."
    )  # a decimal comma is not a clause boundary


def test_indonesian_negation_toggles_both_ways() -> None:
    assert toggle_negation("Dewan kota tidak menyetujui anggaran.", "id") == "Dewan kota menyetujui anggaran."
    assert toggle_negation("Dewan kota menyetujui anggaran.", "id") == "Dewan kota tidak menyetujui anggaran."
    assert toggle_negation("Budi adalah guru.", "id") == "Budi bukan guru."
    assert toggle_negation("Lagu tersebut populer.", "id") is None  # "tersebut" is no verb


def test_figure_and_name_swaps_change_exactly_one_thing() -> None:
    rng = random.Random(0)
    changed = change_figure("The club signed 12 players.", rng)
    assert changed is not None and changed != "The club signed 12 players." and "12 players" not in changed
    assert change_figure("No figure here.", rng) is None
    swapped = swap_name("The mayor met Lopez on Monday.", "The mayor met Lopez on Monday.", ["Ortiz"], rng)
    assert swapped == "The mayor met Ortiz on Monday."
    assert swap_name("The mayor met Lopez.", "Lopez and Ortiz", ["Ortiz"], rng) is None  # Ortiz is in the evidence


def test_news_pairs_labels_each_kind() -> None:
    premise = (
        "Pada Maret 2021, dewan kota menyetujui anggaran sebesar 12 miliar rupiah, kata Wali Kota Budi Santoso. "
        "Anggaran itu akan dipakai untuk membangun jembatan baru di tepi sungai."
    )
    rows = news_pairs([premise], "id")
    supported = [c for e, c, y in rows if y == 0]
    assert supported == ["Dewan kota menyetujui anggaran sebesar 12 miliar rupiah pada Maret 2021."]
    assert all(e.startswith("Pada Maret 2021") for e, _, y in rows if y in (0, 2))  # refutations: same sentence
    assert [c for _, c, y in rows if y == 2] and all(c not in premise for _, c, y in rows if y == 2)
    assert [e for e, _, y in rows if y == 1] == [
        "Anggaran itu akan dipakai untuk membangun jembatan baru di tepi sungai."
    ]
