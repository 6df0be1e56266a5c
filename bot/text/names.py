"""A person's name out of the capitalised words news writing puts around it, in English and Indonesian.

A reporting clause hands over a run of capitalised words ("Gubernur Jawa Barat Ridwan Kamil", "Ohio Rep.
Jim Jordan", "Menteri Luar Negeri AS Laura Finch"); only its end is the person. What may stand before a
name is data, not code: titles, office fields, institution, region and direction words and function words
live in names.txt; countries, territories, language/nationality words and weekdays come from CLDR through
Babel. So no story's people, places or outlets are written here, and a new corpus needs no edit.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import cache
from pathlib import Path

_DIR = Path(__file__).parent
# Capital letters of the Latin scripts news in these languages uses (Python's re has no \p{Lu}).
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# One capitalised word of a name: "Jim", "O'Brien", "Jean-Paul", "Rep.", "F.", "al-Sudani".
TOKEN = rf"(?:(?:al|el|bin|ibn)-)?[{UPPER}][\w'’.-]*"
_PUNCT = ",;:()[]\"“”‘’'!?"
_LOCATIVE = re.compile(rf"\b(?:di|ke|in|at|near|outside|inside)\s+({TOKEN})")
_PARTY = re.compile(r"[A-Z]-[\w.]+")
_ACRONYM = re.compile(rf"[{UPPER}]{{2,6}}")
_LOCALES = ("en", "id", "ms")  # Malay adds spellings Indonesian writers also use


@cache
def word_lists(filename: str) -> dict[str, frozenset[str]]:
    """Sections of one data file under bot/text/: "[name]" headers, entries split by commas or lines."""
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in (_DIR / filename).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif line and current is not None:
            current.update(e.strip() for e in line.split(",") if e.strip())
    return {k: frozenset(v) for k, v in sections.items()}


def _phrases(entries: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Multi-word entries by their first word, longest first, for matching at a token position."""
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for e in entries:
        words = tuple(e.split())
        if words:
            by_first.setdefault(words[0], set()).add(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}


@cache
def _lists() -> dict[str, frozenset[str]]:
    return word_lists("names.txt")


@cache
def _titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    return _phrases(_lists()["title"] | _lists()["jurisdiction"])


@cache
def _honorifics() -> dict[str, tuple[tuple[str, ...], ...]]:
    return _phrases(_lists()["honorific"])


@cache
def _jurisdictions() -> dict[str, tuple[tuple[str, ...], ...]]:
    return _phrases(_lists()["jurisdiction"])


@cache
def _cldr() -> tuple[dict[str, tuple[tuple[str, ...], ...]], frozenset[str], frozenset[str]]:
    """(territory names as phrases, one-word language/nationality names, weekday names) from CLDR."""
    from babel import Locale  # imported here: only name cleaning needs it

    territories: set[str] = set()
    languages: set[str] = set()
    days: set[str] = set()
    for code in _LOCALES:
        loc = Locale(code)
        territories.update(n.replace("-", " ") for n in loc.territories.values())
        territories.update(loc.territories.values())
        languages.update(n for n in loc.languages.values() if " " not in n and n[:1].isupper())
        days.update(loc.days["format"]["wide"].values())
    return _phrases(territories), frozenset(languages), frozenset(days)


def _key(token: str) -> str:
    return token.rstrip(".")


def _match(table: dict[str, tuple[tuple[str, ...], ...]], tokens: list[str], i: int) -> int:
    """How many tokens from position i make one entry of the table (0 when none)."""
    for phrase in table.get(_key(tokens[i]), ()):
        n = len(phrase)
        if tuple(_key(t) for t in tokens[i : i + n]) == phrase:
            return n
    return 0


def is_place(words: str) -> bool:
    """A country or territory name in English, Indonesian or Malay ("Selandia Baru", "United States")."""
    toks = words.split()
    return bool(toks) and _match(_cldr()[0], toks, 0) == len(toks)


def places_in(text: str) -> set[str]:
    """Capitalised words the text puts after "di"/"in"/"at": places, not people, in this article."""
    return {_key(m) for m in _LOCATIVE.findall(text)}


def _abbreviation(word: str) -> bool:
    """An initial ("F"), a dotted acronym ("U.S") or a listed abbreviation ("Rep", "Jr")."""
    abbr = word_lists("abbreviations.txt")
    return len(word) == 1 or "." in word or word in abbr["title"] or word in abbr["ambiguous"]


def _tidy(token: str) -> str:
    """Drop the sentence's full stop from a name's last word, keep it on initials and "Jr."."""
    core = _key(token)
    if len(core) == 1 or "." in core or core in {"Jr", "Sr"}:
        return token
    return core


