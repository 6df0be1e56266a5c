"""Sentence vectors persisted with each lexical index generation, read row by row.

Answering compares the question with the ~30 sentences of its top chunks, never with the rest. Yet
reading even one vector out of a Chroma collection makes the embedded client load that collection's
whole HNSW graph and vectors into the process: about 400 MB and half a second at 200k sentences, in
every web worker. So the index writer (bot/retrieval/lexical_index.py, after an ingest or a removal)
copies the sentence vectors out of Chroma into one float16 matrix per generation; a reader reads only
the rows a question needs (the OS page cache keeps them, shared between processes).

Chroma's sentence collection stays the record the table is built from, and what the plain baseline
searches; a store whose documents have no sentence vectors simply has no rows here, and the retriever
falls back to asking Chroma (or the embedder) for them.
"""

from __future__ import annotations

import json
import os
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from bot.components.store import Store

VECTORS = "sentences.f16"  # (n, dim) raw float16: a cosine moves by ~1e-3, far below what any threshold tells apart
SPANS = "sentence_spans.i32"  # (n, 2) raw int32 character offsets, rows grouped by document
DOCS = "sentence_docs.json"  # {"dim": dim, "docs": {doc_id: [first row, row count]}}

Part = tuple[str, np.ndarray, np.ndarray]  # doc_id, spans (k, 2), vectors (k, dim)


class SentenceTable:
    """One generation's table. Rows are read with pread, not through a memory map: a mapped file's pages
    count towards the process's memory and the kernel reads ahead around each one (a memory-mapped table
    had 116 MB resident after 20 questions); read this way, the rows live only in the shared page cache."""

    def __init__(self, path: Path, spans: np.ndarray, by_doc: dict[str, tuple[int, int]], dim: int) -> None:
        self.path = path
        self.spans = spans  # small: 8 bytes a sentence, kept in memory
        self.by_doc = by_doc
        self.dim = dim
        self._fd: int | None = None
        self._all: np.ndarray | None = None  # the whole matrix, mapped only by the index writer (see part)

    def __del__(self) -> None:
        if self._fd is not None:
            os.close(self._fd)

    def _rows(self, first: int, count: int) -> np.ndarray:
        """Rows first .. first+count-1 as float32, in one read."""
        if self._fd is None:
            self._fd = os.open(self.path / VECTORS, os.O_RDONLY)
        size = self.dim * 2
        raw = os.pread(self._fd, size * count, first * size)
        return np.frombuffer(raw, dtype=np.float16).reshape(count, self.dim).astype(np.float32)

    def vectors(self, keys: Iterable[tuple[str, int, int]]) -> dict[tuple[str, int, int], np.ndarray]:
        """Stored vectors (float32) of the given (doc_id, start, end) sentences that the table holds: one read
        per document, spanning the rows asked for (a document's rows are contiguous)."""
        wanted: dict[str, list[tuple[int, int]]] = {}
        for doc_id, start, end in keys:
            wanted.setdefault(doc_id, []).append((start, end))
        out = {}
        for doc_id, spans_asked in wanted.items():
            first, count = self.by_doc.get(doc_id, (0, 0))
            if not count:
                continue
            spans = self.spans[first : first + count].tolist()  # in text order
            at = {(s, e): bisect_left(spans, [s, e]) for s, e in spans_asked}
            found = {sp: i for sp, i in at.items() if i < count and spans[i] == list(sp)}
            if not found:
                continue
            lo, hi = min(found.values()), max(found.values())
            block = self._rows(first + lo, hi - lo + 1)
            for (s, e), i in found.items():
                out[(doc_id, s, e)] = block[i - lo]
        return out

    def vector(self, doc_id: str, start: int, end: int) -> np.ndarray | None:
        """The stored vector of one sentence (float32), or None when the table does not hold it."""
        return self.vectors([(doc_id, start, end)]).get((doc_id, start, end))

    def part(self, doc_id: str) -> Part | None:
        """One document's rows, to carry into the next generation (the index writer reads them all)."""
        first, count = self.by_doc.get(doc_id, (0, 0))
        if not count:
            return None
        if self._all is None:
            self._all = np.memmap(self.path / VECTORS, dtype=np.float16, mode="r", shape=(len(self.spans), self.dim))
        return doc_id, self.spans[first : first + count], np.array(self._all[first : first + count])


def read(path: Path) -> SentenceTable | None:
    """The generation's table; None for a generation written before tables existed."""
    try:
        meta = json.loads((path / DOCS).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if "docs" not in meta:  # an unknown layout: the next sync writes a fresh table
        return None
    by_doc = {d: (int(a), int(b)) for d, (a, b) in meta["docs"].items()}
    spans = np.fromfile(path / SPANS, dtype=np.int32).reshape(-1, 2) if by_doc else np.zeros((0, 2), np.int32)
    return SentenceTable(path, spans, by_doc, int(meta["dim"]))


def write(path: Path, parts: Iterable[Part]) -> None:
    """One generation's table from each document's rows (documents without sentences are left out)."""
    by_doc: dict[str, tuple[int, int]] = {}
    spans: list[np.ndarray] = []
    vectors: list[np.ndarray] = []
    row = 0
    for doc_id, s, v in parts:
        if len(s):
            by_doc[doc_id] = (row, len(s))
            spans.append(np.asarray(s, dtype=np.int32))
            vectors.append(np.asarray(v, dtype=np.float16))
            row += len(s)
    dim = vectors[0].shape[1] if vectors else 0
    if by_doc:
        np.concatenate(vectors).tofile(path / VECTORS)
        np.concatenate(spans).tofile(path / SPANS)
    (path / DOCS).write_text(json.dumps({"dim": dim, "docs": by_doc}), encoding="utf-8")


def fetch(store: Store, doc_ids: list[str]) -> Iterator[Part]:
    """Each document's sentence spans and vectors out of the store, in text order."""
    rows: dict[str, list[tuple[int, int, list[float]]]] = {d: [] for d in doc_ids}
    for doc_id, start, end, vector in store.sentences_of(doc_ids):
        if doc_id in rows:
            rows[doc_id].append((start, end, vector))
    for doc_id, items in rows.items():
        items.sort(key=lambda x: x[0])
        if items:
            spans = np.asarray([(s, e) for s, e, _ in items], dtype=np.int32)
            yield doc_id, spans, np.asarray([v for _, _, v in items], dtype=np.float16)
