"""Documents fetched from the store when a question needs them, kept in a bounded cache.

Answering needs the full text of the few articles a question touches (sentence splitting, speakers
named earlier in the article, verbatim checks); it never needs the rest. So a serving process holds
at most `size` articles, whatever the archive's size, and reads the others by id: out of the index
generation's copy (bot/retrieval/doc_table.py, ~0.3 ms for a question's articles), else out of Chroma
(2-5 ms at 100k chunks).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable

from bot.components.store import Store
from bot.models import DocumentRecord
from bot.retrieval.doc_table import DocTable

DEFAULT_SIZE = 1024  # articles; a few MB of text


class DocumentCache:
    """A read-through LRU over the generation's records and `Store.get_documents`; a missing id (uncommitted or
    removed) is None."""

    def __init__(self, store: Store, size: int = DEFAULT_SIZE, table: DocTable | None = None) -> None:
        self.store = store
        self.table = table  # the index generation's copy of its articles, when it has one
        self.size = size
        self._docs: OrderedDict[str, DocumentRecord] = OrderedDict()
        self._lock = threading.Lock()  # web workers share one cache

    def fetch(self, doc_ids: Iterable[str]) -> dict[str, DocumentRecord]:
        """The committed documents among `doc_ids`, with one read for those not cached."""
        wanted = list(dict.fromkeys(doc_ids))
        with self._lock:
            found = {d: self._docs[d] for d in wanted if d in self._docs}
            for d in found:
                self._docs.move_to_end(d)
        missing = [d for d in wanted if d not in found]
        got = self.table.get_many(missing) if missing and self.table is not None else {}
        rest = [d for d in missing if d not in got]
        if rest:  # added since the generation was written, or a generation without a copy
            got.update(self.store.get_documents(rest))
        if got:
            found.update(got)
            with self._lock:
                self._docs.update(got)
                while len(self._docs) > self.size:
                    self._docs.popitem(last=False)
        return found

    def get(self, doc_id: str) -> DocumentRecord | None:
        return self.fetch([doc_id]).get(doc_id)

    def __getitem__(self, doc_id: str) -> DocumentRecord:
        doc = self.get(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        return doc

    def __contains__(self, doc_id: object) -> bool:
        return isinstance(doc_id, str) and self.get(doc_id) is not None
