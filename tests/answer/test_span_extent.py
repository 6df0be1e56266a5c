"""A named answer takes what belongs to it in the sentence: a figure's unit, a weekday's date, the larger place,
the second person of a pair; never more than the sentence says, always a verbatim part of it."""

from __future__ import annotations

import pytest

from bot.answer.span_extent import widened
from bot.evidence.slots import dates, names, numbers


@pytest.mark.parametrize(
    ("sentence", "slot", "expected"),
    [
        ("Luas taman nasional itu mencapai 568.700 hektar.", "568.700", "568.700 hektar"),
        ("Jumlah penumpang mencapai 26 juta orang.", "juta", "26 juta orang"),
        ("The barrier will cost 14 million euros.", "14", "14 million euros"),
        ("Harga beras lebih dari Rp 3.500 per kilogram.", "3.500", "Rp 3.500 per kilogram"),
        ("Kota itu seluas 67.340 kilometer persegi.", "67.340", "67.340 kilometer persegi"),
        ("Luas kota itu 76,79 Km2 menurut data.", "76,79", "76,79 Km2"),
        ("Ada 25 pada lomba itu.", "25", "25"),  # a function word is no unit
        ("Masa penyesuaian diperkirakan dua tahun.", "dua", "dua tahun"),
    ],
)
def test_a_figure_keeps_its_currency_multiplier_and_unit(sentence: str, slot: str, expected: str) -> None:
    found = next(s for s in numbers(sentence) if s.text == slot)
    got = widened(sentence, found)
    assert got.text == expected and sentence[got.start : got.end] == got.text


@pytest.mark.parametrize(
    ("sentence", "slot", "expected"),
    [
        ("Gencatan senjata diumumkan Sabtu (3/9) lalu.", "Sabtu", "Sabtu (3/9)"),
        ("Kota itu tumbuh pesat sejak tahun 1800-an.", "1800", "tahun 1800-an"),
        ("Ia meninggal pada 27 Januari 2008 pukul 13.10 WIB.", "pukul 13.10 WIB", "27 Januari 2008 pukul 13.10 WIB"),
        ("The bridge opened on 12 March 2024.", "12 March 2024", "12 March 2024"),
    ],
)
def test_a_date_keeps_what_makes_it_precise(sentence: str, slot: str, expected: str) -> None:
    found = next(s for s in dates(sentence) if s.text == slot)
    assert widened(sentence, found).text == expected


@pytest.mark.parametrize(
    ("sentence", "slot", "expected"),
    [
        ("Kantor pusatnya berada di Toulouse, Perancis.", "Toulouse", "di Toulouse, Perancis"),
        ("Universitas itu terletak di Palu, Indonesia.", "Indonesia", "di Palu, Indonesia"),
        ("Sungai itu bermuara di Danau Kerinci.", "Danau Kerinci", "di Danau Kerinci"),
        ("Perusahaan itu didirikan oleh Ana Lestari dan Budi Santoso.", "Ana Lestari", "Ana Lestari dan Budi Santoso"),
        ("Gelar ganda campuran diraih Nova Widianto/Lilyana Natsir.", "Nova Widianto", "Nova Widianto/Lilyana Natsir"),
    ],
)
def test_a_name_keeps_its_larger_place_or_partner(sentence: str, slot: str, expected: str) -> None:
    found = next(s for s in names(sentence) if s.text == slot)
    got = widened(sentence, found)
    assert got.text == expected and sentence[got.start : got.end] == got.text
