"""Is a name anywhere in the corpus? Spellings, one-letter variants and CLDR translations all count.

A question about someone or somewhere the articles never mention cannot be
answered, and refusing it outright is what keeps a near-miss from becoming a
confident wrong answer. But "Russia" must find "Rusia" and "Jakarta" must
find "Jakarta's": the check knows English and Indonesian territory names
from CLDR and allows one edit in long words, nothing about any one story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.text.cldr import territory_forms, territory_names

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MIN_FUZZY = 5  # words at least this long may differ by one letter ("Rusia" / "Russia")


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


class CorpusVocab:
    """The corpus's lower-cased word set with a one-deletion index, built once per store snapshot."""

    def __init__(self, text: str) -> None:
        self.words = frozenset(_WORD.findall(text.lower()))
        # A deletion keyed by its position: two words one substitution apart share a deletion at the same
        # position ("rusia"/"rusla"); sharing one at different positions is two edits ("paris"/"parti").
        self._shorter: set[tuple[str, int]] = set()
        for w in self.words:
            if len(w) >= MIN_FUZZY:
                self._shorter |= {(d, i) for i, d in enumerate(_deletes(w)) if i}  # first letters agree
        self._shorter_words = {d for d, _ in self._shorter}

    def has_word(self, word: str) -> bool:
        w = word.lower()
        if w in self.words:
            return True
        if len(w) >= MIN_FUZZY and self._one_edit(w):
            return True
        if any(self.has_phrase(t) for t in territory_names().get(w, ()) if t != w):
            return True
        # a people's name points at its country: Russian -> Russia, Japanese -> Japan, Chinese -> China
        stems = {w[:-1], w[:-2], w[:-3], w[:-3] + "a"} if w.endswith(("n", "ese", "ish", "i")) else set()
        return any(len(x) >= 4 and x in territory_forms() for x in stems) and any(
            t in self.words for x in stems for t in territory_forms().get(x, ())
        )

    def _one_edit(self, w: str) -> bool:
        """One letter dropped ("Russia" for "Rusia"), added, or changed after the first: Levenshtein distance one."""
        if w in self._shorter_words:  # the corpus word has one more letter
            return True
        deletes = _deletes(w)[1:]  # a typo keeps the first letter: "Paris" is not "garis"
        return any(d in self.words for d in deletes) or any((d, i) in self._shorter for i, d in enumerate(deletes, 1))

    def has_name(self, name: str) -> bool:
        """A multi-word name is present when any of its longer words is ("Kim Jong Un" is matched by "Kim")."""
        from bot.evidence.slots import titles

        whole = " ".join(_WORD.findall(name.lower()))
        if any(self.has_phrase(t) for t in territory_names().get(whole, ())):
            return True  # "United States" is met by "Amerika Serikat"
        parts = [p for p in _WORD.findall(name) if len(p) > 1 and p.lower() not in titles()] or _WORD.findall(name)
        return any(self.has_word(p) for p in parts)

    def has_phrase(self, phrase: str) -> bool:
        """Every word of a (CLDR) name is in the corpus."""
        return all(w in self.words for w in phrase.split())


@lru_cache(maxsize=4)
def vocab_for(text: str) -> CorpusVocab:
    return CorpusVocab(text)
