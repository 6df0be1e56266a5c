"""BM25 over the index's rows: built with bm25s when a generation is written, read back as its columns.

bm25s saves the index as a CSC matrix of precomputed per-(term, row) scores plus a vocabulary. Scoring a
question needs only the columns of its terms, so a reader memory-maps the three arrays and reads the
vocabulary itself: importing bm25s (and scipy with it) only to load them cost every serving process ~10 MB
and a quarter of a second at start. Only the writer imports bm25s.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

DIR = "bm25"  # bm25s's own file names inside it
_ARRAYS = ("data", "indices", "indptr")


def build(path: Path, corpus: list[list[str]]) -> None:
    """Index one token list per row and save it under `path/bm25` (bm25s's default method: absent terms score
    nothing, which `Bm25Columns.scores` relies on)."""
    import bm25s

    bm25 = bm25s.BM25()
    bm25.index(corpus, show_progress=False)
    bm25.save(str(path / DIR), show_progress=False)


class Bm25Columns:
    """A saved index's score columns (memory-mapped) and vocabulary (term -> column)."""

    def __init__(self, path: Path) -> None:
        base = path / DIR
        self.data, self.indices, self.indptr = (np.load(base / f"{a}.csc.index.npy", mmap_mode="r") for a in _ARRAYS)
        self.vocab: dict[str, int] = json.loads((base / "vocab.index.json").read_text(encoding="utf-8"))

    def scores(self, groups: list[set[str]], n_rows: int) -> np.ndarray:
        """BM25 score of every row for the query's terms, each a group of (already stemmed) alternatives: a
        row scores a group's best alternative, not their sum, so a word with ten translations weighs as much as
        a word with one. Zeros when no alternative is in the vocabulary.

        Read from the rows that hold each term (the term's column), not from a dense array per term: at 100k
        chunks a question's ~15 terms made ~15 arrays of 100k floats."""
        total = np.zeros(n_rows, dtype=np.float32)
        data, indices, indptr, vocab = self.data, self.indices, self.indptr, self.vocab
        for group in groups:
            ids = sorted({int(vocab[t]) for t in group if t in vocab})
            cols = [(indices[indptr[i] : indptr[i + 1]], data[indptr[i] : indptr[i + 1]]) for i in ids]
            if len(cols) == 1:
                total[cols[0][0]] += cols[0][1]  # a column's rows are distinct
            elif cols:
                best = np.zeros(n_rows, dtype=np.float32)  # the group's best alternative in each row
                for rows, vals in cols:
                    best[rows] = np.maximum(best[rows], vals)
                total += best
        return total
