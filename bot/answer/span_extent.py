"""How much of the sentence a named answer takes: a figure with its unit, a weekday with its date, a place
with the larger place it lies in, a pair of people named together.

Slots (bot/evidence/slots.py) are found for the evidence features, which the model was fitted on, so they stay
as they are; the answer's own words are widened here. "Berapa hektar luas taman itu?" is answered "568.700
hektar", not "568.700"; "26 juta", not "juta"; "Selasa (18/10)", not "Selasa"; "tahun 1800-an", not "1800";
the day a sentence gives before an hour, not the hour alone; "di Danau Kerinci"; "Toulouse, Perancis", not "Perancis";
"Benjamin Bejbaum dan Oliver Poitrey", not the first founder alone. Measured on the dev suites as
the share of answerable questions whose answer states a gold answer outside its quotes (`span` in the suite
report).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.evidence.slots import NAME_WORD, Slot, calendar_words, dates
from bot.lang import multipliers, number_words
from bot.text.tokens import STOP

_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\s*([^\W_][\w/]*)")
_CURRENCY = re.compile(r"(?:\b(?:Rp|US\$|USD|IDR|EUR|GBP)\.?\s?|[$€£¥]\s?)$", re.I)
_DAY_DATE = re.compile(r"\s*\(\s*(\d{1,2}/\d{1,2}(?:/\d{2,4})?)\s*\)")  # "Selasa (18/10)", news style
_RUN = rf"{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,4}}"  # a capitalised run, as slots.names reads one
_IN_PLACE = re.compile(rf"(?:,[ \t]+|[ \t]+di[ \t]+)({_RUN})")  # "Toulouse, Perancis", "Puslit Biologi di Cibinong"
_PLACE_BEFORE = re.compile(rf"({_RUN}),[ \t]+$")  # "Palu, " before "Indonesia"
_LOCATIVE = re.compile(r"\bdi[ \t]+$")  # "di Danau Kerinci": how Indonesian answers "di mana"
_PAIRED = re.compile(rf"(?:[ \t]*/[ \t]*|[ \t]+(?:dan|and|&)[ \t]+)({_RUN})")  # "X dan Y", "X/Y"
_YEAR_WORD = re.compile(r"\b(?:tahun|tanggal|dekade)[ \t]+$", re.I)  # "tahun 2003", "tanggal 11 Oktober 2005"
_CLOCK = re.compile(r"(?:pukul|jam|at)\b|\d{1,2}[.:]\d{2}", re.I)
_AREA = frozenset(["persegi", "kubik", "square", "cubic"])  # a unit's second word: "kilometer persegi"


@lru_cache(maxsize=1)
def _amount_words() -> frozenset[str]:
    return frozenset(w.lower() for w in (*multipliers(), *number_words()))


def _unit(word: str) -> bool:
    """A word that can name what a figure counts: a common word ("hektar", "kasus", "workers"), or a short
    unit holding a digit ("Km2"); never a function word or a name."""
    low = word.lower()
    if low in STOP or low in _amount_words():
        return False
    return word[:1].islower() or (len(word) <= 4 and any(c.isdigit() for c in word))


def widened(sentence: str, slot: Slot) -> Slot:
    """The slot with what belongs to it in the sentence: before a figure its currency and after it its
    multiplier ("juta") and unit; before a lone multiplier its figure; after a weekday the date in brackets."""
    start, end = slot.start, slot.end
    if slot.kind == "date":
        return _date(sentence, start, end)
    if slot.kind in ("place", "org"):
        return _place(sentence, slot)
    if slot.kind == "person":
        if m := _PAIRED.match(sentence, end):
            end = m.end()
        return Slot(slot.kind, start, end, sentence[start:end])
    if slot.kind != "number":
        return slot
    if slot.text.lower() in _amount_words():  # "juta" alone: the figure before it is part of the amount
        before = re.search(rf"({_FIGURE.pattern})\s+$", sentence[:start])
        if before:
            start = before.start(1)
    if cur := _CURRENCY.search(sentence[:start]):
        start = cur.start()
    m = _WORD.match(sentence, end)
    if m and m.group(1).lower() in _amount_words() and not _FIGURE.fullmatch(m.group(1)):
        end = m.end()  # "26 juta"
        m = _WORD.match(sentence, end)
    if m and m.group(1).lower() != "per" and _unit(m.group(1)):
        end = m.end()  # "568.700 hektar", "dua tahun"
        m = _WORD.match(sentence, end)
        if m and m.group(1).lower() in _AREA:
            end = m.end()  # "67.340 kilometer persegi"
            m = _WORD.match(sentence, end)
    if m and m.group(1).lower() == "per" and (unit := _WORD.match(sentence, m.end())) and _unit(unit.group(1)):
        end = unit.end()  # "Rp 3.500 per kilogram"
    return Slot(slot.kind, start, end, sentence[start:end])


def _date(sentence: str, start: int, end: int) -> Slot:
    if sentence[start:end].lower() in calendar_words() and (m := _DAY_DATE.match(sentence, end)):
        end = m.end()  # "Selasa (18/10)"
    if sentence.startswith("-an", end):
        end += 3  # "1800-an"
    if _CLOCK.match(sentence, start):  # the hour of a day the sentence gives just before it
        before = [d for d in dates(sentence) if d.end <= start and not sentence[d.end : start].strip(" ,")]
        if before and not _CLOCK.match(sentence, before[-1].start):
            start = before[-1].start
    if m := _YEAR_WORD.search(sentence[:start]):
        start = m.start()
    return Slot("date", start, end, sentence[start:end])


def _place(sentence: str, slot: Slot) -> Slot:
    start, end = slot.start, slot.end
    for _ in range(2):  # at most two larger places: "Detroit, Michigan, Amerika Serikat" stays a place
        m = _IN_PLACE.match(sentence, end)
        if not m:
            break
        end = m.end()
    if m := _PLACE_BEFORE.search(sentence[:start]):
        start = m.start(1)
    if m := _LOCATIVE.search(sentence[:start]):
        start = m.start()
    return Slot(slot.kind, start, end, sentence[start:end])
