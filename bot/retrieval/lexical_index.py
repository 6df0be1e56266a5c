"""The lexical side of the store, persisted next to it: BM25 over stems, per-stem idf, the corpus's word set.

A serving process must not read every article to answer one question: with 100k chunks that takes
seconds, memory that grows with the archive, and a copy in every web worker. So the index is built
when the corpus changes (after an ingest or a removal, by whichever process changed it), written as
a new *generation* directory, and published by atomically replacing the `CURRENT` file. Readers
memory-map the BM25 matrices and notice a new generation by reading `CURRENT` once per question, so several
`factbot serve` processes sharing one Chroma server and one index directory stay in step.

A sync is incremental in what it reads: only documents the index does not know yet are fetched
(their chunks' stored stems and their text for the word set); a removal re-reads the word set. The
BM25 matrices themselves are rebuilt from the persisted stems (bm25s has no incremental add), which
reads no article text (about 8 s per 100k chunks on 2 cores).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bot.components.store import Store
from bot.evidence.vocab import WORD
from bot.retrieval import doc_table, row_table, sentence_table
from bot.retrieval.bm25_columns import Bm25Columns, build
from bot.retrieval.doc_table import DocTable
from bot.retrieval.row_table import RowTable
from bot.retrieval.sentence_table import SentenceTable
from bot.text.tokens import content_terms, stem
from bot.text.tokens import words as token_words

KEEP_GENERATIONS = 2  # a reader that opened the previous generation a moment ago can still finish


@dataclass
class Snapshot:
    """One generation as a reader holds it: the BM25 matrices (memory-mapped) and small statistics."""

    generation: str
    rows: RowTable  # chunk_id, doc_id, char_start, char_end, index; `rows.find(chunk_id)` gives the row
    bm25: Bm25Columns | None
    idf: dict[str, float]
    words: frozenset[str]
    stems: dict[str, str]
    langs: Counter[str]
    outlets: tuple[str, ...]  # every outlet named by a document, sorted (the page's corpus line)
    documents: int
    sentences: SentenceTable | None = None  # stored sentence vectors, read by row (sentence_table.py)
    records: DocTable | None = None  # the articles' texts and metadata, read by id (doc_table.py)
    idf_max: float = 1.0

    def __post_init__(self) -> None:
        self.idf_max = max(self.idf.values(), default=1.0)

    @property
    def corpus_lang(self) -> str:
        return self.langs.most_common(1)[0][0] if self.langs else "id"

    def scores(self, groups: list[set[str]]) -> np.ndarray:
        """BM25 score of every row for the query's term groups (bot/retrieval/bm25_columns.py)."""
        if self.bm25 is None:
            return np.zeros(len(self.rows), dtype=np.float32)
        return self.bm25.scores(groups, len(self.rows))


def index_dir(settings: Any) -> Path:
    if settings.lexical_dir:
        return Path(settings.lexical_dir)
    return Path(settings.persist_dir) / f"lexical-{settings.collection}"


def sync_index(store: Store) -> bool:
    """Bring the store's lexical index in line with its committed documents (after an ingest or a removal)."""
    return LexicalIndex(index_dir(store.settings)).sync(store)


