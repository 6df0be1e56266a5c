"""One generation of the lexical index on disk: what a writer puts in its directory and what a reader holds.

A generation is a directory of small statistics (idf, word set, stems, each document's language and outlet)
and row tables read by position (chunk rows, BM25 columns, sentence vectors, the articles' records); readers
memory-map or pread what is large. bot/retrieval/lexical_index.py decides when a new one is written and
publishes it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bot.components.store import Store
from bot.evidence.vocab import WORD
from bot.retrieval import doc_table, row_table, sentence_table
from bot.retrieval.bm25_columns import Bm25Columns, build
from bot.retrieval.doc_table import DocTable
from bot.retrieval.row_table import RowTable
from bot.retrieval.sentence_table import SentenceTable
from bot.text.tokens import content_terms
from bot.text.tokens import words as token_words


@dataclass
class Snapshot:
    """One generation as a reader holds it: the BM25 matrices (memory-mapped) and small statistics."""

    generation: str
    rows: RowTable  # chunk_id, doc_id, char_start, char_end, index; `rows.find(chunk_id)` gives the row
    bm25: Bm25Columns | None
    idf: dict[str, float]
    words: frozenset[str]
    stems: dict[str, str]
    langs: Counter[str]
    outlets: tuple[str, ...]  # every outlet named by a document, sorted (the page's corpus line)
    documents: int
    sentences: SentenceTable | None = None  # stored sentence vectors, read by row (sentence_table.py)
    records: DocTable | None = None  # the articles' texts and metadata, read by id (doc_table.py)
    idf_max: float = 1.0

    def __post_init__(self) -> None:
        self.idf_max = max(self.idf.values(), default=1.0)

    @property
    def corpus_lang(self) -> str:
        return self.langs.most_common(1)[0][0] if self.langs else "id"

    def scores(self, groups: list[set[str]]) -> np.ndarray:
        """BM25 score of every row for the query's term groups (bot/retrieval/bm25_columns.py)."""
        if self.bm25 is None:
            return np.zeros(len(self.rows), dtype=np.float32)
        return self.bm25.scores(groups, len(self.rows))


@dataclass
class State:
    rows: list[tuple[str, str, int, int, int]] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # space-joined stems per row
    docs: dict[str, dict[str, str]] = field(default_factory=dict)
    words: set[str] | frozenset[str] = field(default_factory=set)
    stems: dict[str, str] = field(default_factory=dict)
    sentences: list[sentence_table.Part] = field(default_factory=list)


def doc_entry(meta: dict[str, Any]) -> dict[str, str]:
    """What the index keeps of a document's metadata: its language (for the corpus language) and outlet (for
    the corpus line on the page, which must not read every record to say it)."""
    return {"lang": str(meta.get("lang") or ""), "outlet": str(meta.get("outlet") or "")}


def chunks_of(store: Store, doc_ids: list[str]) -> Iterator[tuple[str, list[Any], list[str]]]:
    """(doc_id, rows, stems) of each new document, from the chunks' stored metadata (stems are computed
    at ingest; a store written before that gets them computed here from the chunk text)."""
    by_doc: dict[str, list[tuple[tuple[str, str, int, int, int], str]]] = {d: [] for d in doc_ids}
    for chunk_id, text, meta in store.chunks_of(doc_ids):
        doc_id = str(meta["doc_id"])
        if doc_id not in by_doc:
            continue
        terms = str(meta["terms"]) if "terms" in meta else " ".join(content_terms(text or ""))
        row = (chunk_id, doc_id, int(meta["char_start"]), int(meta["char_end"]), int(meta.get("index", 0)))
        by_doc[doc_id].append((row, terms))
    for doc_id, items in by_doc.items():
        items.sort(key=lambda x: x[0][4])
        yield doc_id, [r for r, _ in items], [t for _, t in items]


def with_words(
    records: Iterator[doc_table.Record], wanted: set[str], out: set[str], tokens: set[str]
) -> Iterator[doc_table.Record]:
    """Pass the records on, adding the words of those in `wanted` to the word set the "is this name anywhere?"
    check reads (bot/evidence/vocab.py) and to the lower-cased tokens worth a persisted stem (the tokeniser's
    words, longer than three letters)."""
    for doc_id, blob in records:
        if doc_id in wanted:
            low = str(json.loads(blob)["text"]).lower()
            out.update(WORD.findall(low))
            tokens.update(t for t in token_words(low) if len(t) > 3 and not t[0].isdigit())
        yield doc_id, blob


def write(path: Path, state: State) -> None:
    corpus = [t.split() or ["_"] for t in state.terms]
    if corpus:
        build(path, corpus)
    df = Counter(t for toks in corpus for t in set(toks))
    n = len(corpus)
    idf = {t: float(np.log(1 + n / c)) for t, c in df.items()}
    RowTable.from_rows(state.rows).write(path)
    (path / "terms.txt").write_text("\n".join(state.terms), encoding="utf-8")
    (path / "idf.json").write_text(json.dumps(idf, ensure_ascii=False), encoding="utf-8")
    (path / "words.txt").write_text("\n".join(sorted(state.words)), encoding="utf-8")
    (path / "docs.json").write_text(json.dumps(state.docs), encoding="utf-8")
    (path / "stems.json").write_text(json.dumps(state.stems, ensure_ascii=False), encoding="utf-8")
    sentence_table.write(path, state.sentences)


def word_set(path: Path) -> frozenset[str]:
    return frozenset((path / "words.txt").read_text(encoding="utf-8").split("\n")) - {""}


def docs_of(path: Path) -> dict[str, dict[str, str]]:
    return dict(json.loads((path / "docs.json").read_text(encoding="utf-8")))


def outlets_of(docs: dict[str, dict[str, str]]) -> tuple[str, ...]:
    """Every outlet the documents name, sorted."""
    return tuple(sorted({o for m in docs.values() if (o := m.get("outlet"))}))


def read_state(path: Path) -> State:
    """What the next sync builds on, including the per-row stems that readers never need."""
    rows = list(row_table.read(path))
    terms = (path / "terms.txt").read_text(encoding="utf-8").split("\n") if rows else []
    return State(rows=rows, terms=terms, docs=docs_of(path), words=word_set(path), stems=stems_of(path))


def stems_of(path: Path) -> dict[str, str]:
    try:
        return dict(json.loads((path / "stems.json").read_text(encoding="utf-8")))
    except FileNotFoundError:  # a generation written before stems were persisted
        return {}


def read(path: Path, gen: str) -> Snapshot:
    """A generation as readers hold it: BM25 memory-mapped, small statistics in memory."""
    rows = row_table.read(path)
    bm25 = Bm25Columns(path) if len(rows) else None
    docs = docs_of(path)
    return Snapshot(
        generation=gen,
        rows=rows,
        bm25=bm25,
        idf=json.loads((path / "idf.json").read_text(encoding="utf-8")),
        words=word_set(path),
        stems=stems_of(path),
        langs=Counter(m.get("lang") or "id" for m in docs.values()),
        outlets=outlets_of(docs),
        documents=len(docs),
        sentences=sentence_table.read(path),
        records=doc_table.read(path),
    )
