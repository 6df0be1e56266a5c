"""The context shown around a quote on a source card.

A card is read by a person deciding whether the quote was fairly used, so its context must read as
text: it starts and ends on a sentence boundary when whole sentences fit the budget, else on a word
boundary (marked with "…"), never mid-word ("…ka Baru."). It also stays inside the part of the article
the card is about: after the headline (the card shows the title once, on its own line) and clear of
passages flagged at ingest as addressed to an AI system, which are stored but never shown as evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bot.text.sentences import split_sentences

CONTEXT_CHARS = 280  # at most this much text on each side of the quote


class Snippet(NamedTuple):
    start: int
    end: int
    clipped_before: bool  # the window starts mid-sentence (the card shows "…")
    clipped_after: bool


def snippet_bounds(
    text: str,
    start: int,
    end: int,
    budget: int = CONTEXT_CHARS,
    floor: int = 0,
    ceiling: int | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> Snippet:
    """The window around text[start:end]: as many whole sentences as fit `budget` characters on each side,
    within [floor, ceiling). When not even the quote's own sentence fits, the cut falls between words."""
    ceiling = len(text) if ceiling is None else min(ceiling, len(text))
    floor = max(0, min(floor, start))
    ceiling = max(ceiling, end)
    spans = split_sentences(text) if sentences is None else sentences
    lo, hi = max(floor, start - budget), min(ceiling, end + budget)

    starts = [a for a, _ in spans if lo <= a <= start] + ([floor] if floor >= lo else [])
    if starts:
        s, clipped_before = min(starts), False
    else:
        s, clipped_before = _word_start(text, lo, start), True
    ends = [b for _, b in spans if end <= b <= hi] + ([ceiling] if ceiling <= hi else [])
    if ends:
        e, clipped_after = max(ends), False
    else:
        e, clipped_after = _word_end(text, end, hi), True
    s, e = _trim(text, s, e, start, end)
    return Snippet(s, e, clipped_before and s > floor, clipped_after and e < ceiling)


def _word_start(text: str, lo: int, start: int) -> int:
    """The first word that begins at or after `lo` (the quote's own start when none does)."""
    if lo == 0 or text[lo - 1].isspace():
        return lo
    for i in range(lo, start):
        if text[i].isspace():
            return i + 1
    return start


def _word_end(text: str, end: int, hi: int) -> int:
    """Just after the last word that ends at or before `hi` (the quote's own end when none does)."""
    if hi >= len(text) or text[hi].isspace():
        return hi
    for i in range(hi, end, -1):
        if text[i - 1].isspace():
            return i - 1
    return end


def _trim(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """No leading or trailing white space (the quote itself is never trimmed)."""
    while s < start and text[s].isspace():
        s += 1
    while e > end and text[e - 1].isspace():
        e -= 1
    return s, e


def body_floor(text: str, title: str | None, start: int) -> int:
    """Where the context may begin: after the headline, unless the quote is in the headline itself."""
    if title and text.startswith(title) and start >= len(title):
        rest = text[len(title) :]
        return len(title) + len(rest) - len(rest.lstrip())
    return 0


def clear_of(flagged: Sequence[tuple[int, int]], start: int, end: int, floor: int, ceiling: int) -> tuple[int, int]:
    """Narrow [floor, ceiling) so it holds no flagged span: the context never shows planted instructions."""
    for fs, fe in flagged:
        if fe <= start:
            floor = max(floor, fe)
        elif fs >= end:
            ceiling = min(ceiling, fs)
    return floor, ceiling