class LexicalIndex:
    """Reads and writes the generations under one directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._current: tuple[tuple[int, int, int, int], str | None] | None = None

    # ---- reading -------------------------------------------------------------
    def current(self) -> str | None:
        """The published generation. CURRENT is only ever replaced whole (a new file, os.replace), so its inode
        and mtime tell whether it changed: one stat per call, the file read only when it did (asked several
        times per question, reading it was 5% of a loaded server's time)."""
        path = self.root / "CURRENT"
        try:
            st = os.stat(path)
            key = (st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_size)
            if self._current is not None and self._current[0] == key:
                return self._current[1]
            value = path.read_text(encoding="utf-8").strip() or None
        except FileNotFoundError:
            return None
        self._current = (key, value)
        return value

    def load(self) -> Snapshot | None:
        for attempt in range(3):
            gen = self.current()
            if gen is None:
                return None
            try:
                return _read(self.root / gen, gen)
            except FileNotFoundError:  # a writer published twice while this read: that generation is gone
                if attempt == 2:
                    raise
        return None

    def outdated(self, snap: Snapshot) -> bool:
        """Whether a generation lacks what this version writes (a sentence table, rows as columns): the next
        sync rewrites it."""
        return self._outdated(self.root / snap.generation)

    @staticmethod
    def _outdated(path: Path) -> bool:
        has = (path / sentence_table.DOCS).exists() and (path / doc_table.INDEX).exists()
        return not (has and row_table.current_format(path))

    # ---- writing -------------------------------------------------------------
    def sync(self, store: Store) -> bool:
        """Bring the index in line with the store's committed documents; True when a new generation was written."""
        self.root.mkdir(parents=True, exist_ok=True)
        with locked(self.root / "lock"):
            gen = self.current()
            old = _read_state(self.root / gen) if gen else _State()
            old_table = sentence_table.read(self.root / gen) if gen else None
            committed = {doc_id: meta for doc_id, meta in store.doc_metas()}
            gone = set(old.docs) - set(committed)
            new = [d for d in committed if d not in old.docs]
            if gen and not gone and not new and not self._outdated(self.root / gen):
                return False
            state = _State(
                rows=[r for r in old.rows if r[1] not in gone],
                terms=[t for r, t in zip(old.rows, old.terms, strict=True) if r[1] not in gone],
                docs={d: _doc_entry(committed[d]) for d in old.docs if d not in gone},
            )
            for doc_id, rows, terms in _chunks_of(store, new):
                state.rows += rows
                state.terms += terms
                state.docs[doc_id] = _doc_entry(committed[doc_id])
            tmp = self.root / f".gen-{time.time_ns()}.tmp"
            tmp.mkdir()
            # the articles' records, streamed into the new generation; words cannot be subtracted without
            # counts, so a removal (or a first build) reads every text for them, an addition only the new ones
            old_docs = doc_table.read(self.root / gen) if gen else None
            reread = bool(gone) or not gen
            state.words, tokens = set() if reread else set(old.words), set() if reread else set(old.stems)
            records = _records(store, list(state.docs), set(new), old_docs)
            doc_table.write(tmp, _with_words(records, set(state.docs) if reread else set(new), state.words, tokens))
            # stems of the corpus's words, carried over where known: only new words meet the stemmer
            state.stems = {t: old.stems[t] if t in old.stems else stem(t) for t in tokens}
            # sentence vectors: kept documents' rows carried over, the others read out of the store (all of
            # them when the previous generation predates the table)
            if old_table is None:
                state.sentences = list(sentence_table.fetch(store, list(state.docs)))
            else:
                kept = [p for d in state.docs if (p := old_table.part(d)) is not None]  # new ones have no rows
                state.sentences = [*kept, *sentence_table.fetch(store, new)]
            self._publish(tmp, state)
            return True

    def _publish(self, tmp: Path, state: _State) -> None:
        name = tmp.name[1:].removesuffix(".tmp")
        _write(tmp, state)
        tmp.rename(self.root / name)
        pointer = self.root / ".CURRENT.tmp"
        pointer.write_text(name, encoding="utf-8")
        os.replace(pointer, self.root / "CURRENT")  # readers see the old generation or the new one, never half
        gens = sorted(p for p in self.root.glob("gen-*") if p.is_dir())
        for stale in gens[:-KEEP_GENERATIONS]:
            shutil.rmtree(stale, ignore_errors=True)


@dataclass
class _State:
    rows: list[tuple[str, str, int, int, int]] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # space-joined stems per row
    docs: dict[str, dict[str, str]] = field(default_factory=dict)
    words: set[str] | frozenset[str] = field(default_factory=set)
    stems: dict[str, str] = field(default_factory=dict)
    sentences: list[sentence_table.Part] = field(default_factory=list)


def _doc_entry(meta: dict[str, Any]) -> dict[str, str]:
    """What the index keeps of a document's metadata: its language (for the corpus language) and outlet (for
    the corpus line on the page, which must not read every record to say it)."""
    return {"lang": str(meta.get("lang") or ""), "outlet": str(meta.get("outlet") or "")}


def _chunks_of(store: Store, doc_ids: list[str]) -> Iterator[tuple[str, list[Any], list[str]]]:
    """(doc_id, rows, stems) of each new document, from the chunks' stored metadata (stems are computed
    at ingest; a store written before that gets them computed here from the chunk text)."""
    by_doc: dict[str, list[tuple[tuple[str, str, int, int, int], str]]] = {d: [] for d in doc_ids}
    for chunk_id, text, meta in store.chunks_of(doc_ids):
        doc_id = str(meta["doc_id"])
        if doc_id not in by_doc:
            continue
        terms = str(meta["terms"]) if "terms" in meta else " ".join(content_terms(text or ""))
        row = (chunk_id, doc_id, int(meta["char_start"]), int(meta["char_end"]), int(meta.get("index", 0)))
        by_doc[doc_id].append((row, terms))
    for doc_id, items in by_doc.items():
        items.sort(key=lambda x: x[0][4])
        yield doc_id, [r for r, _ in items], [t for _, t in items]


def _records(
    store: Store, doc_ids: list[str], new: set[str], old: doc_table.DocTable | None
) -> Iterator[doc_table.Record]:
    """Every kept document's record out of the previous generation (when it has them), the others out of the
    store, a page at a time."""
    from_old = [] if old is None else [d for d in doc_ids if d not in new]
    yield from old.raw(from_old) if old is not None else ()
    have = set(from_old) if old is not None else set()
    # a kept document the old table lacked (or every one, without a table) is read from the store
    missing = [d for d in doc_ids if d not in have]
    for doc_id, text, meta in store.document_rows(missing):
        yield doc_id, doc_table.encode(text, meta)


def _with_words(
    records: Iterator[doc_table.Record], wanted: set[str], out: set[str], tokens: set[str]
) -> Iterator[doc_table.Record]:
    """Pass the records on, adding the words of those in `wanted` to the word set the "is this name anywhere?"
    check reads (bot/evidence/vocab.py) and to the lower-cased tokens worth a persisted stem (the tokeniser's
    words, longer than three letters)."""
    for doc_id, blob in records:
        if doc_id in wanted:
            low = str(json.loads(blob)["text"]).lower()
            out.update(WORD.findall(low))
            tokens.update(t for t in token_words(low) if len(t) > 3 and not t[0].isdigit())
        yield doc_id, blob


def _write(path: Path, state: _State) -> None:
    corpus = [t.split() or ["_"] for t in state.terms]
    if corpus:
        build(path, corpus)
    df = Counter(t for toks in corpus for t in set(toks))
    n = len(corpus)
    idf = {t: float(np.log(1 + n / c)) for t, c in df.items()}
    RowTable.from_rows(state.rows).write(path)
    (path / "terms.txt").write_text("\n".join(state.terms), encoding="utf-8")
    (path / "idf.json").write_text(json.dumps(idf, ensure_ascii=False), encoding="utf-8")
    (path / "words.txt").write_text("\n".join(sorted(state.words)), encoding="utf-8")
    (path / "docs.json").write_text(json.dumps(state.docs), encoding="utf-8")
    (path / "stems.json").write_text(json.dumps(state.stems, ensure_ascii=False), encoding="utf-8")
    sentence_table.write(path, state.sentences)


def _word_set(path: Path) -> frozenset[str]:
    return frozenset((path / "words.txt").read_text(encoding="utf-8").split("\n")) - {""}


def _docs(path: Path) -> dict[str, dict[str, str]]:
    return dict(json.loads((path / "docs.json").read_text(encoding="utf-8")))


def _read_state(path: Path) -> _State:
    """What the next sync builds on, including the per-row stems that readers never need."""
    rows = list(row_table.read(path))
    terms = (path / "terms.txt").read_text(encoding="utf-8").split("\n") if rows else []
    return _State(rows=rows, terms=terms, docs=_docs(path), words=_word_set(path), stems=_stems(path))


def _stems(path: Path) -> dict[str, str]:
    try:
        return dict(json.loads((path / "stems.json").read_text(encoding="utf-8")))
    except FileNotFoundError:  # a generation written before stems were persisted
        return {}


def _read(path: Path, gen: str) -> Snapshot:
    """A generation as readers hold it: BM25 memory-mapped, small statistics in memory."""
    rows = row_table.read(path)
    bm25 = Bm25Columns(path) if len(rows) else None
    docs = _docs(path)
    return Snapshot(
        generation=gen,
        rows=rows,
        bm25=bm25,
        idf=json.loads((path / "idf.json").read_text(encoding="utf-8")),
        words=_word_set(path),
        stems=_stems(path),
        langs=Counter(m.get("lang") or "id" for m in docs.values()),
        outlets=tuple(sorted({o for m in docs.values() if (o := m.get("outlet"))})),
        documents=len(docs),
        sentences=sentence_table.read(path),
        records=doc_table.read(path),
    )


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock on a file: two processes ingesting at once take turns writing generations (and two
    evals of one suite take turns building its store)."""
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
