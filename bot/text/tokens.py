"""Tokenising and stemming for lexical search and term coverage, in Indonesian and English.

Sastrawi is slow per call, so stems are cached; English words pass through a
light suffix rule and the EN->ID lexicon so both languages meet on one vocabulary.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from bot.text.cldr import territory_forms

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)

STOP = frozenset(
    w
    for line in (Path(__file__).parent / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
    for w in line.split()
)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[str]]:
    data = json.loads((Path(__file__).parent / "lexicon.json").read_text(encoding="utf-8"))
    return {k.strip(): v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def phrases() -> dict[str, str]:
    data = json.loads((Path(__file__).parent / "lexicon.json").read_text(encoding="utf-8"))
    return dict(data.get("_phrases", {}))


def phrase_translations(text: str) -> list[list[str]]:
    """Indonesian forms of the English phrases in `text`, alternatives grouped: [["AS", "Amerika Serikat"]]."""
    low = text.lower()
    return [id_form.split("|") for en, id_form in phrases().items() if en in low]


def translate_phrases(text: str) -> str:
    """Append the Indonesian form of known English phrases ("Security Council" -> "Dewan Keamanan")."""
    extra = [form for alts in phrase_translations(text) for form in alts]
    return f"{text} {' '.join(extra)}" if extra else text


_KNOWN: dict[str, str] = {}  # stems computed at ingest, persisted with the lexical index (see use_stems)


def use_stems(known: dict[str, str]) -> None:
    """Stems of the corpus's words, computed once at ingest: a question then pays a lookup, not Sastrawi
    (about 0.3 ms a word), for every article word it touches."""
    global _KNOWN
    _KNOWN = known


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    w = word.lower()
    if w.isdigit() or len(w) <= 3:
        return w
    known = _KNOWN.get(w)
    if known is not None:
        return known
    s = str(_stemmer().stem(w))
    return s or w


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def figures(text: str) -> set[str]:
    """The digit strings of every number in the text, separators dropped: "20.000" and "20,000" are "20000"."""
    return {re.sub(r"[.,]", "", n) for n in re.findall(r"\d+(?:[.,]\d+)*", text)}


def content_terms(text: str) -> list[str]:
    """Stemmed content words, stopwords removed, order kept (duplicates kept for BM25)."""
    out = (stem(w) for w in words(text) if w.lower() not in STOP and len(w) > 1)
    return [s for s in out if s not in STOP]  # "dikatakan" stems to "kata", a stopword too


def english_forms(word: str) -> list[str]:
    """The word and its likely bases: accompanied -> accompany, talks -> talk, meeting -> meet."""
    forms = [word]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("'s", ""),
        ("’s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + repl)
    return forms


def expand_terms(terms: list[str]) -> list[set[str]]:
    """Each term with its Indonesian equivalents: a term counts as matched if any variant matches."""
    lex = lexicon()
    out = []
    for t in terms:
        variants = {t}
        for form in [f for part in (t, *t.split("-")) if part for f in english_forms(part)]:
            for v in lex.get(form, []):
                variants.add(stem(v))
            variants |= {stem(v) for v in territory_forms().get(form, ())}  # Russia / Rusia, from CLDR
        out.append(variants)
    return out
