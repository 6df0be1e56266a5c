"""Turn a raw scrape into the article: title + body, with site furniture removed.

Works on lines because scrapes keep the page's block structure as lines: login boxes, ads, captions
and recommendation lists are whole lines, and body sentences are never split across dropped lines
(hard-wrapped prose is joined back first). What counts as furniture is generic (``boilerplate``): word
lists kept as data, chrome shapes, repetition inside the page and across a batch (``LineStats``), and
runs of headline-shaped lines. Nothing here knows any outlet.

jusText (PyPI ``justext``, a stopword-density paragraph classifier with an Indonesian stoplist) was
measured and is not used. Body sentences kept / furniture lines left, on the five sample scrapes
(137 sentences, 157 furniture lines) and on four synthetic English pages (34 / 65):
these rules 137/137, 0 and 34/34, 0; rules then jusText 137/137, 0 and 0/34, 0 (its defaults call every
paragraph under 200 characters boilerplate, and news paragraphs are short); with length limits lowered
to 30/100 characters 135/137, 0 and 21/34, 0; jusText alone 137/137, 56 and 0/34, 0. It removed no
furniture these rules leave (plain-text scrapes have no link density for it to use) and only lost body text.

A document with sentence text is never emptied: if the rules would leave no body, the sentence lines
are kept as they are and a warning says so, because a one- or two-sentence news item is an article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.ingest.boilerplate import (
    LineStats,
    is_end_heading,
    is_furniture,
    is_prose,
    key,
    link_list,
    repeated_labels,
)
from bot.ingest.dates import find_date

__all__ = ["Cleaned", "LineStats", "clean_batch", "clean_text", "is_furniture"]

_WS = re.compile(r"[ \t\u00a0]+")
_CREDIT = re.compile(r"^\s*(sumber|source|via|©|\(c\)|copyright)\b|^\s*©", re.I)
_SENTENCE = re.compile(r"\w[^.!?…]*[.!?…]")
_OPEN_END = re.compile(r"[.!?:;…\"”’)]$")


@dataclass
class Cleaned:
    title: str | None
    body: str
    header: list[str]  # dropped lines before the body: bylines, dates, mastheads (metadata hints)
    tail: list[str]  # lines from the end of the article on: recommendations and footers (outlet hints)
    credits: list[str] = field(default_factory=list)  # dropped source/copyright lines ("Source: X", "© 2024 X")
    warnings: list[str] = field(default_factory=list)


def _norm(line: str) -> str:
    return _WS.sub(" ", line).strip()


def clean_text(raw: str, title_hint: str | None = None, stats: LineStats | None = None) -> Cleaned:
    """Clean one page. ``stats`` are line counts over the page's batch or site; without them only
    evidence inside the page is used, which is enough for a single file."""
    lines = [_norm(x) for x in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    labels = repeated_labels(x for x in lines if x)
    furniture = [
        bool(x) and (is_furniture(x) or key(x) in labels or (stats is not None and stats.is_template(x))) for x in lines
    ]
    cut = _end_of_article(lines, furniture)
    tail = [x for x in lines[cut:] if x]
    credits = [x for x, f in zip(lines[:cut], furniture[:cut], strict=True) if f and _CREDIT.match(x)]
    credits += [x for x in tail if _CREDIT.match(x)]

    # candidates: (page position, text) of lines that may be article text, hard-wrapped prose re-joined
    cands = _join_wrapped([(i, lines[i]) for i in range(cut) if lines[i] and not furniture[i]])
    # the title is picked before link lists go: a menu run above the headline swallows the headline too
    first_prose = next((n for n, (_, t) in enumerate(cands) if is_prose(t)), len(cands))
    title = title_hint or _pick_title([t for _, t in cands[: first_prose + 1]])
    links = link_list([t for _, t in cands])
    kept = [c for n, c in enumerate(cands) if n not in links]
    kept_at = {i for i, _ in kept}
    in_links = {cands[n][0] for n in links}

    body: list[str] = []
    header: list[str] = []
    seen: set[str] = set()
    header_keys: set[str] = set()
    texts = dict(kept)
    for i in range(cut):
        if (furniture[i] or i in in_links) and not body and lines[i] != title:
            header.append(lines[i])  # near the top, dropped lines are mastheads, datelines and bylines
        if i not in kept_at:
            continue
        line = texts[i]
        k = line.lower().rstrip(". ")
        if title and (k == title.lower().rstrip(". ") or _is_truncated_title(line, title)):
            continue  # the headline repeated, or cut short with "..." as a stub
        if k in seen and len(line) > 20 or k in header_keys:
            continue  # a caption or teaser repeated verbatim
        if len(body) < 2 and line.endswith(("…", "...")) and len(line) < 300:
            continue  # a teaser cut off mid-sentence repeats the lede it stands for
        if not body and (find_date(line) and len(line) < 60 or _is_byline(line)):
            header.append(line)  # date and byline lines above the body are metadata, not article text
            header_keys.add(k)
            continue
        seen.add(k)
        body.append(line)

    warnings: list[str] = []
    if not body:
        body = _sentence_lines(lines, title)
        if body:
            warnings.append(
                f"cleaning would have left no article text; kept its {len(body)} sentence line(s) as they are"
            )
    return Cleaned(title=title, body="\n\n".join(body), header=header, tail=tail, credits=credits, warnings=warnings)


def clean_batch(raws: Sequence[str], title_hints: Sequence[str | None] | None = None) -> list[Cleaned]:
    """Clean pages of one site or batch together, so the template lines they share are recognised."""
    stats = LineStats.from_texts(raws)
    hints = list(title_hints) if title_hints is not None else [None] * len(raws)
    return [clean_text(raw, hint, stats) for raw, hint in zip(raws, hints, strict=True)]


def _join_wrapped(cands: list[tuple[int, str]], width: int = 120) -> list[tuple[int, str]]:
    """Re-join prose hard-wrapped at a fixed width (plain text, e-mail, Markdown sources).

    A block of adjacent lines, all short, where at least a third of the continuation lines start in
    lower case is one wrapped paragraph; a scrape's adjacent lines (captions, headline lists) start with
    capitals and are longer or stand alone. Each joined paragraph keeps the position of its last line.
    """
    blocks: list[list[tuple[int, str]]] = []
    for cand in cands:
        if blocks and blocks[-1][-1][0] == cand[0] - 1:
            blocks[-1].append(cand)
        else:
            blocks.append([cand])
    out: list[tuple[int, str]] = []
    for block in blocks:
        rest = [t for _, t in block[1:]]
        lower = sum(t[:1].islower() for t in rest)
        if rest and max(len(t) for _, t in block) <= width and lower * 3 >= len(rest):
            out.append((block[-1][0], " ".join(t for _, t in block)))
            continue
        for i, text in block:  # otherwise only a line that plainly continues the one before is joined
            if out and out[-1][0] == i - 1 and not _OPEN_END.search(out[-1][1]) and text[:1].islower():
                out[-1] = (i, f"{out[-1][1]} {text}")
            else:
                out.append((i, text))
    return out


def _end_of_article(lines: list[str], furniture: list[bool]) -> int:
    """Index of the heading that opens the recommendations/footer, or len(lines).

    A heading only ends the article once some prose came before it, and only if no two real paragraphs
    follow it in a row (teasers in a related list alternate with headlines and times): a mid-article
    "Related" box is dropped by the word lists, the text after it stays.
    """
    seen_prose = False
    for i, line in enumerate(lines):
        if not line:
            continue
        if seen_prose and is_end_heading(line) and not _prose_follows(lines[i + 1 :], furniture[i + 1 :]):
            return i
        seen_prose = seen_prose or (not furniture[i] and is_prose(line))
    return len(lines)


def _prose_follows(lines: list[str], furniture: list[bool], run: int = 2) -> bool:
    streak = 0
    for line, f in zip(lines, furniture, strict=True):
        if not line or f:
            continue
        streak = streak + 1 if is_prose(line) and len(line.split()) >= 15 else 0
        if streak >= run:
            return True
    return False


def _sentence_lines(lines: list[str], title: str | None) -> list[str]:
    """The fallback body: every distinct line holding a sentence, in page order."""
    out: list[str] = []
    for line in lines:
        if line and line != title and _SENTENCE.search(line) and len(line.split()) >= 3 and line not in out:
            out.append(line)
    return out


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 25 and not line.endswith((".", "…", ":")) and not find_date(line)


def _pick_title(lines: list[str]) -> str | None:
    """The first headline-shaped line; one of 4+ words beats a shorter one (a masthead or section name)."""
    shaped = [x for x in lines[:8] if _looks_like_title(x)]
    return next((x for x in shaped if len(x.split()) >= 4), shaped[0] if shaped else None)


def _is_truncated_title(line: str, title: str) -> bool:
    stub = line.rstrip(".… ").lower()
    return line.endswith(("...", "…")) and len(stub) >= 12 and title.lower().startswith(stub)


def _is_byline(line: str) -> bool:
    """Short lines of 2-4 capitalised words (a reporter's or outlet's name) before the body starts."""
    words = line.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not line.endswith((".", "?", "!"))
