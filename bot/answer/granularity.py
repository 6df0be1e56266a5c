"""How precise a date a "when" question asks for, and whether a stated date is that precise.

"On which exact day in March did Russia cast the veto?" is not answered by "Pada bulan Maret, veto Rusia
...": the question asks for a day, the sentence gives a month. Answering with the month would be a
confident wrong answer; the sources do not say the day. A question that names no precision ("when did
...?") takes any date. Month and weekday names come from the language packs (bot/lang), both languages.
"""

from __future__ import annotations

import re
from functools import cache

from bot.evidence.slots import Slot
from bot.lang import months, weekdays
from bot.text.lang import without_particles

# the finest precision a question names wins: "which day in March" asks for a day
_ASKS = (
    ("day", re.compile(r"\b(day|date|tanggal|hari apa|hari berapa|pada hari)\b")),
    ("month", re.compile(r"\b(month|bulan apa|bulan berapa|pada bulan)\b")),
    ("year", re.compile(r"\b(year|tahun berapa|tahun apa|pada tahun)\b")),
)
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_NUMERIC_DAY = re.compile(r"\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b")  # 13/9, 13-09-2023
_DAY_NUMBER = re.compile(r"\b([1-9]|[12][0-9]|3[01])\b")


@cache
def _calendar() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(months(abbreviations=True)), frozenset(weekdays())


def asked(question: str) -> str | None:
    """ "day", "month" or "year" when the question names the precision it wants; None when it does not.
    "Tahun berapakah ..." is "tahun berapa" (the particle only marks the question)."""
    low = without_particles(question).lower()
    return next((level for level, rx in _ASKS if rx.search(low)), None)


def precise_enough(date: str, level: str) -> bool:
    """Whether a stated date (a slot's text) gives the asked precision: a day needs a day of the month or a
    weekday, a month needs a month, a year needs a year."""
    low = date.lower()
    names, days = _calendar()
    toks = set(re.findall(r"[^\W\d_]+", low))
    has_month = bool(toks & names) or bool(_NUMERIC_DAY.search(low))
    if level == "year":
        return bool(_YEAR.search(low))
    if level == "month":
        return has_month
    return bool(toks & days) or bool(_NUMERIC_DAY.search(low)) or bool(toks & names and _DAY_NUMBER.search(low))


def precise_slots(slots: list[Slot], question: str, qtype: str) -> list[Slot]:
    """The date slots that give the precision a "when" question names (all of them when it names none)."""
    level = asked(question) if qtype == "when" else None
    return [s for s in slots if precise_enough(s.text, level)] if level else slots
