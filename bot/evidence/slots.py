"""Typed slots: the spans of a sentence that could answer a who / when / where / how-many question.

An answer must name the asked-for thing, so a sentence is only evidence for
"when" if it states a time the question does not already give ("in March" does
not answer "which day in March"). Month, weekday and territory names come from
CLDR (Babel) for English and Indonesian, never from a hand list of one story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

from bot.lang import alternation, multipliers, number_words, words
from bot.text.lang import without_particles
from bot.text.tokens import STOP

LANGS = ("en", "id")


@dataclass(frozen=True)
class Slot:
    kind: str  # person | date | number | place | name
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Month and weekday names (wide and abbreviated) in both languages, lower-cased."""
    out: set[str] = set()
    for code in LANGS:
        loc = Locale(code)
        for table in (loc.months, loc.days):
            for width in ("wide", "abbreviated"):
                out |= {str(v).lower().rstrip(".") for v in table["format"][width].values()}
    return frozenset(w for w in out if len(w) >= 3)


@lru_cache(maxsize=1)
def territory_names() -> dict[str, str]:
    """Lower-cased territory name in either language -> its CLDR code ("korea utara" -> "KP")."""
    out: dict[str, str] = {}
    for code in LANGS:
        for key, name in Locale(code).territories.items():
            if not str(key).isdigit():
                out[str(name).lower()] = str(key)
    return out


@lru_cache(maxsize=1)
def territory_words() -> frozenset[str]:
    """Every word of every territory name: 'korea', 'utara', 'states' ... (a name made only of these is a place)."""
    return frozenset(w for name in territory_names() for w in re.findall(r"\w+", name))