def _after_title(toks: list[str], titled: bool, places: Collection[str]) -> list[str]:
    """Skip the office's field, organisation, region and country words a title carries before the name."""
    lists = _lists()
    territories, languages, _ = _cldr()
    if titled:  # "Jawa Barat Ridwan Kamil": the place ends at its direction word
        dirs = [j for j, t in enumerate(toks[:-1]) if j and _key(t) in lists["direction"]]
        if dirs:
            toks = toks[dirs[-1] + 1 :]
    i = 0
    while i < len(toks) - 1:
        t = _key(toks[i])
        n = _match(territories, toks, i)
        if _ACRONYM.fullmatch(t) or (titled and t in lists["connector"]):
            i += 1
        elif t in lists["region"] and i + 2 < len(toks):
            i += 2  # "Kabupaten Lereng ..."
        elif n and i + n < len(toks) and (titled or n > 1 or len(toks) - i - n >= 2):  # "Chad Smith" stays
            i += n
        elif titled and t in lists["institution"] and len(toks) - i >= 4:
            i += 2  # "Universitas Andalas Budi Hartono": the institution's own name goes with it
        elif (t in places and len(toks) - i >= 3) or (
            titled and (t in lists["portfolio"] or t in lists["institution"] or t in languages or t in places)
        ):
            i += 1
        else:
            break
    return toks[i:]


def _only_office(toks: list[str]) -> bool:
    """Whether the words are titles and office words only (or nothing at all)."""
    lists = _lists()
    office = lists["portfolio"] | lists["direction"] | lists["region"]
    i = 0
    while i < len(toks):
        n = _match(_titles(), toks, i)
        if not n and _key(toks[i]) not in office:
            return False
        i += max(n, 1)
    return True


def person_name(raw: str, titled: bool = False, places: Collection[str] = ()) -> str | None:
    """The person in a run of capitalised words, titles and offices dropped; None when no one is left.

    titled: the words follow a lowercase role ("kata pengamat politik ..."), so office words may lead.
    places: words this article uses as places (places_in), dropped when they lead a name.
    """
    lists = _lists()
    toks = [t.strip(_PUNCT) for t in raw.split()]
    toks = [t for t in toks if t and not _PARTY.fullmatch(t)]  # "R-Ohio", "D-N.Y.": a party and state
    ends = [j for j, t in enumerate(toks[:-1]) if t.endswith(".") and not _abbreviation(_key(t))]
    if ends:  # "Ohio. Jordan": a full stop that is no abbreviation ended a sentence
        toks = toks[ends[-1] + 1 :]
    while toks and (_key(toks[0]) in lists["function"] or toks[0] in lists["connector"]):
        toks.pop(0)
    cut, jurisdiction, honorific, i = 0, False, False, 0
    while i < len(toks):  # everything up to the last title that still has a name after it goes
        n = _match(_titles(), toks, i)
        if n and i + n < len(toks):
            cut, jurisdiction = i + n, _match(_jurisdictions(), toks, i) == n
            honorific = _match(_honorifics(), toks, i) == n
            i += n
        else:
            i += 1
    titled = titled or cut > 0
    toks = toks[cut:]
    keep = lists["institution"] | lists["portfolio"]
    for j, t in enumerate(toks):  # "Lee of Georgetown University" -> "Lee"; "Bank of ...", "Secretary of" stay
        if t in ("of", "for") and j and _key(toks[j - 1]) not in keep and not _match(_titles(), toks, j - 1):
            toks = toks[:j]
            break
    if titled and not honorific and is_place(" ".join(_key(t) for t in toks)):
        return None  # "Presiden Prancis", "Analis Selandia Baru": an office, nobody named
    toks = _after_title(toks, titled and not honorific, places)  # "Sen. Chad Smith" keeps "Chad"
    trailing = lists["function"] | lists["connector"] | _cldr()[2]  # "kata Budi Senin": a weekday
    while toks and (_key(toks[-1]) in trailing or toks[-1] in trailing):
        toks.pop()
    if jurisdiction and len(toks) >= 3:  # "Gubernur Bali Wayan Koster": the first word is the province
        toks = toks[1:]
    if _only_office(toks):
        return None  # a bare "Presiden", "Analyst" or "Duta Besar": an office, nobody named
    while sum(t not in lists["connector"] for t in toks) > 4:  # a name is at the end of the run
        toks.pop(0)
    return " ".join(_tidy(t) for t in toks)


def has_title(raw: str) -> bool:
    """Whether a title or office stands before a name in raw ("Sen. Chuck Schumer", "Profesor Budi")."""
    toks = [t.strip(_PUNCT) for t in raw.split()]
    return any((n := _match(_titles(), toks, i)) > 0 and i + n < len(toks) for i in range(len(toks)))


def name_start(raw: str) -> int:
    """Characters of raw before its first word that can belong to a name ("Namun Hendra" -> 6)."""
    lists = _lists()
    pos = 0
    for m in re.finditer(r"\S+", raw):
        t = m.group().strip(_PUNCT)
        if _key(t) not in lists["function"] and t not in lists["connector"]:
            return m.start()
        pos = m.end()
    return pos


def looks_like_person(name: str) -> bool:
    """Not an organisation ("Universitas ...", "... Council") and not a country."""
    words = {_key(t) for t in name.split()}
    return not (words & _lists()["institution"]) and not is_place(name)
