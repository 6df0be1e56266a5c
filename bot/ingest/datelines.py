"""Which name of an "A, B - body" dateline is the outlet, learned from the corpus being ingested.

"Banda Aceh, Kompas - ..." and "Reuters, Surabaya - ..." have the same shape; nothing in one line says
which name is the place. Across a corpus it shows: an outlet datelines many places, while a place is
datelined by few outlets. So while a batch is ingested every such pair is counted, and each document's
outlet is decided when it is committed (bot/ingest/pipeline.py `flush`) by the name with more distinct
partners so far; the outlets the store already credits count as outlets. At the end of the batch the
documents committed early are looked at again with every pair counted (`revisit`). Page signals stay
first (a declared site name, the URL, a web suffix, the page's own chrome: bot/ingest/metadata.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.ingest.metadata import brand_name, dateline_pair, detect_outlet

KNOWN = 1_000_000  # an outlet the store already credits outweighs any count
LINES = 60  # a dateline opens the body, near the top of the page (as detect_outlet reads it)


class DatelineVotes:
    def __init__(self, known: Iterable[str] = ()) -> None:
        self._known = {k.lower() for k in known}
        self._partners: dict[str, set[str]] = {}
        # page -> its dateline pair and what detect_outlet reads, until the page is committed
        self._pending: dict[str, tuple[tuple[str, str], tuple[str, str | None, str | None]]] = {}
        self._decided: dict[str, tuple[str, str, str | None, str | None, str | None]] = {}  # see decide

    def partners(self, name: str) -> int:
        """Distinct names this one was datelined with so far (a known outlet: more than any)."""
        key = _key(name)
        return len(self._partners.get(key, ())) + (KNOWN if key in self._known else 0)

    def note(self, doc_id: str, text: str, declared: str | None = None, url: str | None = None) -> None:
        """Count the page's dateline pair, and keep what deciding its outlet needs until it is committed."""
        lines = [x.strip() for x in text.splitlines() if x.strip()][:LINES]
        pair = next((p for p in map(dateline_pair, lines) if p), None)
        if pair is None:
            return
        a, b = map(_key, pair)
        self._partners.setdefault(a, set()).add(b)
        self._partners.setdefault(b, set()).add(a)
        self._pending[doc_id] = (pair, (text, declared, url))

    def forget(self, doc_id: str) -> None:
        """A noted page that will not be committed (unchanged, a duplicate, refused): its pair stays counted."""
        self._pending.pop(doc_id, None)

    def decide(self, doc_id: str) -> str | None:
        """The outlet of a noted page with what the corpus has shown so far; None for a page without a pair."""
        pending = self._pending.pop(doc_id, None)
        if pending is None:
            return None
        (a, b), args = pending
        outlet = detect_outlet(*args, partners=self.partners)
        # what the page would say if either name had more partners: the votes decide it only when these differ
        if_a = detect_outlet(*args, partners=lambda n: int(n == a))
        if_b = detect_outlet(*args, partners=lambda n: int(n == b))
        if if_a != if_b:
            self._decided[doc_id] = (a, b, if_a, if_b, outlet)
        return outlet

    def revisit(self) -> dict[str, str]:
        """Documents decided early whose outlet every pair of the batch now decides otherwise: id -> outlet."""
        out = {}
        for doc_id, (a, b, if_a, if_b, outlet) in self._decided.items():
            na, nb = self.partners(a), self.partners(b)
            now = if_a if na > nb else if_b if nb > na else outlet
            if now and now != outlet:
                out[doc_id] = now
        self._decided.clear()
        return out


def _key(name: str) -> str:
    """A dateline name as votes count it: its display form, lower-cased ("KOMPAS.com" and "Kompas" are one)."""
    return (brand_name(name) or name).lower()
