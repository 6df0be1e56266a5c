"""ingest_paths: files -> clean documents -> chunks -> store, one document at a time.

Each document is committed whole (see Store.add_document), so an error or a
kill mid-run loses at most the file in hand, never corrupts what is stored.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel, Field
from tqdm import tqdm

from bot.components.store import Store
from bot.errors import BadInput
from bot.ingest.chunking import chunk_text
from bot.ingest.clean import clean_text
from bot.ingest.datelines import DatelineVotes
from bot.ingest.fetch import fetch_url, is_url
from bot.ingest.injection import find_injections
from bot.ingest.loaders import discover, load
from bot.ingest.metadata import detect_author, detect_date, detect_lang, detect_outlet
from bot.ingest.pdf import PdfDoc, page_spans
from bot.ingest.privacy import mask_pii
from bot.logs import where
from bot.models import Chunk, DocumentRecord
from bot.retrieval.lexical_index import known_outlets, sync_index
from bot.settings import Settings
from bot.text.sentences import split_sentences
from bot.text.tokens import content_terms

_WORD = re.compile(r"[^\W\d_]{2,}")
log = logging.getLogger(__name__)


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
    flagged: int = Field(0, description="documents carrying text addressed to an AI system (refused with --strict)")
    errors: list[FileError] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    documents: int = Field(0, description="documents in the store after the run")
    chunks: int = Field(0, description="chunks in the store after the run")
    doc_ids: list[str] = Field(default_factory=list)


def _is_sentence(text: str) -> bool:
    """Three words or more that end like a sentence, or eight words or more: a news item, not a menu or a label."""
    words = [w for w in text.split() if _WORD.search(w)]
    return len(words) >= 3 and (text.rstrip("\"'”’)»").endswith((".", "!", "?", "…")) or len(words) >= 8)


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text) if _is_sentence(text[s:e])]


def _body(body: str, title: str | None, raw_text: str) -> tuple[str, list[str]]:
    """The article body: the cleaner's, or, when it removed every sentence, the raw text's sentences.

    A one-sentence news item is an article too; only a file without any sentence is refused.
    """
    if _sentences(body):
        return body, []
    lines = [" ".join(line.split()) for line in raw_text.splitlines()]
    kept = [s for s in _sentences("\n\n".join(x for x in lines if x)) if s.lower() != (title or "").strip().lower()]
    if not kept:
        raise BadInput("no article text left after removing boilerplate")
    return "\n\n".join(kept), [f"the cleaner removed every sentence; kept the raw text's {len(kept)} sentence(s)"]


def build_document(
    path: Path | str, settings: Settings, votes: DatelineVotes | None = None
) -> tuple[DocumentRecord, int, list[str]]:
    """Load (or fetch, for an http(s) URL), clean and mask one file; raises BadInput with the reason it cannot
    be an article.

    Sentences addressed to an AI system are found here and recorded in `flagged_spans` (never quoted).
    `votes`: the batch's dateline counts, which this page joins (its outlet may be decided again at commit).
    """
    raw = fetch_url(path, settings) if is_url(path) else load(Path(path), settings.max_file_bytes)
    raw.text, masked = mask_pii(raw.text)  # before anything else sees it, metadata included
    cleaned = clean_text(raw.text, title_hint=raw.meta.get("title"))
    body, notes = _body(cleaned.body, cleaned.title, raw.text)
    raw.warnings += list(cleaned.warnings) + notes
    text = f"{cleaned.title}\n\n{body}" if cleaned.title else body
    title = cleaned.title
    outlet_text = raw.text + "\n" + "\n".join(cleaned.tail)
    sitename, url = raw.meta.get("sitename"), raw.meta.get("url")
    doc = DocumentRecord(
        doc_id=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        text=text,
        title=title,
        outlet=detect_outlet(outlet_text, sitename, url, votes.partners if votes else None),
        url=raw.meta.get("url"),
        source=raw.source,
        published=detect_date(cleaned, raw.meta.get("date")),
        author=detect_author(cleaned, raw.meta.get("author")),
        lang=detect_lang(body),
        flagged_spans=find_injections(text),
        page_spans=page_spans(text, raw.pages) if isinstance(raw, PdfDoc) else [],
    )
    if votes is not None:
        votes.note(doc.doc_id, outlet_text, sitename, url)
    return doc, masked, raw.warnings


def ingest_paths(
    paths: Sequence[Path | str],
    store: Store,
    settings: Settings,
    progress: Callable[[str], None] | None = None,
    show_bar: bool = False,
    strict: bool = False,
    sources: Mapping[str, str] | None = None,
) -> IngestReport:
    """Ingest files, folders and http(s) URLs; `strict` refuses documents with flagged spans instead of storing
    them flagged. `sources` maps a path as given to the name stored as its source (an upload's own file name
    rather than the server's scratch path)."""
    found, problems = discover([Path(p) for p in paths if not is_url(p)])
    files: list[Path | str] = [*found, *(str(p).strip() for p in paths if is_url(p))]
    names = {str(k): v for k, v in (sources or {}).items()}
    report = IngestReport(files=len(files))

    def refuse(path: Path | str, reason: str) -> None:
        """A file the report lists as refused, with the same reason in the log."""
        report.errors.append(FileError(path=str(path), reason=reason))
        log.warning("refused %s: %s", where(path), reason)

    for p, r in problems:
        refuse(p, r)
    pending: list[tuple[DocumentRecord, list[Chunk], list[str]]] = []  # (doc, chunks, old doc ids to drop)
    votes = DatelineVotes(known_outlets(store.settings))

    def flush() -> None:
        """Embed the pending documents' chunks and sentences in one encoder batch, then commit each document."""
        spans = [split_sentences(doc.text) for doc, _, _ in pending]
        texts = [c.text for _, chunks, _ in pending for c in chunks]
        texts += [doc.text[s:e] for (doc, _, _), sents in zip(pending, spans, strict=True) for s, e in sents]
        vectors = store.embeddings.embed_documents(texts) if texts else []
        at_chunk, at_sent = 0, sum(len(chunks) for _, chunks, _ in pending)
        for (doc, chunks, previous), sents in zip(pending, spans, strict=True):
            doc.outlet = votes.decide(doc.doc_id) or doc.outlet  # with the datelines seen so far
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
            doc, masked, warnings = build_document(path, settings, votes)
            if str(path) in names:
                doc.source = names[str(path)]
        except BadInput as exc:
            refuse(path, str(exc))
            continue
        except OSError as exc:
            refuse(path, exc.strerror or str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - one unreadable file must not stop the others
            report.errors.append(FileError(path=str(path), reason=_one_line(f"could not be read: {exc!r}")))
            log.warning("refused %s: could not be read (%s)", where(path), type(exc).__name__, exc_info=True)
            continue
        if doc.flagged_spans:
            report.flagged += 1
            n = len(doc.flagged_spans)
            if strict:
                s, e = doc.flagged_spans[0]
                why = f"refused (--strict): {n} span(s) addressed to an AI system, e.g. “{doc.text[s:e]}”"
                report.errors.append(FileError(path=str(path), reason=_one_line(why)))
                log.warning("refused %s (--strict): %d span(s) addressed to an AI system", where(path), n)
                votes.forget(doc.doc_id)
                continue
            warnings.append(f"flagged {n} span(s) addressed to an AI system")
            log.warning("flagged %s: %d span(s) addressed to an AI system (stored, never quoted)", where(path), n)
        report.warnings += [f"{path}: {w}" for w in warnings]
        for w in warnings:
            log.info("%s: %s", where(path), w)
        report.doc_ids.append(doc.doc_id)
        previous = [d for d in store.doc_ids_for_source(doc.source) if d != doc.doc_id]
        if doc.doc_id in seen or store.has_document(doc.doc_id):
            report.skipped += 1
            votes.forget(doc.doc_id)  # its dateline still counts; nothing of it is committed
            log.info("skipped %s: unchanged or a duplicate of stored document %s", where(path), doc.doc_id)
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
        if previous:
            log.info(
                "replaced %s: changed file, document %s supersedes %s", where(path), doc.doc_id, ", ".join(previous)
            )
        else:
            log.info("accepted %s: document %s, %d chunk(s), lang %s", where(path), doc.doc_id, len(chunks), doc.lang)
        # the encoder is fastest on batches; documents are still committed one by one
        if sum(len(c) for _, c, _ in pending) >= settings.embed_batch_size:
            flush()
    flush()
    for doc_id, outlet in votes.revisit().items():  # the first pages' datelines, with the whole batch counted
        store.set_outlet(doc_id, outlet)
    if progress and (report.added or report.replaced):
        progress("updating the lexical index")
    sync_index(store)  # also heals an index left behind by an interrupted run (a no-op when in step)
    counts = store.counts()
    report.documents, report.chunks = counts["documents"], counts["chunks"]
    log.info(
        "ingest: %d file(s), %d added, %d replaced, %d skipped, %d refused; %d document(s) in the store",
        report.files,
        report.added,
        report.replaced,
        report.skipped,
        len(report.errors),
        report.documents,
    )
    return report


def _one_line(text: str, limit: int = 160) -> str:
    """Reasons are shown one per line: no line breaks, and long quotes cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
