"""Recognise site furniture by its shape and by generic word lists, never by knowing the outlet.

Why no per-site patterns: a newsroom loads pages from sites nobody here has seen, and a rule written
for one outlet's login box says nothing about the next one's. What is common to all of them is used
instead:

* words: share/login/subscribe/ads/"read also"/"Baca juga"/"Advertisement" labels in English and
  Indonesian, kept as data in ``furniture/*.txt`` so a user adds a label without writing code;
* shapes: "29 menit lalu" / "2 hours ago", a lone agency credit ("REUTERS", "(abc)", "ab/cd (AP)"),
  font-size widgets ("A A A"), markup residue ("image-promo"), copyright lines;
* repetition: a short label repeated inside one page ("Global" under every related headline), and a line
  repeated across several pages of one batch (the site's template, see ``LineStats``);
* link lists: a run of headline-shaped lines with no prose between them (related/latest stories).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot.lang import alternation, number_words

FURNITURE_DIR = Path(__file__).with_name("furniture")
SHORT_LINE_WORDS = 30  # a [prefix]/[contains] phrase only condemns a line shorter than this: body paragraphs are longer
_SECTIONS = ("line", "prefix", "contains", "end")

_WS = re.compile(r"\s+")
_SLASH = re.compile(r"\s*/\s*")
_TRIM_TAIL = " :;,.!?|•·*-–—\u2026"
_TRIM_HEAD = " :;,|•·*-–—"
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*$|[\"”’]$")

# Shapes of chrome that no word list can name: relative times, lone credits, widgets, markup residue.
_ONE = alternation(w for w, v in number_words().items() if v == 1)  # "a", "an", "one", "satu", "se"
_SHAPES = [
    re.compile(p, re.I)
    for p in (
        rf"^(\d+|{_ONE})\s*(detik|menit|jam|hari|minggu|pekan|bulan|tahun|seconds?|secs?|minutes?|mins?"
        r"|hours?|hrs?|days?|weeks?|months?|years?)\s+(yang\s+)?(lalu|ago)$",
        r"^(\w\s){2,}\w$",  # single letters: a font-size widget "A A A"
        r"^[a-z0-9]+(-[a-z0-9]+)+$",  # one lower-case hyphenated token: an image alt or CSS class left in the text
        r"^\.{3}$|^…$",
        r"^\([a-z]{2,5}\)$",  # an editor's initials "(abc)"
        r"^[a-z]{1,4}/[a-z]{1,4}(\s*\([^)]*\))?$",  # initials credit "ab/cd (AP, Reuters)"
    )
]
# "© 2024 X", "Copyright (c) X", "Hak cipta © X": the sign or a year must follow, so "Copyright lawsuits..." is prose
_COPYRIGHT = re.compile(r"^(©|\(c\)\s*\d{4}|(copyright|hak cipta)\s*(©|\(c\)|\d{4}))", re.I)
_CAPS_CREDIT = re.compile(r"^[A-Z][A-Z&.]{1,15}(?:\s*/\s*[\w .]{2,40})?$")  # "REUTERS", "AFP/John Doe"


def key(line: str) -> str:
    """Comparison form of a line: NFKC, lower case, one space, no slash spacing, trimmed punctuation."""
    text = _SLASH.sub("/", _WS.sub(" ", unicodedata.normalize("NFKC", line)).strip().lower())
    return text.rstrip(_TRIM_TAIL).lstrip(_TRIM_HEAD)


@dataclass(frozen=True)
class WordLists:
    line: frozenset[str]
    prefix: tuple[str, ...]
    contains: tuple[str, ...]
    end: tuple[str, ...]


@lru_cache(maxsize=1)
def word_lists(folder: Path = FURNITURE_DIR) -> WordLists:
    """Read every language's list once; phrases are only lower-cased and space-collapsed."""
    found: dict[str, set[str]] = {s: set() for s in _SECTIONS}
    for path in sorted(folder.glob("*.txt")):
        section = None
        for raw in path.read_text(encoding="utf-8").splitlines():
            text = _WS.sub(" ", raw).strip().lower()
            if not text or text.startswith("#"):
                continue
            if text.startswith("[") and text.endswith("]"):
                section = text[1:-1] if text[1:-1] in found else None
            elif section:
                found[section].add(text)
    longest_first = {s: tuple(sorted(v, key=len, reverse=True)) for s, v in found.items()}
    return WordLists(frozenset(found["line"]), longest_first["prefix"], longest_first["contains"], longest_first["end"])


