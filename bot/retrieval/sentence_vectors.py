"""Sentence vectors for a question's candidate sentences, wherever they are kept.

The index's sentence table holds them for every stored sentence (bot/retrieval/sentence_table.py). A store
written before sentence vectors existed, or a document committed a moment ago, has none there: those come
from Chroma's sentence collection by id, and failing that are embedded now and kept in a bounded cache (a
stale store gets re-embedded slowly, never without limit).
"""

from __future__ import annotations

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.components.store import Store, sentence_id
from bot.models import DocumentRecord
from bot.retrieval.sentence_table import SentenceTable

CACHE = 50_000  # sentences embedded here, at most


class SentenceVectors:
    def __init__(self, store: Store, embeddings: Embeddings) -> None:
        self.store = store
        self.embeddings = embeddings
        self._cache: dict[str, np.ndarray] = {}

    def fill(
        self,
        vec: list[float],
        cands: dict[tuple[str, int, int], dict[str, float]],
        docs: dict[str, DocumentRecord],
        table: SentenceTable | None,
    ) -> dict[tuple[str, int, int], np.ndarray]:
        """Set `dense_s` (cosine with the question vector `vec`) on the candidates that lack it: from the
        index's table, else the store, else embedded now (cached). Returns the vectors used (float32), by
        candidate, for the claim judge."""
        need = {sentence_id(d, s, e): key for key in cands if "dense_s" not in cands[key] for d, s, e in [key]}
        if not need:
            return {}
        found = table.vectors(need.values()) if table is not None else {}
        stored = {sid: found[key] for sid, key in need.items() if key in found}
        rest = [i for i in need if i not in stored]
        if rest:  # not in the index's table: a store written before sentence vectors existed, or just now
            stored.update((i, np.asarray(v, dtype=np.float32)) for i, v in self.store.sentence_vectors(rest).items())
        missing = [i for i in need if i not in stored and i not in self._cache]
        if missing:  # a store written before sentence vectors existed, or by another splitter
            texts = [docs[need[i][0]].text[need[i][1] : need[i][2]] for i in missing]
            if len(self._cache) > CACHE:
                self._cache.clear()
            for i, fresh in zip(missing, self.embeddings.embed_documents(texts), strict=True):
                self._cache[i] = np.asarray(fresh, dtype=np.float32)
        q = np.asarray(vec, dtype=np.float32)
        used = {}
        for sid, key in need.items():
            vec_s = stored.get(sid)
            vec_s = self._cache.get(sid) if vec_s is None else vec_s
            cands[key]["dense_s"] = float(q @ vec_s) if vec_s is not None else 0.0
            if vec_s is not None:
                used[key] = vec_s
        return used
