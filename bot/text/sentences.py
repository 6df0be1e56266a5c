"""Sentence spans with offsets, so a quoted sentence always maps back to the stored text.

A full stop after "Rep.", "Dr.", "U.S.", "H." (Haji) or the "F." of "John F. Kennedy" does not end a sentence;
which words are abbreviations is data (abbreviations.txt), read once. An abbreviation that can also close a
sentence ("... Acme Inc. The firm ...") ends one only before a word that usually opens one. A question or
exclamation in quotes keeps its short reporting clause ('"Why?" Mr. Clyburn asked.'), so "who said" sees both.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache

from bot.text.names import TOKEN, UPPER, word_lists

# A sentence may end at . ! ? or … (optionally followed by closing quotes) before whitespace and a capital,
# a digit, an opening quote or a lowercase honorific; paragraph breaks always end one.
# Lowercase honorifics ("dr.", "drg.") open a sentence too.
_LOWER_TITLES = "|".join(sorted(t for t in word_lists("names.txt")["honorific"] if t.islower()))
_END = re.compile(rf"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?(?:[{UPPER}0-9]|(?:{_LOWER_TITLES})\.))|\n\s*\n")
_CLOSERS = "\"'”’)]"
_WORD_BEFORE = re.compile(r"(?<![\w.'’-])([\w.'’-]*\w)\.$")  # the word a full stop ends: "Rep", "U.S", "F"
_DOTTED = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")  # "U.S", "S.H", "M.Si", "Ph.D", "a.m"
_NEXT_WORD = re.compile(r"[\"'“‘(\[]?([\w'’-]+)")


@cache
def _abbreviations() -> dict[str, frozenset[str]]:
    return word_lists("abbreviations.txt")


@cache
def _reporting_tail() -> re.Pattern[str]:
    """A short "Name (also) said ..." right after a closing quote: it belongs to the quote's sentence."""
    lists = word_lists("reporting.txt")
    verbs = "|".join(sorted(lists["before"], key=len, reverse=True))
    adverbs = "|".join(sorted(lists["adverb"], key=len, reverse=True))
    return re.compile(rf"(?:{TOKEN}[ \t]+){{1,5}}(?:(?:{adverbs})[ \t]+)?(?:{verbs})\b[^.!?\n\"“”]{{0,40}}[.!?:]")


def _ends_sentence(text: str, cur: int, m: re.Match[str]) -> bool:
    """Whether the candidate break m really ends the sentence that started at cur."""
    if text[m.start() - 1 : m.start()] not in (".", "!", "?", "…") or re.search(r"\n\s*\n", m.group()):
        return True  # a paragraph break
    closed = text[m.start()] in _CLOSERS  # a quote or bracket closes right after the punctuation
    if closed and _reporting_tail().match(text, m.end()):
        return False  # '"Why was that money sitting in the bank?" Mr. Clyburn said.'
    if closed or text[m.start() - 1] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(cur, m.start() - 24), m.start())
    if not word:
        return True
    w, lists = word.group(1), _abbreviations()
    if w in lists["title"]:
        return False
    if w in lists["ambiguous"] or (len(w) == 1 and w.isupper()) or _DOTTED.fullmatch(w):
        nxt = _NEXT_WORD.match(text, m.end())
        return nxt is not None and nxt.group(1) in lists["opener"]
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of sentences in text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _END.finditer(text, start, end):
        if not _ends_sentence(text, cur, m):
            continue
        seg_end = m.start()
        # keep closing quotes with their sentence
        while seg_end < m.end() and text[seg_end] in _CLOSERS:
            seg_end += 1
        spans.append((cur, seg_end))
        cur = m.end()
    spans.append((cur, end))
    return [t for s, e in spans if (t := _trimmed(text, s, e))]


def _trimmed(text: str, s: int, e: int) -> tuple[int, int] | None:
    """text[s:e] without surrounding whitespace; None when fewer than 3 characters remain."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e - s >= 3 else None


@lru_cache(maxsize=512)
def _document_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(split_sentences(text))


def sentences_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The sentences of text[start:end] cut from the split of the whole text, which is kept for the last few
    hundred texts: answering one question looks back and forth in the same few articles dozens of times
    (speakers, context, windows), and splitting each window anew was a fifth of the time of a question.
    A sentence cut by the window's edge is clipped to it, as split_sentences(text, start, end) would."""
    spans = _document_spans(text)
    if start == 0 and (end is None or end == len(text)):
        return list(spans)
    end = len(text) if end is None else end
    out = []
    first = max(0, bisect_right(spans, (start, len(text) + 1)) - 1)  # the last sentence starting at or before start
    for s, e in spans[first:]:
        if s >= end:
            break
        if t := _trimmed(text, max(s, start), min(e, end)):
            out.append(t)
    return out
