"""Is a name anywhere in the corpus? Spellings, one-letter variants and CLDR translations all count.

A question about someone or somewhere the articles never mention cannot be
answered, and refusing it outright is what keeps a near-miss from becoming a
confident wrong answer. But "Russia" must find "Rusia" and "Jakarta" must
find "Jakarta's": the check knows English and Indonesian territory names
from CLDR and allows one edit in long words, nothing about any one story.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from bot.text.cldr import territory_forms, territory_names

WORD = re.compile(r"[^\W_]+", re.UNICODE)
MIN_FUZZY = 5  # words at least this long may differ by one letter ("Rusia" / "Russia")


def _edits(word: str) -> Iterable[str]:
    """Every string one letter away from `word` after its first letter (dropped, added, changed): a typo
    keeps the first letter, "Paris" is not "garis". Generated per asked word, so the corpus side needs
    nothing but its word set (an index of the corpus's own deletions grew with the archive)."""
    letters = set(string.ascii_lowercase) | set(word)
    for i in range(1, len(word) + 1):
        if i < len(word):
            yield word[:i] + word[i + 1 :]
            for ch in letters:
                yield word[:i] + ch + word[i + 1 :]
        for ch in letters:
            yield word[:i] + ch + word[i:]


class CorpusVocab:
    """The corpus's lower-cased word set (persisted with the lexical index, see bot/retrieval/lexical_index.py)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)

    @classmethod
    def from_text(cls, text: str) -> CorpusVocab:
        return cls(WORD.findall(text.lower()))

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
        return any(e in self.words and (len(e) >= MIN_FUZZY or len(e) < len(w)) for e in _edits(w) if e != w)

    def has_number(self, number: str) -> bool:
        """A figure as the question writes it ("2,5", "1.000") is present when its digit groups are words here."""
        parts = WORD.findall(number.lower())
        return bool(parts) and all(p in self.words for p in parts)

    def has_name(self, name: str) -> bool:
        """A multi-word name is present when any of its longer words is ("Kim Jong Un" is matched by "Kim")."""
        from bot.evidence.slots import titles

        whole = " ".join(WORD.findall(name.lower()))
        if any(self.has_phrase(t) for t in territory_names().get(whole, ())):
            return True  # "United States" is met by "Amerika Serikat"
        parts = [p for p in WORD.findall(name) if len(p) > 1 and p.lower() not in titles()] or WORD.findall(name)
        return any(self.has_word(p) for p in parts)

    def has_phrase(self, phrase: str) -> bool:
        """Every word of a (CLDR) name is in the corpus."""
        return all(w in self.words for w in phrase.split())
