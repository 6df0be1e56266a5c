"""The language packs load, agree with each other, and are the only home of the tables they hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.claims.normalize import number_value
from bot.ingest.dates import find_date
from bot.lang import LANGS, alternation, months, multipliers, number_words, pack, weekdays, words

BOT = Path(__file__).resolve().parents[2] / "bot"
PACKS = BOT / "lang" / "packs"


@pytest.mark.parametrize("lang", LANGS)
def test_each_pack_loads_with_twelve_months_and_seven_days(lang: str) -> None:
    assert set(pack(lang)) >= {"months", "month_abbreviations", "weekdays", "numbers", "multipliers", "words"}
    assert sorted(months(lang, spellings=False).values()) == list(range(1, 13))
    assert set(months(lang, abbreviations=True).values()) == set(range(1, 13))
    assert sorted(weekdays(lang).values()) == list(range(1, 8))
    assert words("question", lang) and all(w == w.lower() for w in words("question", lang))


def test_merged_tables_never_disagree_between_languages() -> None:
    """A word in both packs ("april", "sep") must mean the same thing in both, or merging would hide one."""
    for table in ("months", "month_spellings", "month_abbreviations", "weekdays", "numbers", "multipliers"):
        en, idn = pack("en").get(table, {}), pack("id").get(table, {})
        assert {w: en[w] for w in en.keys() & idn.keys()} == {w: idn[w] for w in en.keys() & idn.keys()}, table


def test_lookups_are_copies_and_unknown_names_fail() -> None:
    months()["xx"] = 99
    assert "xx" not in months()
    with pytest.raises(KeyError):
        words("no such list")
    with pytest.raises(ValueError):
        pack("fr")


@pytest.mark.parametrize(
    ("text", "value"),
    [("tujuh", 7), ("seven", 7), ("dua puluh lima", 25), ("tiga belas", 13), ("dua ratus ribu", 200_000),
     ("two hundred", 200), ("3 juta", 3_000_000), ("setengah", 0.5)],
)  # fmt: skip
def test_number_words_round_trip_through_the_quantity_parser(text: str, value: float) -> None:
    assert number_value(text) == value


def test_every_number_word_and_month_is_read_back() -> None:
    for word, value in number_words().items():
        if len(word) > 2:  # "a", "an", "se" only count next to a unit
            assert number_value(word) == value, word
    for word, factor in multipliers().items():
        if word != "belas":  # "belas" adds ten rather than multiplying
            assert number_value(f"2 {word}") == number_value(f"dua {word}") == 2 * factor, word
    for word, month in months(abbreviations=True).items():
        assert find_date(f"5 {word.title()} 2021") == f"2021-{month:02d}-05", word


def test_alternation_tries_longer_words_first() -> None:
    rx = re.compile(rf"\b({alternation(['sep', 'sept', 'september'])})")
    assert [m.group(1) for m in rx.finditer("sep sept september")] == ["sep", "sept", "september"]
    assert alternation(["a.b"]) == re.escape("a.b")


# A translation dictionary, not a month table: its month and weekday pairs (january -> januari) are also given
# by CLDR in bot/text/cldr.py; only bot/dev/train_evidence.py's pseudo-translation reads them alone.
NOT_A_TABLE = {BOT / "text" / "lexicon.json"}


def test_no_module_outside_the_packs_keeps_its_own_month_or_number_table() -> None:
    """Month names and Indonesian number words live in bot/lang/packs only; code and word lists build on them."""
    table_words = re.compile(
        r"\b(januari|februari|agustus|desember|pebruari|nopember|sembilan|delapan|sepuluh)\b", re.I
    )
    sources = [p for p in sorted(BOT.rglob("*")) if p.suffix in {".py", ".txt", ".toml", ".json", ".yaml"}]
    offenders = [
        f"{path.relative_to(BOT.parent)}:{n}"
        for path in sources
        if PACKS not in path.parents and path not in NOT_A_TABLE
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if table_words.search(line)
    ]
    assert offenders == []
    assert table_words.search((PACKS / "id.toml").read_text(encoding="utf-8"))  # the scan would see them
