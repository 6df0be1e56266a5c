"""Our records as Chroma stores them, and back: a document's metadata and a chunk's.

Chroma metadata holds flat scalars only: absent fields are left out and lists (flagged spans, PDF page spans)
travel as JSON strings. Reading back is forgiving where a wrong value would do harm: unreadable flagged spans
flag the whole text (nothing uncitable becomes citable), unreadable page spans give no pages.
"""

from __future__ import annotations

import json
from typing import Any

from bot.models import Chunk, DocumentRecord

_DOC_FIELDS = ("title", "outlet", "url", "source", "published", "author", "lang", "flagged_spans", "page_spans")
_JSON_FIELDS = ("flagged_spans", "page_spans")  # lists, stored as JSON strings


def doc_meta(doc: DocumentRecord) -> dict[str, Any]:
    """Chroma metadata cannot hold None or lists: absent fields are left out, flagged spans go as a JSON string."""
    data = doc.model_dump()
    meta = {k: data[k] for k in _DOC_FIELDS if data.get(k) is not None and k not in _JSON_FIELDS}
    if doc.flagged_spans:
        meta["flagged_spans"] = json.dumps([[s, e] for s, e in doc.flagged_spans])
    if doc.page_spans:
        meta["page_spans"] = json.dumps([list(x) for x in doc.page_spans])
    return meta


def chunk_pages(doc: DocumentRecord, chunk: Chunk) -> dict[str, int]:
    """A PDF chunk's first and last page, so a hit can say where it is without its document."""
    if not doc.page_spans:
        return {}
    first = doc.page_at(chunk.char_start)
    last = doc.page_at(max(chunk.char_start, chunk.char_end - 1))
    return {"page_start": int(first or 1), "page_end": int(last or first or 1)}


def _pages(raw: Any) -> list[tuple[int, int, int]]:
    """Page spans back from their JSON string; an unreadable value gives none (a page is a courtesy)."""
    try:
        return [(int(s), int(e), int(p)) for s, e, p in json.loads(raw)]
    except (TypeError, ValueError):
        return []


def _flagged(raw: Any) -> list[tuple[int, int]]:
    """Flagged spans back from their JSON string; an unreadable value flags the whole text rather than none."""
    try:
        return [(int(s), int(e)) for s, e in json.loads(raw)]
    except (TypeError, ValueError):
        return [(0, 1 << 62)]


def record_from_meta(doc_id: str, text: str, meta: Any) -> DocumentRecord:
    """A DocumentRecord from Chroma's id, document and metadata (`text` may be "" where only metadata was read)."""
    m = dict(meta or {})
    fields = {k: m.get(k) for k in _DOC_FIELDS if k in m and k not in _JSON_FIELDS}
    flagged = _flagged(m["flagged_spans"]) if "flagged_spans" in m else []
    pages = _pages(m["page_spans"]) if "page_spans" in m else []
    return DocumentRecord(
        doc_id=doc_id,
        text=text,
        flagged_spans=flagged,
        page_spans=pages,
        **fields,  # type: ignore[arg-type]
    )


def chunk_from_meta(chunk_id: str, text: str, meta: Any) -> Chunk:
    """A Chunk from Chroma's id, document and metadata."""
    m = dict(meta or {})
    return Chunk(
        chunk_id=chunk_id,
        doc_id=str(m["doc_id"]),
        text=text,
        char_start=int(m["char_start"]),
        char_end=int(m["char_end"]),
        index=int(m.get("index", 0)),
    )
