"""Publication dates in the shapes Indonesian and English news pages print them, normalised to ISO."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januari": 1,
    "january": 1,
    "jan": 1,
    "februari": 2,
    "february": 2,
    "feb": 2,
    "pebruari": 2,
    "maret": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "agustus": 8,
    "august": 8,
    "agu": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "october": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "nopember": 11,
    "desember": 12,
    "december": 12,
    "des": 12,
    "dec": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
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
