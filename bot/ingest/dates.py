"""Publication dates in the shapes Indonesian and English news pages print them, normalised to ISO.

Month names, old spellings and abbreviations come from the language packs (bot/lang), shared with the
claim normaliser, so a spelling added there is read here too.
"""

from __future__ import annotations

import re
from datetime import date

from bot.lang import alternation, months

MONTHS = months(abbreviations=True)  # names, older spellings and abbreviations, both languages
_MONTH_RE = alternation(MONTHS)
# "Rabu, 13 September 2023 16:48 WIB", "13 Sep 2023", "20 Juni 2024 - 13:45 WIB"
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\.?\s+(\d{{4}})\b", re.I)
# "September 13, 2023", "Sept. 13 2023"
_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)
# "16/09/2023", "16-09-2023" (day first, as Indonesian pages print it) and ISO "2023-09-16"
_NUM = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _safe(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first full date in `text` as YYYY-MM-DD, or None."""
    best: tuple[int, str] | None = None
    for rx, order in ((_ISO, "ymd"), (_DMY, "dmy"), (_MDY, "mdy"), (_NUM, "dmy")):
        for m in rx.finditer(text):
            a, b, c = m.groups()
            if order == "ymd":
                iso = _safe(int(a), int(b), int(c))
            elif order == "mdy":
                iso = _safe(int(c), MONTHS[a.lower()], int(b))
            elif b.isdigit():
                iso = _safe(int(c), int(b), int(a))
            else:
                iso = _safe(int(c), MONTHS[b.lower()], int(a))
            if iso:
                if best is None or m.start() < best[0]:
                    best = (m.start(), iso)
                break
    return best[1] if best else None


def normalise_date(value: str | None) -> str | None:
    """Normalise a date string from page metadata; falls back to dateparser for odd shapes."""
    if not value:
        return None
    found = find_date(value)
    if found:
        return found
    try:
        import dateparser

        parsed = dateparser.parse(value, languages=["id", "en"], settings={"STRICT_PARSING": True})
    except Exception:  # dateparser raises a zoo of errors on junk
        return None
    return parsed.date().isoformat() if parsed else None
