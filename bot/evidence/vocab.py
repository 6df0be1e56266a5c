"""Is a name anywhere in the corpus? Spellings, one-letter variants and CLDR translations all count.

A question about someone or somewhere the articles never mention cannot be
answered, and refusing it outright is what keeps a near-miss from becoming a
confident wrong answer. But "Russia" must find "Rusia" and "Pyongyang" must
find "Pyongyang's": the check knows English and Indonesian territory names
from CLDR and allows one edit in long words, nothing about any one story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MIN_FUZZY = 5  # words at least this long may differ by one letter ("Rusia" / "Russia")


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


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class CorpusVocab:
    """The corpus's lower-cased word set with a one-deletion index, built once per store snapshot."""

    def __init__(self, text: str) -> None:
        self.words = frozenset(_WORD.findall(text.lower()))
        self._near: set[str] = set()
        for w in self.words:
            if len(w) >= MIN_FUZZY:
                self._near.add(w)
                self._near |= _deletes(w)

    def has_word(self, word: str) -> bool:
        w = word.lower()
        if w in self.words:
            return True
        if len(w) >= MIN_FUZZY and (w in self._near or _deletes(w) & self._near):
            return True  # one letter added, dropped or changed
        if any(t in self.words for t in territory_forms().get(w, ()) if t != w):
            return True
        # a people's name points at its country: Russian -> Russia, Japanese -> Japan, Chinese -> China
        stems = {w[:-1], w[:-2], w[:-3], w[:-3] + "a"} if w.endswith(("n", "ese", "ish", "i")) else set()
        return any(len(x) >= 4 and x in territory_forms() for x in stems) and any(
            t in self.words for x in stems for t in territory_forms().get(x, ())
        )

    def has_name(self, name: str) -> bool:
        """A multi-word name is present when any of its longer words is ("Kim Jong Un" is matched by "Kim")."""
        from bot.evidence.slots import titles

        parts = [p for p in _WORD.findall(name) if len(p) > 1 and p.lower() not in titles()] or _WORD.findall(name)
        return any(self.has_word(p) for p in parts)


@lru_cache(maxsize=4)
def vocab_for(text: str) -> CorpusVocab:
    return CorpusVocab(text)
