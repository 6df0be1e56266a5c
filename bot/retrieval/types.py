"""What retrieval hands to answerers and the claim judge."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from bot.models import Chunk, DocumentRecord


@dataclass
class ChunkHit:
    chunk: Chunk
    doc: DocumentRecord
    score: float  # fused score, higher is better
    dense: float = 0.0  # cosine similarity
    lexical: float = 0.0  # normalised BM25


@dataclass
class SentenceHit:
    """One sentence of a stored document: `doc.text[char_start:char_end] == text` always holds."""

    doc: DocumentRecord
    text: str
    char_start: int
    char_end: int
    score: float
    chunk_score: float = 0.0
    features: dict[str, float] = field(default_factory=dict)
    vector: np.ndarray | None = None  # the sentence's stored passage vector, when the store has one
