"""An English acronym's Indonesian counterparts, read off the bilingual phrase lexicon: "UN" -> "PBB".

Organisations are abbreviated from their name in each language: "United
Nations" is "UN" in English and "Perserikatan Bangsa-Bangsa", "PBB", in
Indonesian; "European Union" / "Uni Eropa" gives "EU" / "UE". The lexicon's
multi-word entries already pair the full names, so their initials pair the
acronyms, with no list of organisations written here. A candidate only counts
where the other text writes it in capitals, as an acronym.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from bot.text.tokens import phrases

MAX_LETTERS = 6


def initials(phrase: str) -> str | None:
    """The initials of a phrase of two or more alphabetic words ("bangsa-bangsa" is two), else None."""
    parts = [p for p in re.split(r"[\s-]+", phrase) if p]
    if len(parts) < 2 or not all(p.isalpha() for p in parts):
        return None
    return "".join(p[0] for p in parts).upper()


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for en, forms in phrases().items():
        src = initials(en)
        if not src or len(src) > MAX_LETTERS:
            continue
        for form in forms.split("|"):
            dst = initials(form)
            if dst and dst != src:
                out[src].add(dst)
    return {k: frozenset(v) for k, v in out.items()}


def acronym_in(word: str, text: str) -> bool:
    """Is the acronym `word` ("UN") said in `text` as one of its Indonesian counterparts ("PBB")? False for a
    word that is not in capitals."""
    if not (2 <= len(word) <= MAX_LETTERS and word.isupper() and word.isalpha()):
        return False
    return any(re.search(rf"\b{dst}\b", text) for dst in _table().get(word, ()))