_RELATIVE = (
    r"yesterday|today|tomorrow|tonight|last (?:week|month|year|night)|next (?:week|month|year)|"
    r"kemarin|besok|hari ini|malam ini|pekan lalu|minggu lalu|bulan lalu|tahun lalu|pekan depan|tahun depan|"
    r"(?:pagi|siang|sore|malam) hari"
)
_YEAR = r"\b(?:1[5-9]|20)\d{2}(?:an|s)?\b"
_TZ = r"(?:a\.?m\.?|p\.?m\.?|WIB|WITA|WIT|GMT|UTC)"
# Centuries, millennia and years before the era: "abad ke-18", "milenium ke-3 SM", "the 18th century", "500 SM"
_ERA = (
    r"\b(?:abad|milenium|milenia|millennium)\s+(?:ke-?\s?)?(?:\d{1,2}|[IVXLC]+)(?:-?an)?(?:\s+(?:SM|M|Masehi))?\b"
    r"|\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third)\s+(?:century|millennium)(?:\s+(?:BC|BCE|AD|CE))?\b"
    r"|\b\d{1,4}\s?(?:SM|BC|BCE)\b"
)
_CLOCK = rf"\b(?:(?:pukul|jam|at)\s?\d{{1,2}}[.:]\d{{2}}(?!\d)(?:\s?{_TZ})?|\d{{1,2}}[.:]\d{{2}}(?!\d)\s?{_TZ})"
# Number words that make a sentence state an amount: the packs' number words, multipliers and amount words
# ("ratusan", "dozens"). The words below were never slot numbers; they stay out so the evidence features (and the
# model fitted on them, model.json) do not shift. Drop this set when the model is refitted.
_NOT_SLOT = {"zero", "nol", "thirteen", "fifteen", "sixty", "seventy", "eighty", "ninety", "half", "selusin"}
_NUMBER_WORDS = alternation(
    {w for w in number_words() if len(w) > 2} - _NOT_SLOT | set(multipliers()) | set(words("amounts"))
)
_NUMBER = re.compile(rf"\b\d+(?:[.,]\d+)*(?:\s?%|\s?persen|\s?percent)?|\b(?:{_NUMBER_WORDS})\b", re.I)
NAME_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z\u00C0-\u00DE][\w'’-]*)"  # a word, or initials such as F. / U.S.
_PARTICLE = r"(?:bin|binti|van|von|de|da|al|el|ibn|la|le|del|der)"  # inside a name: "Ibn al Khattab"
_NAME_RUN = re.compile(rf"{NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{NAME_WORD}){{0,8}}")
_PLACE_PREP = re.compile(r"(?:\b(?:in|at|from|to|near|into|di|ke|dari|kota|provinsi|kabupaten|desa)\s+)$", re.I)
_ORG_WORDS = re.compile(
    r"\b(?:University|Universitas|Institute|Institut|Ministry|Kementerian|Council|Dewan|Party|Partai|Company|"
    r"Corporation|Inc|Corp|Ltd|Bank|Agency|Badan|Komisi|Commission|Committee|Komite|Association|Asosiasi|"
    r"Organization|Organisation|Organisasi|Department|Departemen|Office|Kantor|Court|Pengadilan|Mahkamah|"
    r"Army|Navy|Tentara|Polisi|Police|Group|Grup|Foundation|Yayasan|News|Times|Post|Agency|Kantor Berita)\b"
)


@lru_cache(maxsize=1)
def _date_rx() -> re.Pattern[str]:
    cal = "|".join(sorted((re.escape(w) for w in calendar_words()), key=len, reverse=True))
    day_month = (
        rf"\b\d{{1,2}}\s+(?:{cal})\.?(?:\s+\d{{4}})?|\b(?:{cal})\.?\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    )
    return re.compile(
        rf"{day_month}|\b(?:{cal})\b\.?(?:\s+\d{{4}})?|{_ERA}|{_YEAR}|{_CLOCK}|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b(?:{_RELATIVE})\b",
        re.I,
    )


@lru_cache(maxsize=20_000)
def _dates(text: str) -> tuple[Slot, ...]:
    out = []
    for m in _date_rx().finditer(text):
        span = m.group(0).rstrip()
        span = span.rstrip(".") if len(span.rsplit(" ", 1)[-1]) > 5 else span  # "Selasa." ends a sentence; "Jan." not
        lead = len(span) - len(span.lstrip())
        if span.strip():
            out.append(Slot("date", m.start() + lead, m.start() + len(span), span.strip()))
    return tuple(out)


def dates(text: str) -> list[Slot]:
    """Dates, months, weekdays, years, clock times and relative days ("kemarin", "last week")."""
    return list(_dates(text))


def numbers(text: str) -> list[Slot]:
    taken = [(s.start, s.end) for s in dates(text)]
    return [
        Slot("number", m.start(), m.end(), m.group(0))
        for m in _NUMBER.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in taken)
    ]


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Offices and honorifics that precede a name (data file titles.txt beside this module)."""
    from pathlib import Path

    lines = (Path(__file__).parent / "titles.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def names(text: str, function_words: frozenset[str] = frozenset()) -> list[Slot]:
    """Runs of capitalised words, typed as place, org or person.

    Leading function words, titles ("Menteri Luar Negeri", "Rep.") and, before a person's name, country
    words ("Presiden Rusia X") are not part of the name.
    """
    out: list[Slot] = []
    if _headline_case(text):
        return out  # "Presiden Sambut Menteri di Jakarta": every word is capitalised, so no run is a name
    cal = calendar_words()
    skip = function_words | titles()
    taken = [(d.start, d.end) for d in dates(text)]
    for m in _NAME_RUN.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        words = m.group(0).split()
        start = m.start()
        while words and (
            words[0].lower().strip(".,") in skip or words[0].lower() in cal or _country_before_name(words)
        ):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
            words = words[1:]
        if not words:
            continue
        span = " ".join(words).rstrip(",'’")
        if len(span) < 2 or span.lower() in cal or (len(words) == 1 and _opens_sentence(text, start, span)):
            continue
        out.append(Slot(_kind(span, text, start), start, start + len(span), span))
    return out


def _kind(span: str, text: str, start: int) -> str:
    low = span.lower()
    if low in territory_names() or all(w in territory_words() for w in re.findall(r"\w+", low)):
        return "place"
    if _ORG_WORDS.search(span):
        return "org"
    if _PLACE_PREP.search(text[max(0, start - 12) : start]):
        return "place"
    return "person"


def _country_before_name(words: list[str]) -> bool:
    """The run opens with a place name ("Korea Utara", "Rusia") that a non-place word follows."""
    k = 0
    while k < len(words) and words[k].lower() in territory_words():
        k += 1
    return 0 < k < len(words)


def _headline_case(text: str) -> bool:
    """Title Case text (a headline): every word of four letters or more starts with a capital."""
    long_words = re.findall(r"\b[^\W\d_]{4,}", text)
    return len(long_words) >= 4 and all(w[0].isupper() for w in long_words)


def _opens_sentence(text: str, start: int, word: str) -> bool:
    """A lone capitalised word that opens a sentence is a name only if the text capitalises it elsewhere too."""
    if not re.search(r"(?:^|[.!?:]\s*[\"'“‘(]?|\n)\s*[\"'“‘(]?$", text[max(0, start - 4) : start]):
        return False
    return not re.findall(rf"(?<![.!?]\s)(?<!^)\b{re.escape(word)}\b", text)


_WANTED = {
    "when": ("date",),
    "how_many": ("number",),
    "how_long": ("number", "date"),
    "where": ("place", "org"),
    "who": ("person", "org"),
    "who_said": ("person",),
}


def wanted_kinds(qtype: str) -> tuple[str, ...]:
    """Slot kinds that can answer a question type; empty when any sentence may (what, why, yes/no)."""
    return _WANTED.get(qtype, ())


def answer_slots(text: str, qtype: str, question: str, function_words: frozenset[str] = frozenset()) -> list[Slot]:
    """Slots of the asked-for kind that say something the question does not already say."""
    kinds = wanted_kinds(qtype)
    if not kinds:
        return []
    found: list[Slot] = []
    if "date" in kinds:
        found += dates(text)
    if "number" in kinds:
        found += numbers(text)
    if {"person", "place", "org"} & set(kinds):
        found += [s for s in names(text, function_words) if s.kind in kinds]
    q_low = question.lower()
    # "Universitas Ewha" answers "di universitas mana": the noun the question asks by is no echo of it
    q_words = set(re.findall(r"\w+", q_low)) - {asked_noun(question)}
    found = [_after_echo(s, q_words, text) if s.kind in ("person", "place", "org") else s for s in found]
    return [s for s in found if s.kind in kinds and s.text.lower() not in q_low and not _echoes(s, q_words)]


@lru_cache(maxsize=1024)
def asked_noun(question: str) -> str | None:
    """The noun a question names its answer by ("di universitas mana" -> universitas, "which city" -> city):
    a name holding it is the asked-for thing ("Universitas Ewha"), not the question said again."""
    low = without_particles(question.lower())
    for rx in (
        r"\bnama\s+([^\W\d_]{3,})\b",  # "apa nama partai X", "siapa nama presiden X"
        r"\bname of (?:the |a |an )?([^\W\d_]{3,})\b",
        r"\b([^\W\d_]{3,})\s+(?:mana|apa)\b",
        r"\b(?:which|what)\s+([^\W\d_]{3,})\b",
    ):
        m = re.search(rx, low)
        if m and m.group(1) not in STOP:
            return m.group(1)
    return None


def noun_slots(text: str, question: str, function_words: frozenset[str] = frozenset()) -> list[Slot]:
    """Names holding the noun a "what X" question asks by, beyond what the question says: "Apa nama partai
    Hosni Mubarak?" -> "Partai Nasional Demokrasi" (the span an answer names; no kind is required of it)."""
    noun = asked_noun(question)
    if not noun:
        return []
    q_words = set(re.findall(r"\w+", question.lower())) - {noun}
    out = []
    for slot in names(text, function_words):
        words = set(re.findall(r"\w+", slot.text.lower()))
        if noun in words and not words - {noun} <= q_words:
            out.append(slot)
    return out


def _after_echo(slot: Slot, q_words: set[str], text: str) -> Slot:
    """A name run that opens with words the question says keeps only what follows them: "Siapa Dirjen Geologi
    ... Departemen ESDM?" is answered by "Simon Sembiring" out of "... Departemen ESDM Simon Sembiring"."""
    words = slot.text.split()
    k = 0
    while k < len(words) and words[k].lower().strip(".,'’") in q_words:
        k += 1
    if k == 0 or k == len(words):
        return slot
    rest = " ".join(words[k:])
    start = slot.start + slot.text.index(words[k], len(" ".join(words[:k])))
    return Slot(_kind(rest, text, start), start, start + len(rest), rest)


def _echoes(slot: Slot, q_words: set[str]) -> bool:
    """The slot restates the question: all its words, or (for a name) any of its longer words are asked
    about already ("Joko Widodo" does not answer "Who met Widodo?")."""
    words = set(re.findall(r"\w+", slot.text.lower()))
    if words <= q_words:
        return True
    return slot.kind in ("person", "org", "place") and any(len(w) >= 3 and w in q_words for w in words)
