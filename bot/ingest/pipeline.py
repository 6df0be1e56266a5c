"""ingest_paths: files -> clean documents -> chunks -> store, one document at a time.

Each document is committed whole (see Store.add_document), so an error or a
kill mid-run loses at most the file in hand, never corrupts what is stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel, Field
from tqdm import tqdm

from bot.components.store import Store
from bot.errors import BadInput
from bot.ingest.chunking import chunk_text
from bot.ingest.clean import clean_text
from bot.ingest.loaders import discover, load
from bot.ingest.metadata import detect_author, detect_date, detect_lang, detect_outlet
from bot.ingest.privacy import mask_pii
from bot.models import Chunk, DocumentRecord
from bot.settings import Settings
from bot.text.sentences import split_sentences
from bot.text.tokens import content_terms


class FileError(BaseModel):
    path: str
    reason: str


class IngestReport(BaseModel):
    files: int = 0
    added: int = Field(0, description="documents newly stored")
    replaced: int = Field(0, description="documents whose file changed; old chunks removed")
    skipped: int = Field(0, description="unchanged or duplicate documents")
    chunks_added: int = 0
    pii_masked: int = 0
    errors: list[FileError] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    documents: int = Field(0, description="documents in the store after the run")
    chunks: int = Field(0, description="chunks in the store after the run")
    doc_ids: list[str] = Field(default_factory=list)


def build_document(path: Path, settings: Settings) -> tuple[DocumentRecord, int, list[str]]:
    """Load, clean and mask one file; raises BadInput with the reason it cannot be an article."""
    raw = load(path, settings.max_file_bytes)
    raw.text, masked = mask_pii(raw.text)  # before anything else sees it, metadata included
    cleaned = clean_text(raw.text, title_hint=raw.meta.get("title"))
    if len(cleaned.body.split()) < 20:
        raise BadInput("no article text left after removing boilerplate")
    text = f"{cleaned.title}\n\n{cleaned.body}" if cleaned.title else cleaned.body
    title = cleaned.title
    doc = DocumentRecord(
        doc_id=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        text=text,
        title=title,
        outlet=detect_outlet(raw.text + "\n" + "\n".join(cleaned.tail), raw.meta.get("sitename")),
        url=raw.meta.get("url"),
        source=raw.source,
        published=detect_date(cleaned, raw.meta.get("date")),
        author=detect_author(cleaned, raw.meta.get("author")),
        lang=detect_lang(cleaned.body),
    )
    return doc, masked, raw.warnings


def ingest_paths(
    paths: Sequence[Path],
    store: Store,
    settings: Settings,
    progress: Callable[[str], None] | None = None,
    show_bar: bool = False,
) -> IngestReport:
    files, problems = discover([Path(p) for p in paths])
    report = IngestReport(files=len(files), errors=[FileError(path=p, reason=r) for p, r in problems])
    pending: list[tuple[DocumentRecord, list[Chunk], list[str]]] = []  # (doc, chunks, old doc ids to drop)

    def flush() -> None:
        """Embed the pending documents' chunks and sentences in one encoder batch, then commit each document."""
        spans = [split_sentences(doc.text) for doc, _, _ in pending]
        texts = [c.text for _, chunks, _ in pending for c in chunks]
        texts += [doc.text[s:e] for (doc, _, _), sents in zip(pending, spans, strict=True) for s, e in sents]
        vectors = store.embeddings.embed_documents(texts) if texts else []
        at_chunk, at_sent = 0, sum(len(chunks) for _, chunks, _ in pending)
        for (doc, chunks, previous), sents in zip(pending, spans, strict=True):
            terms = [" ".join(content_terms(c.text)) for c in chunks]  # stemmed once here, not at every start
            chunk_vectors = vectors[at_chunk : at_chunk + len(chunks)]
            sent_vectors = vectors[at_sent : at_sent + len(sents)]
            at_chunk += len(chunks)
            at_sent += len(sents)
            store.add_document(doc, chunks, chunk_vectors, terms, sents, sent_vectors)
            for old in previous:  # the file changed: its old version goes only after the new one is in
                store.delete_document(old)
        pending.clear()

    seen: set[str] = set()
    for i, path in enumerate(tqdm(files, desc="ingest", unit="file", disable=not show_bar or len(files) < 2)):
        if progress:
            progress(f"[{i + 1}/{len(files)}] {path}")
        try:
            doc, masked, warnings = build_document(path, settings)
        except BadInput as exc:
            report.errors.append(FileError(path=str(path), reason=str(exc)))
            continue
        except OSError as exc:
            report.errors.append(FileError(path=str(path), reason=exc.strerror or str(exc)))
            continue
        report.warnings += [f"{path}: {w}" for w in warnings]
        report.doc_ids.append(doc.doc_id)
        previous = [d for d in store.doc_ids_for_source(doc.source) if d != doc.doc_id]
        if doc.doc_id in seen or store.has_document(doc.doc_id):
            report.skipped += 1
            for old in previous:
                store.delete_document(old)
            continue
        seen.add(doc.doc_id)
        report.pii_masked += masked  # only for documents actually stored: a re-run reports nothing again
        chunks = chunk_text(doc.doc_id, doc.text, settings.chunk_size, settings.chunk_overlap)
        pending.append((doc, chunks, previous))
        report.chunks_added += len(chunks)
        report.added += 1 if not previous else 0
        report.replaced += 1 if previous else 0
        # the encoder is fastest on batches; documents are still committed one by one
        if sum(len(c) for _, c, _ in pending) >= settings.embed_batch_size:
            flush()
    flush()
    stats = store.stats()
    report.documents, report.chunks = stats["documents"], stats["chunks"]
    return report
