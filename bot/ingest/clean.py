"""Turn a raw scrape into the article: title + body, with site chrome removed.

Works on lines because scrapes keep the page's block structure as lines: the
login box, ads, captions and recommendation lists are whole lines, and the
body's sentences are never split across dropped lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ingest.boilerplate import DROP_LINE, END_OF_ARTICLE
from bot.ingest.dates import find_date

_WS = re.compile(r"[ \t\u00a0]+")


@dataclass
class Cleaned:
    title: str | None
    body: str
    header: list[str]  # dropped lines before the title/body: bylines, dates, mastheads (metadata hints)
    tail: list[str]  # dropped lines after the end of the article (outlet hints)


def _norm(line: str) -> str:
    return _WS.sub(" ", line).strip()


def is_drop(line: str) -> bool:
    return any(p.search(line) for p in DROP_LINE)


def _is_end(line: str) -> bool:
    return any(p.search(line) for p in END_OF_ARTICLE)


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 25 and not line.endswith((".", "…", ":")) and not find_date(line)


def clean_text(raw: str, title_hint: str | None = None) -> Cleaned:
    lines = [_norm(x) for x in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept: list[str] = []
    tail: list[str] = []
    header: list[str] = []
    for i, line in enumerate(lines):
        if kept and _is_end(line):
            tail = [x for x in lines[i:] if x]
            break
        if not line:
            continue
        if is_drop(line):
            if len(kept) < 5:  # near the top, dropped lines are mastheads, datelines and bylines
                header.append(line)
            continue
        kept.append(line)

    title = title_hint or _pick_title(kept)
    body: list[str] = []
    seen: set[str] = set()
    header_keys: set[str] = set()
    for line in kept:
        key = line.lower().rstrip(". ")
        if title and (key == title.lower().rstrip(". ") or _is_truncated_title(line, title)):
            continue  # repeated headline, also the "7 Fakta Kedatangan Putin..." stubs
        if key in seen and len(line) > 20 or key in header_keys:
            continue  # a caption or teaser repeated verbatim
        if len(body) < 2 and line.endswith(("…", "...")) and len(line) < 300:
            continue  # a teaser cut off mid-sentence ("..., kedua pemimpin…") repeats the lede it stands for
        if not body and (find_date(line) and len(line) < 60 or _is_byline(line)):
            header.append(line)  # date and byline lines above the body are metadata, not article text
            header_keys.add(key)
            continue
        seen.add(key)
        body.append(line)
    return Cleaned(title=title, body="\n\n".join(body), header=header, tail=tail)


def _pick_title(lines: list[str]) -> str | None:
    for line in lines[:8]:
        if _looks_like_title(line):
            return line
    return None


def _is_truncated_title(line: str, title: str) -> bool:
    stub = line.rstrip(".… ").lower()
    return line.endswith(("...", "…")) and len(stub) >= 12 and title.lower().startswith(stub)


def _is_byline(line: str) -> bool:
    """Short lines of 2-4 capitalised words (a reporter's or outlet's name) before the body starts."""
    words = line.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not line.endswith((".", "?", "!"))
