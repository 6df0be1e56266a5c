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
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.components.store import Store
from bot.retrieval import doc_table, generation, row_table, sentence_table
from bot.retrieval.generation import Snapshot
from bot.text.tokens import stem

__all__ = ["LexicalIndex", "Snapshot", "index_dir", "known_outlets", "locked", "sync_index"]

KEEP_GENERATIONS = 2  # a reader that opened the previous generation a moment ago can still finish
CHECKED = "CHECKED"  # the store's chunk count when a sync last found the index in line with it


def index_dir(settings: Any) -> Path:
    if settings.lexical_dir:
        return Path(settings.lexical_dir)
    return Path(settings.persist_dir) / f"lexical-{settings.collection}"


def known_outlets(settings: Any) -> set[str]:
    """The outlets the store's committed documents name (from the published generation's small document table;
    empty before the first ingest): an ingest tells datelines' outlets from places by them."""
    index = LexicalIndex(index_dir(settings))
    gen = index.current()
    try:
        return set(generation.outlets_of(generation.docs_of(index.root / gen))) if gen else set()
    except FileNotFoundError:
        return set()


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
                return generation.read(self.root / gen, gen)
            except FileNotFoundError:  # a writer published twice while this read: that generation is gone
                if attempt == 2:
                    raise
        return None

    def in_line(self, store: Store) -> bool:
        """Whether the store holds the chunks it held at the last sync (another writer, an older version or a
        bare pipeline call changes the count). Chunks, not documents: a question opens the chunk collection
        anyway, and opening the document collection only to count it was ~0.15 s of a first answer at 100k
        chunks. Chunks left by an interrupted ingest are counted at the next sync, so they do not make every
        start sync again."""
        try:
            return int((self.root / CHECKED).read_text(encoding="utf-8")) == store.chunks.count()
        except (FileNotFoundError, ValueError):
            return False

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
            chunks = store.chunks.count()  # before the documents are read: what a sync sees includes them
            changed = self._sync(store)
            _replace(self.root / CHECKED, str(chunks))
            return changed

    def _sync(self, store: Store) -> bool:
        """The sync itself, under the lock."""
        gen = self.current()
        old = generation.read_state(self.root / gen) if gen else generation.State()
        old_table = sentence_table.read(self.root / gen) if gen else None
        committed = {doc_id: meta for doc_id, meta in store.doc_metas()}
        gone = set(old.docs) - set(committed)
        new = [d for d in committed if d not in old.docs]
        if gen and not gone and not new and not self._outdated(self.root / gen):
            return False
        state = generation.State(
            rows=[r for r in old.rows if r[1] not in gone],
            terms=[t for r, t in zip(old.rows, old.terms, strict=True) if r[1] not in gone],
            docs={d: generation.doc_entry(committed[d]) for d in old.docs if d not in gone},
        )
        for doc_id, rows, terms in generation.chunks_of(store, new):
            state.rows += rows
            state.terms += terms
            state.docs[doc_id] = generation.doc_entry(committed[doc_id])
        tmp = self.root / f".gen-{time.time_ns()}.tmp"
        tmp.mkdir()
        # the articles' records, streamed into the new generation; words cannot be subtracted without
        # counts, so a removal (or a first build) reads every text for them, an addition only the new ones
        old_docs = doc_table.read(self.root / gen) if gen else None
        reread = bool(gone) or not gen
        state.words, tokens = set() if reread else set(old.words), set() if reread else set(old.stems)
        records = doc_table.carried(store, list(state.docs), set(new), old_docs)
        wanted = set(state.docs) if reread else set(new)
        doc_table.write(tmp, generation.with_words(records, wanted, state.words, tokens))
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

    def _publish(self, tmp: Path, state: generation.State) -> None:
        name = tmp.name[1:].removesuffix(".tmp")
        generation.write(tmp, state)
        tmp.rename(self.root / name)
        _replace(self.root / "CURRENT", name)  # readers see the old generation or the new one, never half
        gens = sorted(p for p in self.root.glob("gen-*") if p.is_dir())
        for stale in gens[:-KEEP_GENERATIONS]:
            shutil.rmtree(stale, ignore_errors=True)


def _replace(path: Path, text: str) -> None:
    """Write a small file whole: a new file, then os.replace."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


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
