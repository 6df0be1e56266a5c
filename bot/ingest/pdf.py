"""PDF files (press releases, reports) through pypdf, keeping each page's text so citations can name a page.

A PDF is read page by page into one raw text (pages joined by a line break, so a sentence running over a
page break can be joined again by the cleaner). What is not article text is dropped here, before the
cleaner sees it: page-number lines ("3", "Page 3 of 9", "Halaman 3") and running headers or footers,
lines repeated on most pages (the first one is kept: it is often the title). Invisible characters go as
for every format. The stored clean text differs from the raw pages (furniture dropped, wrapped lines
joined, e-mail addresses masked), so the page of every stretch of clean text is found afterwards by
aligning its words with the pages' words (`page_spans`): runs of three words in order, so a common
word cannot pull the alignment ahead.

A scanned PDF without a text layer, an encrypted one, or a damaged one is refused with a reason.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import BadInput
from bot.ingest.loaders import RawDoc
from bot.ingest.privacy import mask_pii
from bot.ingest.visible import strip_invisible

_PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:page|halaman|hal\.?|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:of|dari|/)\s*\d{1,4})?\s*$", re.I
)
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\w+")
_JUNK_TITLE = re.compile(r"(?i)\.(?:docx?|pdf|odt|rtf|indd)\b|^microsoft\b|^untitled\b|^\s*$")
_ANCHOR = 3  # words in a row that must agree before a clean word is placed on a page


@dataclass
class PdfDoc(RawDoc):
    pages: list[str] = field(default_factory=list)  # each page's kept text, in order


def load_pdf(path: Path, max_bytes: int) -> PdfDoc:
    size = path.stat().st_size
    if size == 0:
        raise BadInput("empty file")
    if size > max_bytes:
        raise BadInput(f"file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit)")
    return read_pdf(path.read_bytes(), str(path))


def read_pdf(data: bytes, source: str) -> PdfDoc:
    """PDF bytes -> raw text with page boundaries; BadInput when there is no text to read."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise BadInput("not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise BadInput("encrypted PDF: remove the password and ingest it again")
        raw_pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except BadInput:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise BadInput(f"damaged PDF, cannot be read ({type(exc).__name__})") from None
    warnings: list[str] = []
    invisible = 0
    pages = []
    for text in raw_pages:
        text, n = strip_invisible(text)
        invisible += n
        pages.append(text)
    if invisible:
        warnings.append(f"removed {invisible} invisible character(s) (zero-width or bidi controls)")
    pages, dropped = _drop_furniture(pages)
    if dropped:
        warnings.append(f"PDF: dropped {dropped} page-number or running header/footer line(s)")
    if not any(_WORD.search(p) for p in pages):
        raise BadInput(f"PDF has no text layer ({len(raw_pages)} page(s), scanned?): run OCR on it first")
    meta: dict[str, str] = {}
    title = str(getattr(info, "title", None) or "").strip() if info else ""
    if title and not _JUNK_TITLE.search(title):
        meta["title"] = title
    author = str(getattr(info, "author", None) or "").strip() if info else ""
    if author and len(author.split()) <= 6:
        meta["author"] = author
    return PdfDoc(source=source, text="\n".join(pages), kind="pdf", meta=meta, warnings=warnings, pages=pages)


def _drop_furniture(pages: list[str]) -> tuple[list[str], int]:
    """Page numbers anywhere; short lines repeated on most pages (numbers aside) after their first showing."""
    split = [[ln.rstrip() for ln in p.splitlines()] for p in pages]
    seen_on = Counter(
        key for lines in split for key in {_DIGITS.sub("#", ln.strip().lower()) for ln in lines if ln.strip()}
    )
    need = max(2, (len(pages) + 1) // 2)
    repeated = {k for k, n in seen_on.items() if n >= need and len(k) <= 100} if len(pages) >= 2 else set()
    kept_pages, dropped, shown = [], 0, set()
    for lines in split:
        kept = []
        for ln in lines:
            key = _DIGITS.sub("#", ln.strip().lower())
            if ln.strip() and (_PAGE_NUMBER.match(ln) or (key in repeated and key in shown)):
                dropped += 1
                continue
            shown.add(key)
            kept.append(ln)
        kept_pages.append("\n".join(kept))
    return kept_pages, dropped


def page_spans(text: str, pages: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, page) covering `text`: each stretch of the clean text and the page (1-based) it came from."""
    if not pages or not text:
        return []
    pages = [mask_pii(p)[0] for p in pages]  # the clean text was masked the same way
    raw = [(m.group().lower(), n) for n, page in enumerate(pages, 1) for m in _WORD.finditer(page)]
    words = [m.group().lower() for m in _WORD.finditer(text)]
    starts = [m.start() for m in _WORD.finditer(text)]
    index: dict[tuple[str, ...], list[int]] = {}
    for k in range(len(raw) - _ANCHOR + 1):
        index.setdefault(tuple(w for w, _ in raw[k : k + _ANCHOR]), []).append(k)
    page_of = []
    at, page = 0, 1
    for i in range(len(words)):
        gram = tuple(words[i : i + _ANCHOR])
        hit = None
        if len(gram) == _ANCHOR:
            places = index.get(gram, [])
            j = bisect_left(places, at)
            hit = places[j] if j < len(places) else None
        elif at < len(raw) and raw[at][0] == words[i]:  # the last words of the text: follow on in order
            hit = at
        if hit is not None:
            page, at = raw[hit][1], hit + 1
        page_of.append(page)
    spans: list[tuple[int, int, int]] = []
    for i, p in enumerate(page_of):
        if not spans or spans[-1][2] != p:
            if spans:
                spans[-1] = (spans[-1][0], starts[i], spans[-1][2])
            spans.append((0 if not spans else starts[i], len(text), p))
    return spans or [(0, len(text), 1)]
