"""Territory, language, month and weekday names in English and Indonesian, from CLDR (Babel).

The one cross-lingual name resource: "Germany" meets "Jerman", "March" meets
"Maret", "Tuesday" meets "Selasa", for any corpus, with nothing written by hand.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _language_names(loc: Locale) -> list[tuple[str, str]]:
    """(code, lower-cased name) of the languages whose name is one word both in English and in `loc`."""
    english = Locale("en").languages
    return [
        (str(code), str(name).lower())
        for code, name in loc.languages.items()
        if " " not in str(name) and " " not in str(english.get(code, " "))
    ]


@lru_cache(maxsize=1)
def territory_forms() -> dict[str, frozenset[str]]:
    """Lower-cased word of a territory, language, month or weekday name -> the words of its names in English and
    Indonesian."""
    by_code: dict[str, set[str]] = {}
    for lang in ("en", "id"):
        loc = Locale(lang)
        for code, name in loc.territories.items():
            by_code.setdefault(str(code), set()).add(str(name).lower())
        for code, name in _language_names(loc):  # Japanese / Jepang, Ukrainian / Ukraina
            by_code.setdefault(f"lang-{code}", set()).add(name)
        for kind, table in (("month", loc.months), ("day", loc.days)):  # March / Maret, Tuesday / Selasa
            for width in ("wide", "abbreviated"):
                for key, name in table["format"][width].items():
                    by_code.setdefault(f"{kind}-{key}", set()).add(str(name).lower().rstrip("."))
    out: dict[str, set[str]] = {}
    for variants in by_code.values():
        words = {w for v in variants for w in _WORD.findall(v)}
        for v in variants:
            for w in _WORD.findall(v):
                out.setdefault(w, set()).update(words)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def territory_names() -> dict[str, frozenset[str]]:
    """Lower-cased whole name ("prancis", "amerika serikat") -> the whole names of the same place or month.

    Stricter than territory_forms: a word inside a longer name ("selatan" in "Wilayah Selatan Prancis")
    stands for nothing, so a yes/no decision such as "does the corpus mention France?" cannot be met by
    every article that says "south".
    """
    by_code: dict[str, set[str]] = {}
    for lang in ("en", "id"):
        loc = Locale(lang)
        for code, name in loc.territories.items():
            by_code.setdefault(str(code), set()).add(" ".join(_WORD.findall(str(name).lower())))
        for code, name in _language_names(loc):  # Japanese / Jepang, Ukrainian / Ukraina
            by_code.setdefault(f"lang-{code}", set()).add(name)
        for kind, table in (("month", loc.months), ("day", loc.days)):  # March / Maret, Tuesday / Selasa
            for key, name in table["format"]["wide"].items():
                by_code.setdefault(f"{kind}-{key}", set()).add(str(name).lower())
    out: dict[str, set[str]] = {}
    for names in by_code.values():
        for n in names:
            out.setdefault(n, set()).update(names)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def single_word_places() -> dict[str, frozenset[str]]:
    """A one-word place or month name -> the words of its other names ("russia" -> "rusia"; "jepang" ->
    "japan"). For search queries: territory_forms would also send "north" to every name holding it
    (North Korea, North Macedonia, America), and those words then outscore the question's own."""
    out: dict[str, set[str]] = {}
    for name, same in territory_names().items():
        if " " not in name:
            out.setdefault(name, set()).update(w for other in same for w in _WORD.findall(other))
    return {k: frozenset(v) for k, v in out.items()}
