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

import bm25s
import numpy as np

from bot.components.store import Store
from bot.evidence.vocab import WORD
from bot.retrieval import sentence_table
from bot.retrieval.sentence_table import SentenceTable
from bot.text.tokens import content_terms, stem
from bot.text.tokens import words as token_words

KEEP_GENERATIONS = 2  # a reader that opened the previous generation a moment ago can still finish


@dataclass
class Snapshot:
    """One generation as a reader holds it: the BM25 matrices (memory-mapped) and small statistics."""

    generation: str
    rows: list[tuple[str, str, int, int, int]]  # chunk_id, doc_id, char_start, char_end, index
    bm25: Any
    idf: dict[str, float]
    words: frozenset[str]
    stems: dict[str, str]
    langs: Counter[str]
    documents: int
    sentences: SentenceTable | None = None  # stored sentence vectors, read by row (sentence_table.py)
    row_of: dict[str, int] = field(default_factory=dict)
    idf_max: float = 1.0

    def __post_init__(self) -> None:
        self.row_of = {r[0]: i for i, r in enumerate(self.rows)}
        self.idf_max = max(self.idf.values(), default=1.0)

    @property
    def corpus_lang(self) -> str:
        return self.langs.most_common(1)[0][0] if self.langs else "id"

    def scores(self, groups: list[set[str]]) -> np.ndarray:
        """BM25 score of every row for the query's terms, each a group of (already stemmed) alternatives: a
        row scores a group's best alternative, not their sum, so a word with ten translations weighs as much as
        a word with one. Zeros when no alternative is in the vocabulary.

        Read from the rows that hold each term (the index's precomputed columns; the index is built with
        bm25s's default method, which gives absent terms no score), not from a dense array per term: at 100k
        chunks a question's ~15 terms made ~15 arrays of 100k floats."""
        total = np.zeros(len(self.rows), dtype=np.float32)
        if self.bm25 is None:
            return total
        data, indices, indptr = (self.bm25.scores[k] for k in ("data", "indices", "indptr"))
        vocab = self.bm25.vocab_dict
        for group in groups:
            ids = sorted({int(vocab[t]) for t in group if t in vocab})
            cols = [(indices[indptr[i] : indptr[i + 1]], data[indptr[i] : indptr[i + 1]]) for i in ids]
            if len(cols) == 1:
                total[cols[0][0]] += cols[0][1]  # a column's rows are distinct
            elif cols:
                rows = np.concatenate([r for r, _ in cols])
                vals = np.concatenate([v for _, v in cols])
                order = np.lexsort((-vals, rows))  # by row, best alternative first
                rows, vals = rows[order], vals[order]
                first = np.r_[True, rows[1:] != rows[:-1]]
                total[rows[first]] += vals[first]
        return total


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
            if gen and not gone and not new and old_table is not None:
                return False
            state = _State(
                rows=[r for r in old.rows if r[1] not in gone],
                terms=[t for r, t in zip(old.rows, old.terms, strict=True) if r[1] not in gone],
                docs={d: m for d, m in old.docs.items() if d not in gone},
            )
            for doc_id, rows, terms in _chunks_of(store, new):
                state.rows += rows
                state.terms += terms
                state.docs[doc_id] = {"lang": str(committed[doc_id].get("lang") or "")}
            if gone or not gen:  # words cannot be subtracted without counts: a removal re-reads them
                state.words, tokens = _words(store.doc_texts())
            else:
                state.words, tokens = _words(store.doc_texts(new))
                state.words |= old.words
                tokens |= set(old.stems)
            # stems of the corpus's words, carried over where known: only new words meet the stemmer
            state.stems = {t: old.stems[t] if t in old.stems else stem(t) for t in tokens}
            # sentence vectors: kept documents' rows carried over, the others read out of the store (all of
            # them when the previous generation predates the table)
            if old_table is None:
                state.sentences = list(sentence_table.fetch(store, list(state.docs)))
            else:
                kept = [p for d in state.docs if (p := old_table.part(d)) is not None]  # new ones have no rows
                state.sentences = [*kept, *sentence_table.fetch(store, new)]
            self._publish(state)
            return True

    def _publish(self, state: _State) -> None:
        name = f"gen-{time.time_ns()}"
        tmp = self.root / f".{name}.tmp"
        tmp.mkdir()
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


def _words(texts: Iterator[str]) -> tuple[set[str], set[str]]:
    """The lower-cased word set the "is this name anywhere?" check reads (bot/evidence/vocab.py), and the
    lower-cased tokens worth a persisted stem (the tokeniser's words, longer than three letters)."""
    out: set[str] = set()
    tokens: set[str] = set()
    for text in texts:
        low = text.lower()
        out.update(WORD.findall(low))
        tokens.update(t for t in token_words(low) if len(t) > 3 and not t[0].isdigit())
    return out, tokens


def _write(path: Path, state: _State) -> None:
    corpus = [t.split() or ["_"] for t in state.terms]
    if corpus:
        bm25 = bm25s.BM25()
        bm25.index(corpus, show_progress=False)
        bm25.save(str(path / "bm25"), show_progress=False)
    df = Counter(t for toks in corpus for t in set(toks))
    n = len(corpus)
    idf = {t: float(np.log(1 + n / c)) for t, c in df.items()}
    (path / "rows.json").write_text(json.dumps(state.rows), encoding="utf-8")
    (path / "terms.txt").write_text("\n".join(state.terms), encoding="utf-8")
    (path / "idf.json").write_text(json.dumps(idf, ensure_ascii=False), encoding="utf-8")
    (path / "words.txt").write_text("\n".join(sorted(state.words)), encoding="utf-8")
    (path / "docs.json").write_text(json.dumps(state.docs), encoding="utf-8")
    (path / "stems.json").write_text(json.dumps(state.stems, ensure_ascii=False), encoding="utf-8")
    sentence_table.write(path, state.sentences)


def _rows(path: Path) -> list[tuple[str, str, int, int, int]]:
    return [tuple(r) for r in json.loads((path / "rows.json").read_text(encoding="utf-8"))]


def _word_set(path: Path) -> frozenset[str]:
    return frozenset((path / "words.txt").read_text(encoding="utf-8").split("\n")) - {""}


def _docs(path: Path) -> dict[str, dict[str, str]]:
    return dict(json.loads((path / "docs.json").read_text(encoding="utf-8")))


def _read_state(path: Path) -> _State:
    """What the next sync builds on, including the per-row stems that readers never need."""
    rows = _rows(path)
    terms = (path / "terms.txt").read_text(encoding="utf-8").split("\n") if rows else []
    return _State(rows=rows, terms=terms, docs=_docs(path), words=_word_set(path), stems=_stems(path))


def _stems(path: Path) -> dict[str, str]:
    try:
        return dict(json.loads((path / "stems.json").read_text(encoding="utf-8")))
    except FileNotFoundError:  # a generation written before stems were persisted
        return {}


def _read(path: Path, gen: str) -> Snapshot:
    """A generation as readers hold it: BM25 memory-mapped, small statistics in memory."""
    rows = _rows(path)
    bm25 = bm25s.BM25.load(str(path / "bm25"), mmap=True, show_progress=False) if rows else None
    docs = _docs(path)
    return Snapshot(
        generation=gen,
        rows=rows,
        bm25=bm25,
        idf=json.loads((path / "idf.json").read_text(encoding="utf-8")),
        words=_word_set(path),
        stems=_stems(path),
        langs=Counter(m.get("lang") or "id" for m in docs.values()),
        documents=len(docs),
        sentences=sentence_table.read(path),
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
