"""What is in the corpus: list, show and remove stored documents.

The one place that resolves a user's reference to a document (a doc id, a unique prefix of one, the
source it was ingested from, or that source's file name) and removes a document from every index:
the Chroma documents, chunks and sentences collections here, and the persisted lexical index, which
is rebuilt without it. Listings read metadata only, never the articles' text. The CLI (`factbot docs …`)
and the web page call these through FactService, never the store directly.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from pydantic import BaseModel, Field

from bot.components.records import record_from_meta
from bot.components.store import Store
from bot.errors import BadInput
from bot.models import DocumentRecord

MIN_PREFIX = 4  # shorter doc-id prefixes match too much to be meant


class DocInfo(BaseModel):
    """One row of the documents list: enough to recognise an article without its text."""

    doc_id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    source: str
    url: str | None = None
    lang: str = "id"
    chars: int = 0
    chunks: int = 0
    pages: int | None = Field(None, description="Pages of a PDF source; None for other formats.")
    flagged: int = Field(0, description="Passages addressed to an AI system, stored but never quoted.")
    flags: list[str] = Field(default_factory=list, description="Human-readable notes: flagged text, no date, …")


def info(doc: DocumentRecord, chunks: int) -> DocInfo:
    flags = []
    if doc.flagged_spans:
        flags.append(f"{len(doc.flagged_spans)} passage(s) addressed to an AI system (never quoted)")
    if not doc.outlet:
        flags.append("no outlet")
    if not doc.published:
        flags.append("no date")
    pages = max((p for _, _, p in doc.page_spans), default=None)
    return DocInfo(
        doc_id=doc.doc_id,
        title=doc.title,
        outlet=doc.outlet,
        published=doc.published,
        source=doc.source,
        url=doc.url,
        lang=doc.lang,
        chars=len(doc.text),
        chunks=chunks,
        pages=pages,
        flagged=len(doc.flagged_spans),
        flags=flags,
    )


def _records(store: Store) -> list[tuple[DocumentRecord, dict[str, Any]]]:
    """Every document's record without its text (metadata only: a listing of a large archive reads no articles)."""
    return [(record_from_meta(doc_id, "", meta), meta) for doc_id, meta in store.doc_metas()]


def list_documents(store: Store, query: str | None = None) -> list[DocInfo]:
    """Every stored document, newest first (undated last), optionally only those whose title, outlet,
    source, date or id contains `query` (case-insensitive)."""
    rows = []
    for doc, meta in _records(store):
        row = info(doc, int(meta.get("n_chunks", 0)))
        row.chars = int(meta.get("chars", -1))
        rows.append(row)
    unknown = [r for r in rows if r.chars < 0]  # stored before records carried their length
    if unknown:
        texts = store.get_documents([r.doc_id for r in unknown])
        for r in unknown:
            r.chars = len(texts[r.doc_id].text) if r.doc_id in texts else 0
    if query and query.strip():
        q = query.strip().lower()
        rows = [r for r in rows if any(q in (v or "").lower() for v in _searchable(r))]
    rows.sort(key=lambda r: (r.title or r.source).lower())
    rows.sort(key=lambda r: r.published or "", reverse=True)
    return rows


def _searchable(r: DocInfo) -> tuple[str | None, ...]:
    return (r.title, r.outlet, r.source, r.published, r.doc_id, r.url)


def resolve(store: Store, ref: str) -> DocumentRecord:
    """The one document `ref` names; BadInput when it names none or several."""
    ref = (ref or "").strip()
    if not ref:
        raise BadInput("empty document reference: give a doc id, its first characters, or the source")
    doc = store.get_document(ref)
    if doc is not None:
        return doc
    docs = [d for d, _ in _records(store)]
    for test in (
        lambda d: d.source == ref,
        lambda d: len(ref) >= MIN_PREFIX and d.doc_id.startswith(ref),
        lambda d: _name(d.source) == ref,
        lambda d: d.url == ref,
    ):
        found = [d for d in docs if test(d)]
        if len(found) == 1:
            full = store.get_document(found[0].doc_id)
            if full is not None:
                return full
        if len(found) > 1:
            ids = ", ".join(d.doc_id for d in found[:5])
            raise BadInput(f"{ref!r} names {len(found)} documents ({ids}): give a doc id")
    hint = f" (doc id prefixes need {MIN_PREFIX}+ characters)" if len(ref) < MIN_PREFIX else ""
    raise BadInput(f"no stored document matches {ref!r}{hint}: see `factbot docs list`")


def _name(source: str) -> str:
    if "://" in source:
        return source
    return PurePath(source).name


def show(store: Store, ref: str) -> tuple[DocInfo, DocumentRecord]:
    doc = resolve(store, ref)
    meta = store.docs.get(ids=[doc.doc_id], include=["metadatas"])["metadatas"] or [{}]
    return info(doc, int((meta[0] or {}).get("n_chunks", 0))), doc


def remove(store: Store, ref: str) -> DocInfo:
    """Delete the document from the documents, chunks and sentences collections; returns what was removed.

    The persisted lexical index is rebuilt without it; every process's retriever picks that generation up.
    """
    from bot.retrieval.lexical_index import sync_index

    row, doc = show(store, ref)
    store.delete_document(doc.doc_id)
    sync_index(store)
    return row


def as_json(row: DocInfo, doc: DocumentRecord | None = None) -> dict[str, Any]:
    data = row.model_dump()
    if doc is not None:
        data["text"] = doc.text
        data["author"] = doc.author
        data["flagged_spans"] = [list(s) for s in doc.flagged_spans]
        data["page_spans"] = [list(s) for s in doc.page_spans]
    return data