def _starts_with(k: str, phrase: str) -> bool:
    if not k.startswith(phrase):
        return False
    rest = k[len(phrase) : len(phrase) + 1]
    return not rest or not phrase[-1].isalnum() or not rest.isalnum()


def _has_phrase(k: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", k) is not None


def is_furniture(line: str) -> bool:
    """True for a line that is page chrome wherever it stands: a listed label or a chrome shape."""
    k = key(line)
    if not k:
        return True
    lists = word_lists()
    if k in lists.line or k in lists.end:
        return True
    if len(k.split()) < SHORT_LINE_WORDS and (
        any(_starts_with(k, p) for p in lists.prefix) or any(_has_phrase(k, p) for p in lists.contains)
    ):
        return True
    stripped = line.strip()
    if _COPYRIGHT.match(k):
        return True
    if _CAPS_CREDIT.match(stripped) and not _SENTENCE_END.search(stripped):
        return True
    return any(rx.match(k) for rx in _SHAPES)


def is_end_heading(line: str) -> bool:
    """A short heading that opens the related/recommended block or the footer ("Related", "Berita Terkait")."""
    k = key(line)
    words = len(k.split())
    if not k or words > 20 or _SENTENCE_END.search(line.strip()) and words > 6:
        return False
    lists = word_lists()
    if k in lists.end or _COPYRIGHT.match(k):
        return True
    # "Editor's picks Storm hits coast" is the heading run into its first link; "Related: X" is one inline link;
    # a one-word heading ("Recommended") only counts alone, "Recommended changes to the law" is a body line
    return any(" " in p and _starts_with(k, p) and k[len(p) : len(p) + 1] != ":" for p in lists.end)


def is_prose(line: str) -> bool:
    """A body paragraph: enough words and a sentence ending. Teasers and captions can pass too; headlines don't."""
    return len(line.split()) >= 8 and _SENTENCE_END.search(line.strip()) is not None


def is_link_like(line: str) -> bool:
    """Shaped like a headline or menu entry: at most 20 words and no sentence ending."""
    text = line.strip()
    return 0 < len(text.split()) <= 20 and not _SENTENCE_END.search(text) and not text.endswith((":", ";", ","))


def link_list(lines: Sequence[str], min_run: int = 4) -> set[int]:
    """Indexes of lines in a run of at least ``min_run`` link-like lines with no prose between them.

    ``lines`` are the candidate lines in page order (blank and furniture lines already removed). A run
    right after a line ending in ":" is the article's own list ("The ministers present:") and stays.
    """
    out: set[int] = set()
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and is_link_like(lines[end]):
            end += 1
        introduced = start > 0 and lines[start - 1].rstrip().endswith(":")
        if end - start >= min_run and not introduced:
            out.update(range(start, end))
        start = max(end, start + 1)
    return out


def repeated_labels(lines: Iterable[str], min_count: int = 3, max_words: int = 3) -> set[str]:
    """Keys of short lines that recur within one page: section labels under each related link ("Global")."""
    counts = Counter(key(x) for x in lines if 0 < len(x.split()) <= max_words)
    return {k for k, n in counts.items() if n >= min_count}


@dataclass
class LineStats:
    """In how many documents of one site or batch each line occurs: the site's template shows up as repeats.

    Why two thresholds: a short or unpunctuated line repeated in two pages of a batch is a label of the
    template ("Editor", "Most read", a newsletter box). A full sentence repeated verbatim may be the same
    wire story republished, so prose only counts as template when most of the batch (and at least three
    documents) carry it. A single file needs no statistics: ``clean_text`` works without them.
    """

    documents: int = 0
    doc_freq: Counter[str] = field(default_factory=Counter)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> LineStats:
        stats = cls()
        for text in texts:
            stats.add(text)
        return stats

    def add(self, text: str) -> None:
        self.documents += 1
        self.doc_freq.update({key(x) for x in text.splitlines() if key(x)})

    def is_template(self, line: str) -> bool:
        if self.documents < 2:
            return False
        n = self.doc_freq.get(key(line), 0)
        if n < 2:
            return False
        return not is_prose(line) or n >= max(3, math.ceil(self.documents / 2))
