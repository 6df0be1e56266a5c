"""Documents fetched from the store when a question needs them, kept in a bounded cache.

Answering needs the full text of the few articles a question touches (sentence splitting, speakers
named earlier in the article, verbatim checks); it never needs the rest. So a serving process holds
at most `size` articles, whatever the archive's size, and asks Chroma for the others by id.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable

from bot.components.store import Store
from bot.models import DocumentRecord

DEFAULT_SIZE = 1024  # articles; a few MB of text


class DocumentCache:
    """A read-through LRU over `Store.get_documents`; a missing id (uncommitted or removed) is None."""

    def __init__(self, store: Store, size: int = DEFAULT_SIZE) -> None:
        self.store = store
        self.size = size
        self._docs: OrderedDict[str, DocumentRecord] = OrderedDict()
        self._lock = threading.Lock()  # web workers share one cache

    def fetch(self, doc_ids: Iterable[str]) -> dict[str, DocumentRecord]:
        """The committed documents among `doc_ids`, with one store read for those not cached."""
        wanted = list(dict.fromkeys(doc_ids))
        with self._lock:
            found = {d: self._docs[d] for d in wanted if d in self._docs}
            for d in found:
                self._docs.move_to_end(d)
        missing = [d for d in wanted if d not in found]
        if missing:
            got = self.store.get_documents(missing)
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
