"""Numbers, units and dates in Indonesian and English, normalised so they can be compared.

"dua jam" and "two hours" are both 7200 seconds; "20.000 hingga 50.000 pekerja"
is a range of workers; "13 September 2023" and "September 13, 2023" are the
same day. Comparison is by value, never by string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.lang import alternation, months, multipliers, number_words, weekdays

_SMALL = number_words()  # "dua" -> 2, "half" -> 0.5 (bot/lang/packs)
_MULT = multipliers()  # "ribu" -> 1000; "belas" adds ten
# fmt: off
# unit word -> (dimension, factor to the base unit)
UNITS = {
    "detik": ("duration", 1), "second": ("duration", 1), "seconds": ("duration", 1),
    "menit": ("duration", 60), "minute": ("duration", 60), "minutes": ("duration", 60),
    "jam": ("duration", 3600), "hour": ("duration", 3600), "hours": ("duration", 3600),
    "hari": ("duration", 86400), "day": ("duration", 86400), "days": ("duration", 86400),
    "minggu": ("duration", 604800), "pekan": ("duration", 604800), "week": ("duration", 604800),
    "weeks": ("duration", 604800), "bulan": ("duration", 2629800), "month": ("duration", 2629800),
    "months": ("duration", 2629800), "tahun": ("duration", 31557600), "year": ("duration", 31557600),
    "years": ("duration", 31557600), "dekade": ("duration", 315576000), "decades": ("duration", 315576000),
    "kuda": ("horse", 1), "horse": ("horse", 1), "horses": ("horse", 1),
    "pekerja": ("worker", 1), "buruh": ("worker", 1), "worker": ("worker", 1), "workers": ("worker", 1),
    "labourers": ("worker", 1), "laborers": ("worker", 1),
    "orang": ("person", 1), "people": ("person", 1), "persons": ("person", 1),
    "tentara": ("soldier", 1), "pasukan": ("soldier", 1), "soldiers": ("soldier", 1), "troops": ("soldier", 1),
    "rudal": ("missile", 1), "missiles": ("missile", 1), "peluru": ("shell", 1), "shells": ("shell", 1),
    "negara": ("country", 1), "countries": ("country", 1), "kali": ("times", 1), "times": ("times", 1),
    "persen": ("percent", 1), "percent": ("percent", 1), "%": ("percent", 1),
    "ton": ("ton", 1), "tons": ("ton", 1), "tonnes": ("ton", 1), "dolar": ("usd", 1), "dollars": ("usd", 1),
    "kilometer": ("km", 1), "km": ("km", 1), "kilometres": ("km", 1), "kilometers": ("km", 1),
}
_APPROX = r"sekitar|kira-kira|kurang lebih|hampir|about|around|approximately|roughly|nearly|some"
_MORE = r"lebih dari|lebih daripada|setidaknya|sedikitnya|minimal|more than|over|at least|upwards of"
_LESS = r"kurang dari|maksimal|less than|fewer than|under|at most|up to"
WEEKDAYS = weekdays()
MONTHS = months()  # full names and older spellings; abbreviations ("Jan", "Des") are not read here
# fmt: on
_NUMWORD = alternation(w for w in _SMALL if len(w) > 2)  # "a", "an", "se" only where the pattern says so
_MULTWORD = alternation(_MULT)
_UNITWORD = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_NUM = (
    rf"(?:\d{{1,3}}(?:[.,]\d{{3}})+|\d+(?:[.,]\d+)?|(?:{_NUMWORD}|se)(?:\s*(?:{_MULTWORD}))*(?:\s+(?:{_NUMWORD}))?"
    rf"|\d+\s*(?:{_MULTWORD})|an?(?=\s+(?:hour|minute|day|week|month|year|decade)\b))"
)
_QTY = re.compile(
    rf"(?<![\w.])(?:(?P<q>{_APPROX}|{_MORE}|{_LESS})\s+)?(?P<a>{_NUM})"
    rf"(?:\s*(?:hingga|sampai|to|-|–|and)\s*(?P<b>{_NUM}))?"
    rf"(?:\s+(?:[A-Za-z][\w-]*\s+){{0,3}}?|\s*)(?P<u>{_UNITWORD})(?!\w)",
    re.I,
)
_YEAR = re.compile(r"(?<![\w.,])(1[89]\d\d|20\d\d)(?![\w.,]\d)")
_MONTHWORD = alternation(MONTHS)
_MONTH = re.compile(rf"(?<!\w)({_MONTHWORD})(?!\w)", re.I)
_DAY_MONTH = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+({_MONTHWORD})\b|\b({_MONTHWORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\d)", re.I
)
# "minggu" is also "week": only the other weekday names count on their own
_WEEKDAY = re.compile(rf"(?<!\w)({alternation(w for w in WEEKDAYS if w != 'minggu')})(?!\w)", re.I)


@dataclass(frozen=True)
class Quantity:
    lo: float  # in the dimension's base unit (seconds for durations)
    hi: float
    dim: str
    bound: str  # "eq" | "approx" | "min" | "max"
    surface: str
    start: int
    end: int


@dataclass(frozen=True)
class DatePart:
    kind: str  # "year" | "month" | "day" (day = month * 100 + day) | "weekday"
    value: int
    surface: str
    start: int
    end: int


def number_value(token: str) -> float | None:
    t = token.lower().strip()
    if t in ("a", "an"):
        return 1.0
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", t):
        return float(re.sub(r"[.,]", "", t))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return float(t.replace(",", "."))
    parts = re.findall(rf"\d+(?:[.,]\d+)?|{_NUMWORD}|{_MULTWORD}|se", t)
    if not parts:
        return None
    total, cur = 0.0, 0.0
    for p in parts:
        if p in _MULT:
            if p == "belas":
                cur = (cur or 1) + 10
            else:
                cur = (cur or 1) * _MULT[p]
                if _MULT[p] >= 1000:
                    total, cur = total + cur, 0.0
        else:
            cur += float(p.replace(",", ".")) if p[0].isdigit() else _SMALL.get(p, 1)
    return total + cur


def quantities(text: str) -> list[Quantity]:
    out = []
    for m in _QTY.finditer(text):
        a = number_value(m.group("a"))
        if a is None or (_YEAR.fullmatch(m.group("a")) and not m.group("b")):
            continue
        dim, factor = UNITS[m.group("u").lower()]
        b = number_value(m.group("b")) if m.group("b") else None
        q = (m.group("q") or "").lower()
        bound = "min" if re.fullmatch(_MORE, q) else "max" if re.fullmatch(_LESS, q) else "approx" if q else "eq"
        lo, hi = a * factor, (b if b is not None else a) * factor
        out.append(Quantity(min(lo, hi), max(lo, hi), dim, bound, m.group(0), m.start(), m.end()))
    return out


def consistent(claim: Quantity, ev: Quantity) -> bool | None:
    """True: the evidence states the claim's amount; False: it states another; None: cannot tell."""
    if claim.dim != ev.dim:
        return None
    if claim.bound == "min":
        return ev.lo > claim.lo or (ev.bound == "min" and ev.lo >= claim.lo)
    if claim.bound == "max":
        return ev.hi < claim.hi or (ev.bound == "max" and ev.hi <= claim.hi)
    tol = 0.1 if "approx" in (claim.bound, ev.bound) else 0.001
    if abs(claim.lo - ev.lo) <= tol * ev.lo and abs(claim.hi - ev.hi) <= tol * ev.hi:
        return True
    if ev.lo < ev.hi and ev.lo <= claim.lo <= claim.hi <= ev.hi:
        return None  # inside a stated range: not the same statement, not a contradiction
    return False


def date_parts(text: str) -> list[DatePart]:
    out = [DatePart("year", int(m.group(1)), m.group(0), m.start(), m.end()) for m in _YEAR.finditer(text)]
    for m in _MONTH.finditer(text):
        word = m.group(1)
        if word.lower() in ("may", "mei"):  # "may" is also a verb: only next to a day or a year
            near = text[max(0, m.start() - 4) : m.end() + 6]
            if not re.search(r"\d", near) or (word == "may"):
                continue
        out.append(DatePart("month", MONTHS[word.lower()], word, m.start(), m.end()))
    for m in _DAY_MONTH.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if 1 <= int(day) <= 31:
            out.append(DatePart("day", MONTHS[month.lower()] * 100 + int(day), m.group(0), m.start(), m.end()))
    for m in _WEEKDAY.finditer(text):
        out.append(DatePart("weekday", WEEKDAYS[m.group(1).lower()], m.group(1), m.start(), m.end()))
    return out
