"""Article metadata (outlet, title, date, author, language) from the page's own text and markers."""

from __future__ import annotations

from bot.ingest.boilerplate import OUTLETS
from bot.ingest.clean import Cleaned, is_drop
from bot.ingest.dates import find_date, normalise_date
from bot.text.lang import detect_lang

__all__ = ["detect_author", "detect_date", "detect_lang", "detect_outlet"]


def detect_outlet(raw: str, declared: str | None = None) -> str | None:
    if declared:
        return declared
    for rx, name in OUTLETS:
        if rx.search(raw):
            return name
    return None


def detect_date(cleaned: Cleaned, declared: str | None = None) -> str | None:
    """Declared page date first, then a dateline above the body, then the first date in the body."""
    return (
        normalise_date(declared)
        or next((d for d in (find_date(h) for h in cleaned.header) if d), None)
        or find_date(cleaned.body[:3000])
    )


def detect_author(cleaned: Cleaned, declared: str | None = None) -> str | None:
    if declared:
        return declared
    for line in cleaned.header:
        words = line.split()
        name_like = 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
        if name_like and not find_date(line) and not is_drop(line) and not any(rx.search(line) for rx, _ in OUTLETS):
            return line
    return None
