"""Each generation's copy of its articles (text and metadata), read by byte range.

A question needs the full text of the ~13 articles its top chunks belong to. Chroma keeps metadata and
documents as key/value rows: reading those 13 records by id took 2-5 ms of a ~35 ms question at 100k
chunks (the ids alone: 0.8 ms). A generation already stands for the committed documents when it was
published, so it carries their records: one file of JSON records and a small column table that finds
them. Readers use `os.pread` on a descriptor opened with the generation (no mapping: nothing of the file
stays resident in a serving process, and a generation deleted by a later writer stays readable), and
the store remains the source of truth: a generation without the table is read from Chroma, and the next
sync writes it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from bot.components.records import record_from_meta
from bot.components.store import Store
from bot.models import DocumentRecord
from bot.retrieval.row_table import ids_column, search

DATA = "doc_records.bin"  # utf-8 JSON objects {"text", "meta"}, back to back
INDEX = "doc_records.npz"  # columns: sorted doc ids (utf-8), byte offsets and lengths (int64)

Record = tuple[str, bytes]  # doc_id, its JSON record


def encode(text: str, meta: Any) -> bytes:
    return json.dumps({"text": text, "meta": dict(meta or {})}, ensure_ascii=False).encode("utf-8")


class DocTable:
    """Finds a document id's record (binary search over sorted ids) and reads it from the data file."""

    def __init__(self, path: Path) -> None:
        with np.load(path / INDEX, allow_pickle=False) as z:
            self._ids, self._at, self._len = z["ids"], z["at"], z["len"]
        self._fh = open(path / DATA, "rb", buffering=0)  # noqa: SIM115 - lives as long as the generation

    def __len__(self) -> int:
        return len(self._ids)

    def raw(self, doc_ids: list[str]) -> Iterator[Record]:
        """The stored records of those ids this table holds, in the order asked."""
        if not len(self._ids) or not doc_ids:
            return
        pos, hit = search(self._ids, doc_ids)
        for doc_id, p, h in zip(doc_ids, pos.tolist(), hit.tolist(), strict=True):
            if h:
                yield doc_id, os.pread(self._fh.fileno(), int(self._len[p]), int(self._at[p]))

    def get_many(self, doc_ids: list[str]) -> dict[str, DocumentRecord]:
        """The records this table holds and can read; an unreadable one (a damaged file) is left out, so the
        caller reads that article from the store instead of failing the question."""
        out = {}
        for doc_id, blob in self.raw(doc_ids):
            try:
                rec = json.loads(blob)
                out[doc_id] = record_from_meta(doc_id, rec["text"], rec["meta"])
            except (ValueError, KeyError, TypeError):
                continue
        return out


def carried(store: Store, doc_ids: list[str], new: set[str], old: DocTable | None) -> Iterator[Record]:
    """Every kept document's record out of the previous generation (when it has them), the others out of the
    store, a page at a time."""
    have: set[str] = set()
    if old is not None:
        for doc_id, blob in old.raw([d for d in doc_ids if d not in new]):
            have.add(doc_id)
            yield doc_id, blob
    # new documents, and a kept one the old table lacked (or every one, without a table), come from the store
    missing = [d for d in doc_ids if d not in have]
    for doc_id, text, meta in store.document_rows(missing):
        yield doc_id, encode(text, meta)


def write(path: Path, records: Iterable[Record]) -> int:
    """Write the records (streamed: an archive's texts never sit in memory at once); returns how many."""
    ids: list[str] = []
    at: list[int] = []
    lengths: list[int] = []
    offset = 0
    with open(path / DATA, "wb") as fh:
        for doc_id, blob in records:
            fh.write(blob)
            ids.append(doc_id)
            at.append(offset)
            lengths.append(len(blob))
            offset += len(blob)
    column = ids_column(ids)
    order = np.argsort(column, kind="stable")
    with open(path / INDEX, "wb") as fh:
        np.savez(
            fh,
            ids=column[order],
            at=np.array(at, dtype=np.int64)[order],
            len=np.array(lengths, dtype=np.int64)[order],
        )
    return len(ids)


def read(path: Path) -> DocTable | None:
    """A generation's table, or None when it was written before generations carried one."""
    if not (path / INDEX).exists():
        return None
    return DocTable(path)
