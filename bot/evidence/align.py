"""Soft alignment of a question's (or claim's) content words to a sentence.

Exact stems miss word forms ("accelerating" / "accelerated", "didampingi" /
"mendampingi" when the stemmer leaves a prefix) and cross-lingual pairs. A word
counts as aligned when a sentence word shares its stem, its English base form
or a long common prefix; cross-lingual meaning is left to the embedder, which
scores the whole sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from bot.lang import from_english
from bot.text.acronyms import acronym_in
from bot.text.cldr import territory_forms
from bot.text.lang import without_particles
from bot.text.loanwords import loan_forms
from bot.text.tokens import STOP, compounds, english_forms, expand_terms, phrases_in, stem, translates, words

MIN_PREFIX = 5  # shared leading letters that make two long words the same word in another form
LOAN_SLACK = 2  # a respelled loanword meets a longer word of the same prefix ("sanksi" / "sanksinya")


@lru_cache(maxsize=100_000)
def forms(word: str) -> frozenset[str]:
    """Normalised forms of one word: lower-case, stem, English bases."""
    low = word.lower()
    return frozenset({low, stem(low), *english_forms(low)})


def content_words(text: str) -> list[str]:
    """Content words in order, stopwords and one-letter tokens dropped (not stemmed: alignment stems itself)."""
    return [w for w in words(text) if len(w) > 1 and w.lower() not in STOP and stem(w.lower()) not in STOP]


@dataclass
class Alignment:
    aligned: list[str]
    missing: list[str]

    @property
    def coverage(self) -> float:
        total = len(self.aligned) + len(self.missing)
        return len(self.aligned) / total if total else 0.0


Text = str | tuple[str, ...]  # one text, or the pieces of one (a sentence and the sentences before it)


Forms = tuple[frozenset[str], tuple[str, ...]]  # a text's word forms; its long words, sorted


@lru_cache(maxsize=4096)  # ~12 KB a text on average (articles and sentences): at most ~50 MB
def _sentence_forms(text: str) -> Forms:
    """Every normalised form of the text's words, and its long words (see `_long`)."""
    toks = {w.lower() for w in words(text)}
    return frozenset().union(*map(forms, toks)), _long(toks)


@lru_cache(maxsize=1024)
def _written_forms(text: str) -> Forms:
    """The text's words as written (lower-cased), without their stems and English bases: for whole articles,
    which a question looks through for its names only. Normalising every word of an article costs ~0.8 ms, and
    a question meets ~13 articles; the prefix rule of `word_in` still meets a name's inflections there."""
    toks = frozenset(w.lower() for w in words(text))
    return toks, _long(toks)


def _long(toks: set[str] | frozenset[str]) -> tuple[str, ...]:
    """The words of MIN_PREFIX letters or more, sorted: those sharing a prefix sit together (`_lengths_at`).
    Sorting is one C call; grouping by prefix in Python was ~40 us a sentence and ~0.5 ms an article."""
    return tuple(sorted(t for t in toks if len(t) >= MIN_PREFIX))


def _lengths_at(long: tuple[str, ...], prefix: str) -> Iterator[int]:
    """The lengths of the words in `long` that begin with `prefix`, a prefix of MIN_PREFIX letters (a shorter
    word has none: it is too short for the prefix rule)."""
    if len(prefix) < MIN_PREFIX:
        return
    i = bisect_left(long, prefix)
    while i < len(long) and long[i].startswith(prefix):
        yield len(long[i])
        i += 1


@lru_cache(maxsize=50_000)
def _variants(word: str, translate: bool = True) -> frozenset[str]:
    """The word's forms plus its Indonesian equivalents from the shared lexicon (when `translate`). The
    lexicon is looked up by the word as written too, not only by its stem: the Indonesian stemmer reads some
    English words as Indonesian ones ("minister" -> "mister", "cinemas" -> "cemas")."""
    low = word.lower()
    cldr = territory_forms().get(low, frozenset())  # Germany / Jerman, March / Maret
    lex: frozenset[str] = frozenset()
    if translate:
        lex = frozenset(v for group in expand_terms(list(dict.fromkeys([low, stem(low)]))) for v in group)
    return forms(low) | cldr | lex


def word_in(word: str, text: Text, translate: bool = True, normalise: bool = True) -> bool:
    """Is `word` (in any of its forms, or an Indonesian equivalent unless `translate` is off) said in `text`?
    Without `normalise`, the text's own words are taken as written (see `_written_forms`). A text of pieces
    says the word when one piece does: words, acronyms and compounds never span pieces."""
    if isinstance(text, str):
        return _in_piece(word, text, translate, normalise)
    return any(_in_piece(word, piece, translate, normalise) for piece in text)


