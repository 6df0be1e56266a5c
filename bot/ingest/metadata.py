"""Article metadata (outlet, title, date, author, language) from the page's own text and markers.

The outlet is read from what the page says about itself, never from a list of known outlets: the
declared site name (HTML meta), the URL's host, a dateline opening the body ("Brand, City -",
"CITY, Brand.com -", "City (Brand) -", "Brand.com - date"), a source credit ("Source: X") and
lastly a copyright line ("© 2024 X"). With none of these it is None, and the answer shows the title:
a guessed outlet in a fact-check citation is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from urllib.parse import urlsplit

from bot.ingest.clean import Cleaned, is_furniture
from bot.ingest.dates import find_date, normalise_date
from bot.lang import months, weekdays
from bot.text.lang import detect_lang

__all__ = ["dateline_pair", "detect_author", "detect_date", "detect_lang", "detect_outlet", "outlet_from_dateline"]

_WEB_SUFFIX = re.compile(r"\.(co\.id|com|co|id|net|org|news|tv|web\.id)\+?$", re.I)
_NAME = r"[A-Z][\w.&'+-]*(?:\s+[A-Z][\w.&'+-]*){0,2}"
_DASH = r"\s*(?:--|[-–—])\s+"
# "Brand, City -" / "CITY, Brand.com -": a name, a comma, a name, a dash, then the body
_PAIR = re.compile(rf"^(?P<a>{_NAME}),\s+(?P<b>{_NAME}){_DASH}\S")
# "WASHINGTON (Reuters) -" / "Jakarta (BRAND) -": the brand in brackets after the city
_BRACKET = re.compile(rf"^{_NAME}(?:,[^()\n]{{1,25}})?\s+\((?P<b>[A-Z][\w.&' -]{{1,30}})\){_DASH}\S")
# "Brand.com - 16/09/2023" or "Brand.com - The body...": a web brand alone before the dash
_WEB_LEAD = re.compile(rf"^(?P<b>[A-Za-z][\w-]*\.(?:co\.id|com|co|id|net|org|news|tv)){_DASH}\S", re.I)
_SOURCE = re.compile(r"^\s*(?i:sumber|source)\s*:\s*(?P<b>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s*$")
_COPYRIGHT = re.compile(
    r"(?i:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?P<b>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})"
)
_BYLINE = re.compile(  # "By Jane Doe", "Penulis: Sari Wulandari": the label names the author
    r"^(?i:by|oleh|written by|penulis\s*:|reporter\s*:|pewarta\s*:)\s*([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3})$"
)
_NAME_END = re.compile(r"\.\s|,|\s+(?:All|Hak|Rights|Some)\b")  # "X. All rights reserved", "X, a unit of Y"


def detect_outlet(
    raw: str, declared: str | None = None, url: str | None = None, partners: Callable[[str], int] | None = None
) -> str | None:
    """Declared site name, URL host, dateline, source credit, copyright line; None when none says."""
    if declared and declared.strip():
        return declared.strip()
    host = _host(url)
    if host:
        return host
    lines = [x.strip() for x in raw.splitlines() if x.strip()]
    chrome = " ".join(x.lower() for x in lines if is_furniture(x))  # mastheads, credits, copyright lines
    for line in lines[:60]:  # a dateline opens the body, near the top of the page
        brand = outlet_from_dateline(line, chrome, partners)
        if brand:
            return brand
    for line in reversed(lines):  # a credit closes the article: the last one is the article's own
        m = _SOURCE.match(line)
        if m:
            return brand_name(m.group("b"))
    for line in reversed(lines):
        m = _COPYRIGHT.search(line)
        if m and not m.group("b").startswith(("All ", "Hak ")):
            return brand_name(_NAME_END.split(m.group("b"))[0])
    return None


def outlet_from_dateline(line: str, chrome: str = "", partners: Callable[[str], int] | None = None) -> str | None:
    """The outlet named in a dateline at the start of a body line, if the line has one.

    Generic shapes only: in "A, B -" the name with a web suffix is the brand, then one the page's chrome
    (``chrome``: its furniture lines, lower-cased) also names, then the one the corpus datelines with more
    distinct partners (``partners``, see bot/ingest/datelines.py: an outlet datelines many places, a place
    is datelined by few outlets), then one with an acronym or inner capitals ("Jakarta, ABC Indonesia -"),
    else the first ("Reuters, Surabaya -"); a bare "CITY -" names no outlet.
    """
    m = _WEB_LEAD.match(line)  # a web brand is unambiguous, even before a date line
    if m:
        return brand_name(m.group("b"))
    pair = dateline_pair(line)
    if pair:
        a, b = pair
        ba, bb = _brandness(a, chrome), _brandness(b, chrome)
        if abs(ba - bb) < 2 and partners is not None and partners(a) != partners(b):
            return brand_name(a if partners(a) > partners(b) else b)
        return brand_name(b if bb > ba else a)
    if len(line.split()) < 6:
        return None
    m = _BRACKET.match(line)
    return brand_name(m.group("b")) if m else None


def dateline_pair(line: str) -> tuple[str, str] | None:
    """The two names of an "A, B - body" dateline (a place and an outlet, in either order), or None."""
    if len(line.split()) < 6:  # datelines are followed by the body's first sentence
        return None
    m = _PAIR.match(line)
    if not m:
        return None
    a, b = m.group("a"), m.group("b")
    if find_date(f"{a}, {b}") or re.search(r"\d", a + b) and not _WEB_SUFFIX.search(a + " " + b):
        return None
    if {a.lower(), b.lower()} & _calendar():  # "Helsinki, Sabtu -": a place and the day, no outlet
        return None
    return a, b


@cache
def _calendar() -> frozenset[str]:
    return frozenset(weekdays()) | frozenset(months())


def _brandness(name: str, chrome: str) -> int:
    score = 4 if _WEB_SUFFIX.search(name) else 0
    score += 2 if re.search(rf"(?<!\w){re.escape(_WEB_SUFFIX.sub('', name).lower())}(?!\w)", chrome) else 0
    words = name.split()
    score += any(2 <= len(w) <= 4 and w.isupper() for w in words) and len(words) > 1
    score += any(re.search(r"[a-z][A-Z]|[A-Z]{2,}[a-z]", w) for w in words)  # "NewsNow", "ABCnews"
    return score


def brand_name(name: str) -> str | None:
    """Display form: web suffix dropped, an all-capitals word longer than an acronym title-cased."""
    name = _WEB_SUFFIX.sub("", name.strip().rstrip(".,;:")).strip()
    if not name or not name[0].isalpha():
        return None
    return " ".join(w.capitalize() if w.isupper() and len(w) > 4 else w for w in name.split())


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    host = host.removeprefix("www.")
    return host if "." in host else None


def detect_date(cleaned: Cleaned, declared: str | None = None) -> str | None:
    """Declared page date first, then a dateline above the body, then the first date in the body."""
    return (
        normalise_date(declared)
        or next((d for d in (find_date(h) for h in cleaned.header) if d), None)
        or find_date(cleaned.body[:3000])
    )


def detect_author(cleaned: Cleaned, declared: str | None = None) -> str | None:
    """A name-like line above the body that is neither furniture nor the outlet the page credits."""
    if declared:
        return declared
    credited = " ".join(cleaned.credits + cleaned.tail).lower()
    for line in cleaned.header:
        m = _BYLINE.match(line)
        if m and not find_date(line):
            return m.group(1).strip()
        words = line.split()
        name_like = 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
        if not name_like or find_date(line) or is_furniture(line) or _WEB_SUFFIX.search(words[-1]):
            continue
        if line.lower() in credited:  # "Source: X" at the foot: X is the publisher, not a reporter
            continue
        return line
    return None
