"""Territory, month and weekday names in English and Indonesian, from CLDR (Babel).

The one cross-lingual name resource: "Germany" meets "Jerman", "March" meets
"Maret", "Tuesday" meets "Selasa", for any corpus, with nothing written by hand.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=1)
def territory_forms() -> dict[str, frozenset[str]]:
    """Lower-cased word of a territory, month or weekday name -> the words of its names in English and Indonesian."""
    by_code: dict[str, set[str]] = {}
    for lang in ("en", "id"):
        loc = Locale(lang)
        for code, name in loc.territories.items():
            by_code.setdefault(str(code), set()).add(str(name).lower())
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