@lru_cache(maxsize=16_384)
def _in_piece(word: str, text: str, translate: bool, normalise: bool) -> bool:
    """`word_in` for one piece, remembered: a sentence is a candidate of a question and the context of the
    next two, and alignment, context and name checks ask it for the same words (~1/3 of a question's
    lookups were repeats). An article's text is one string object, so its hash is computed once."""
    every, long = (_sentence_forms if normalise else _written_forms)(text)
    if not _variants(word, translate).isdisjoint(every):
        return True
    low = word.lower()
    if translate:  # an English loanword in its Indonesian spelling: "sanctions" / "sanksi", "Australian" / "Australia"
        for loan in loan_forms(low):
            if loan in every or any(0 <= n - len(loan) <= LOAN_SLACK for n in _lengths_at(long, loan[:MIN_PREFIX])):
                return True
        if acronym_in(word, text):  # "UN" / "PBB": organisations are abbreviated in each language
            return True
        if compound_in(low, text):  # "train" / "kereta api"
            return True
    if len(low) < MIN_PREFIX:
        return False
    return any(abs(n - len(low)) <= 4 for n in _lengths_at(long, low[:MIN_PREFIX]))


@lru_cache(maxsize=4096)
def _compound_patterns(word: str) -> re.Pattern[str] | None:
    """The English word's multi-word Indonesian forms (lexicon compounds), and for a preposition or conjunction
    its forms from the Indonesian pack ("after" -> "setelah"; WordNet has no such words), as one pattern."""
    table, closed = compounds(), from_english("id")
    found = [f for form in english_forms(word) for f in table.get(form, ())] + list(closed.get(word, ()))
    if not found:
        return None
    # matched regardless of case, not against a lower-cased copy: the text may be a whole article
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in dict.fromkeys(found)) + r")\b", re.I)


def compound_in(word: str, text: str) -> bool:
    """Is one of the English word's multi-word Indonesian forms in `text`, whole ("kereta api" for "train")?"""
    pattern = _compound_patterns(word.lower())
    return bool(pattern and pattern.search(text))


# The unit a question asks in ("tahun berapa", "what year", "berapa lama", "how long"): the answer gives a
# year or a duration, not the word "year", so a sentence is not short of it.
_ASKED_UNIT = re.compile(
    r"\b(tahun|tanggal|bulan|hari|pukul|jam|abad)\s+(?:berapa|apa)\b|\bberapa\s+(lama)\b"
    r"|\b(?:what|which)\s+(year|date|day|month|time|century|decade)\b|\bhow\s+(long)\b",
    re.I,
)


def asked_units(query: str) -> set[str]:
    """The asked-in units of the query; "tahun berapakah" is "tahun berapa" (the particle marks the question)."""
    return {g.lower() for m in _ASKED_UNIT.finditer(without_particles(query)) for g in m.groups() if g}


@lru_cache(maxsize=1024)
def _query_parts(query: str) -> tuple[bool, tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]:
    """What alignment needs of the query, whatever the text: computed once, not once per candidate sentence."""
    units = asked_units(query)
    content = [w for w in content_words(query) if w.lower() not in units]
    return translates(query), phrases_in(query), tuple(dict.fromkeys(content))


def align(query: str, text: str) -> Alignment:
    """Which of the query's content words the text says (words of a known English phrase also count when the
    phrase's Indonesian form is there: "Security Council" / "Dewan Keamanan")."""
    low_t = text.lower()
    translate, phrases, content = _query_parts(query)
    said_phrases = [en.split() for en, forms_id in phrases if any(f.lower() in low_t for f in forms_id)]
    aligned: list[str] = []
    missing: list[str] = []
    for w in content:
        ok = word_in(w, text, translate) or any(w.lower() in en for en in said_phrases)
        (aligned if ok else missing).append(w)
    return Alignment(aligned, missing)


def weighted_coverage(query: str, text: str, idf: dict[str, float], default: float) -> float:
    """Coverage where rare words count more: "didampingi" decides more than a name repeated everywhere."""
    al = align(query, text)
    weights = {w: idf.get(stem(w.lower()), default) for w in al.aligned + al.missing}
    total = sum(weights.values())
    return sum(weights[w] for w in al.aligned) / total if total else 0.0
