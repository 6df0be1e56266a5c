"""FactService: the one object every surface talks to.

It opens the store and models once per process (they are slow to load) and
exposes the few operations the CLI, web page, Slack and eval need.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from bot.components.embeddings import build_embeddings
from bot.components.store import Store
from bot.docs import DocInfo, list_documents, remove, show
from bot.errors import BadInput
from bot.models import Answer, DocumentRecord, Kind
from bot.settings import Settings, get_settings
from bot.slots import FairSlots

# Generic questions of each kind, in both languages: what `warm` asks to load everything answering uses.
_WARM_UP: tuple[tuple[str, Kind], ...] = (
    ("Who said the budget would be approved on 5 May 2020?", "question"),
    ("Siapa yang mengatakan anggaran itu disetujui pada Senin?", "question"),
    ("How many people attended the meeting in the capital?", "question"),
    ("The council approved the budget on Monday.", "claim"),
)

_WARM_SENTENCES = (
    '"The budget is approved," the minister said on 5 May 2020 in the capital, where 30 people met.',
    '"It is final," said Finance Minister Jane Doe of the Republic of Nowhere.',  # titles, offices and CLDR names
    '"Anggaran sudah disetujui," kata Menteri Keuangan Budi Santoso di Jakarta Barat, Senin.',
)


class FactService:
    def __init__(self, settings: Settings | None = None, embeddings: Embeddings | None = None) -> None:
        self.settings = settings or get_settings()
        self._embeddings = embeddings
        self._lock = threading.Lock()
        # Answering is CPU-bound: the page, /api/ask and Slack take turns through one set of slots sized to
        # the cores, so fifty waiting requests do not become fifty threads fighting over two cores.
        self._slots = FairSlots(self.settings.workers or os.cpu_count() or 1)

    @cached_property
    def embeddings(self) -> Embeddings:
        return self._embeddings or build_embeddings(self.settings)

    @cached_property
    def store(self) -> Store:
        return Store(self.settings, self.embeddings)

    @cached_property
    def retriever(self) -> Any:
        from bot.retrieval.hybrid import HybridRetriever

        return HybridRetriever(self.store, self.embeddings, self.settings)

    @cached_property
    def chain(self) -> Any:
        from bot.answer.chain import build_chain

        return build_chain(self)

    def warm(self) -> None:
        """Pay now what the first questions of a process would otherwise pay for; a web process calls this
        before it accepts requests. Opening the store and the lexical index, the encoder's first call, the
        claim model, the lexicon, the stemmer, CLDR data and the patterns compiled on first use: at 100k chunks
        the first who-said question took ~40 ms longer for its reporting-clause patterns alone. Asking a few
        questions of each kind reaches most of it; the reporting clauses and answer slots are also read from a
        made-up sentence, since a question only meets them when the store has passages for it."""
        from bot.evidence.align import word_in
        from bot.evidence.slots import answer_slots
        from bot.evidence.speakers import attributions

        self.stats()
        for text, kind in _WARM_UP:
            self.ask(text, kind=kind)
        word_in("UN", _WARM_SENTENCES[0])  # an acronym's counterparts ("UN" / "PBB"): a table read off the lexicon
        for sentence in _WARM_SENTENCES:
            attributions(sentence)
            for qtype in ("when", "where", "who", "how_many"):
                answer_slots(sentence, qtype, _WARM_UP[0][0])

    # ---- operations -----------------------------------------------------------
    def ingest(
        self,
        paths: Sequence[Path | str],
        progress: Callable[[str], None] | None = None,
        show_bar: bool = False,
        sources: Mapping[str, str] | None = None,
    ) -> Any:
        """Ingest files, folders and http(s) URLs. `sources` maps a path as given to the source name to store
        (an upload keeps its original file name, not the server's scratch path)."""
        from bot.ingest.pipeline import ingest_paths

        with self._lock:
            # the pipeline writes a new lexical-index generation; the retriever picks it up at its next question
            return ingest_paths(paths, self.store, self.settings, progress=progress, show_bar=show_bar, sources=sources)

    def ask(self, text: str, kind: Kind = "question", k: int | None = None, history: object = None) -> Answer:
        """Answer a question or judge a claim; raises BadInput on empty text or a malformed history.

        `history` (earlier turns, oldest first: {"text", "kind": "question"|"claim"|"answer"}) lets a
        follow-up ("when was that said?") be rewritten into a self-contained question before the chain
        sees it; the Answer keeps the user's text in `query` and the rewrite in `resolved_query`.
        """
        if not isinstance(text, str) or not text.strip():
            raise BadInput("empty text: give a question or a claim")
        # a lone surrogate (from JSON "\udc8a" escapes) cannot be encoded anywhere downstream: it becomes "?"
        text = text.encode("utf-8", "replace").decode("utf-8")
        if kind not in ("question", "claim"):
            raise BadInput(f"unknown kind {kind!r}: use 'question' or 'claim'")
        from bot.answer.followup import resolve
        from bot.answer.history import parse_history

        turns = parse_history(history)
        resolved = resolve(text, turns, kind) if turns else None
        inp = {"text": resolved or text, "kind": kind, "k": k or self.settings.top_k}
        with self._slots:
            ans: Answer = self.chain.invoke(inp)
        if resolved:
            query = " ".join(text.split())[: self.settings.max_query_chars]
            ans = ans.model_copy(update={"query": query, "resolved_query": ans.query})
        return ans

    def check(self, text: str) -> Answer:
        return self.ask(text, kind="claim")

    def stats(self) -> dict[str, Any]:
        """Documents, chunks and outlets, from the lexical index's statistics: reading every document record
        for this (the page's corpus line) cost a serving process ~70 MB at 10k documents, kept by Chroma."""
        snap = self.retriever.snapshot()
        return {"documents": snap.documents, "chunks": self.store.chunks.count(), "outlets": list(snap.outlets)}

    def counts(self) -> dict[str, int]:
        """Documents and chunks, from two indexed counts: cheap enough for /health under load."""
        return self.store.counts()

    # ---- documents (bot/docs.py) ----------------------------------------------
    def documents(self, query: str | None = None) -> list[DocInfo]:
        """DocInfo rows (title, outlet, date, chunks, flags), optionally filtered by `query`."""
        return list_documents(self.store, query)

    def document(self, ref: str) -> tuple[DocInfo, DocumentRecord]:
        """(DocInfo, DocumentRecord) of the document `ref` names (id, id prefix, source or file name)."""
        return show(self.store, ref)

    def remove_document(self, ref: str) -> DocInfo:
        """Delete one document from Chroma (documents, chunks, sentences) and the lexical index; its DocInfo."""
        with self._lock:
            return remove(self.store, ref)
