"""The checkable parts of a claim or a sentence: numbers with units, years, months, places, negation, speaker.

Indonesian and English are normalised onto one vocabulary ("dua jam" and
"two hours" are both (2, "hour")) so an English claim can be checked against
an Indonesian article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.ingest.dates import MONTHS

_NUMBER_WORDS = {
    "satu": 1,
    "one": 1,
    "dua": 2,
    "two": 2,
    "tiga": 3,
    "three": 3,
    "empat": 4,
    "four": 4,
    "lima": 5,
    "five": 5,
    "enam": 6,
    "six": 6,
    "tujuh": 7,
    "seven": 7,
    "delapan": 8,
    "eight": 8,
    "sembilan": 9,
    "nine": 9,
    "sepuluh": 10,
    "ten": 10,
    "sebelas": 11,
    "eleven": 11,
    "dua belas": 12,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "seventy": 70,
    "hundred": 100,
    "seratus": 100,
}
_UNITS = {
    "jam": "hour",
    "hour": "hour",
    "hours": "hour",
    "menit": "minute",
    "minute": "minute",
    "minutes": "minute",
    "detik": "second",
    "second": "second",
    "seconds": "second",
    "hari": "day",
    "day": "day",
    "days": "day",
    "tahun": "year",
    "year": "year",
    "years": "year",
    "bulan": "month",
    "month": "month",
    "months": "month",
    "kuda": "horse",
    "horse": "horse",
    "horses": "horse",
    "pekerja": "worker",
    "workers": "worker",
    "orang": "person",
    "people": "person",
    "artikel": "article",
    "articles": "article",
    "persen": "percent",
    "percent": "percent",
    "%": "percent",
}
_NUM_RE = re.compile(
    r"(?<![\w.])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?|"
    + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True))
    + r")(?:(?:\s+(?:[A-Z][a-z]+|ras|abu-abu|grey|gray)){0,2}\s*("  # "10,000 North Korean workers", "30 kuda ras"
    + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
    + r"))?\b",
    re.I,
)
_RANGE = re.compile(r"(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:hingga|sampai|to|-|–)\s*$", re.I)
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_NEGATION = re.compile(
    r"\b(tidak|tak(?! lama)|bukan|belum|never|not|no|didn't|did not|doesn't|does not|isn't|wasn't|won't|"
    r"hasn't|haven't|tanpa|menolak|refused|denied|membantah|gagal|failed|fail)\b",
    re.I,
)
PLACES = {
    "pyongyang": "pyongyang",
    "vladivostok": "vladivostok",
    "moskow": "moscow",
    "moskwa": "moscow",
    "moscow": "moscow",
    "hanoi": "hanoi",
    "singapura": "singapore",
    "singapore": "singapore",
    "seoul": "seoul",
    "vostochny": "vostochny",
    "vostochy": "vostochny",
    "washington": "washington",
    "beijing": "beijing",
    "tokyo": "tokyo",
    "vietnam": "vietnam",
    "kyiv": "kyiv",
    "jakarta": "jakarta",
    "polandia": "poland",
    "poland": "poland",
    "ukraina": "ukraine",
    "ukraine": "ukraine",
    "kremlin": "moscow",
    "florida": "florida",
}


@dataclass
class Elements:
    quantities: list[tuple[float, str]] = field(default_factory=list)  # (value, unit) with a unit only
    years: set[int] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    negated: bool = False


def _value(token: str) -> float:
    low = token.lower()
    if low in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[low])
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", token):
        return float(re.sub(r"[.,]", "", token))
    return float(token.replace(",", "."))


def extract(text: str) -> Elements:
    el = Elements()
    for m in _NUM_RE.finditer(text):
        if m.group(2) and not _YEAR_RE.fullmatch(m.group(1)):
            unit = _UNITS[m.group(2).lower()]
            el.quantities.append((_value(m.group(1)), unit))
            low_end = _RANGE.search(text[: m.start()])  # "20.000 hingga 50.000 pekerja": both ends are workers
            if low_end:
                el.quantities.append((_value(low_end.group(1)), unit))
    el.years = {int(y) for y in _YEAR_RE.findall(text)}
    low = text.lower()
    el.months = {n for name, n in MONTHS.items() if len(name) > 3 and re.search(rf"\b{name}\b", low)}
    el.places = {canon for word, canon in PLACES.items() if re.search(rf"\b{word}\b", low)}
    el.negated = bool(_NEGATION.search(text))
    return el
