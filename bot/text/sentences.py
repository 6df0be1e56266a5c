"""Sentence spans with offsets, so a quoted sentence always maps back to the stored text."""

from __future__ import annotations

import re

# A sentence ends at . ! ? or … (optionally followed by closing quotes) before whitespace and a capital,
# a digit or an opening quote; paragraph breaks always end one.
_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
_ABBREV = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|St|No|Jr|Sr|dkk|dll|dsb|Jl|vs|etc|Co)\.$|\b[A-Z]\.$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of sentences in text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _END.finditer(text, start, end):
        seg_end = m.start()
        # keep closing quotes with their sentence
        while seg_end < m.end() and text[seg_end] in "\"'”’)":
            seg_end += 1
        if _ABBREV.search(text[cur:seg_end]):
            continue
        spans.append((cur, seg_end))
        cur = m.end()
    spans.append((cur, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 3:
            out.append((s, e))
    return out
