"""The lexical index's chunk rows (chunk id, document id, character offsets, position), held as columns.

Every question maps Chroma's nearest chunk ids to index rows and index rows back to chunks, so each reader
holds one row per chunk. As Python tuples read from JSON that was ~28 MB of objects at 100k chunks, and
parsing the 7 MB file left ~110 MB resident in every serving process (the parser's short-lived strings
fragment the heap, which the allocator does not give back). As numpy columns it is ~4 MB, read in one go.

A generation written before this format (rows.json) is still read; the next sync rewrites it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

FILE = "rows.npz"  # columns: chunk ids and document ids (utf-8), offsets and positions (int32)
LEGACY = "rows.json"

Row = tuple[str, str, int, int, int]  # chunk_id, doc_id, char_start, char_end, index


class RowTable:
    """A read-only sequence of rows that also finds a chunk id's row (binary search over a sorted order)."""

    def __init__(self, chunk_ids: np.ndarray, doc_of: np.ndarray, doc_ids: np.ndarray, spans: np.ndarray) -> None:
        self._ids = chunk_ids  # (n,) bytes
        self._doc_of = doc_of  # (n,) int32 index into doc_ids
        self._doc_ids = doc_ids  # (d,) bytes
        self._spans = spans  # (n, 3) int32: char_start, char_end, index
        self._order = np.argsort(chunk_ids, kind="stable").astype(np.int32)
        self._sorted = chunk_ids[self._order]

    @classmethod
    def from_rows(cls, rows: Iterable[Row]) -> RowTable:
        rows = list(rows)
        docs = list(dict.fromkeys(r[1] for r in rows))
        at = {d: i for i, d in enumerate(docs)}
        return cls(
            chunk_ids=ids_column([r[0] for r in rows]),
            doc_of=np.fromiter((at[r[1]] for r in rows), dtype=np.int32, count=len(rows)),
            doc_ids=ids_column(docs),
            spans=np.array([r[2:5] for r in rows], dtype=np.int32).reshape(len(rows), 3),
        )

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, i: int) -> Row:
        start, end, index = self._spans[i]
        doc = self._doc_ids[self._doc_of[i]].decode("utf-8")
        return self._ids[i].decode("utf-8"), doc, int(start), int(end), int(index)

    def __iter__(self) -> Iterator[Row]:
        return (self[i] for i in range(len(self)))

    def find(self, chunk_id: str) -> int | None:
        """The row of a chunk id, or None when this generation does not hold it."""
        return self.find_many([chunk_id]).get(chunk_id)

    def find_many(self, chunk_ids: list[str]) -> dict[str, int]:
        """The rows of those chunk ids this generation holds, in one search (a question looks up ~64)."""
        if not len(self) or not chunk_ids:
            return {}
        at, hit = search(self._sorted, chunk_ids)
        return {c: int(r) for c, r, h in zip(chunk_ids, self._order[at].tolist(), hit.tolist(), strict=True) if h}

    def chunk_id(self, i: int) -> str:
        return str(self._ids[i].decode("utf-8"))

    def write(self, path: Path) -> None:
        with open(path / FILE, "wb") as fh:
            np.savez(fh, ids=self._ids, doc_of=self._doc_of, doc_ids=self._doc_ids, spans=self._spans)


def read(path: Path) -> RowTable:
    """A generation's rows; FileNotFoundError when the generation is gone (a writer replaced it meanwhile)."""
    if not (path / FILE).exists() and (path / LEGACY).exists():
        return RowTable.from_rows(tuple(r) for r in json.loads((path / LEGACY).read_text(encoding="utf-8")))
    with np.load(path / FILE, allow_pickle=False) as z:
        return RowTable(z["ids"], z["doc_of"], z["doc_ids"], z["spans"])


def current_format(path: Path) -> bool:
    """Whether a generation's rows are in this module's format (else the next sync rewrites them)."""
    return (path / FILE).exists()


def ids_column(values: list[str]) -> np.ndarray:
    """Strings as one fixed-width bytes column; numpy's 'S' strips trailing NULs only, which utf-8 text lacks."""
    return np.array([v.encode("utf-8") for v in values], dtype=bytes) if values else np.array([], dtype="S1")


def search(sorted_ids: np.ndarray, ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Where each id sits in a sorted, non-empty ids column, and whether it is there (one binary search for all;
    the row tables here and the article records in doc_table.py find ids this way)."""
    keys = ids_column(ids)
    at = np.minimum(np.searchsorted(sorted_ids, keys), len(sorted_ids) - 1)
    return at, sorted_ids[at] == keys
