"""Scale run: a store of N chunks, asked in process and through `factbot serve` under 1, 10 and 50 clients.

    python bench/scale.py --scale-chunks 100000 --out bench/results/scale.json [--store DIR] [--duration 20]

* store: a pool of real articles (data/ plus the dev corpora of eval/suites) is ingested for real, then
  replicated with fresh doc ids and slightly perturbed vectors until the store holds N chunks (sentence
  vectors included, as ingest stores them). Kept in --store for the next run.
* scale: ask p50/p95 in one process next to the floor (query embedding + one raw Chroma query),
  first-answer time of a fresh `factbot ask` process, RSS of a `factbot serve` process after load.
* load: closed-loop clients posting /api/ask for --duration seconds each; /health probed meanwhile.
  The load generator shares the machine's cores with the server, so these figures are pessimistic.
* chroma_server (--chroma-server): the store served by `chroma run`, two `factbot serve` processes
  against it answer the same questions; reports whether the answers are identical and each RSS.

Writes JSON with at least: scale.chunks, scale.ask_p50_ms, scale.ask_p95_ms, scale.floor_p50_ms,
scale.first_answer_s, scale.serve_rss_mb, load.clients_50.p95_ms, load.clients_50.errors, load.health_p95_ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_core import time_queries  # noqa: E402
from load import health_probe, run_clients  # noqa: E402

from bot.models import Chunk  # noqa: E402
from bot.retrieval.lexical_index import sync_index  # noqa: E402
from bot.service import FactService  # noqa: E402
from bot.settings import Settings  # noqa: E402

SUITES = ("facqa", "tydiqa_id", "squad2", "quotes_en")


def questions(limit: int = 60) -> list[str]:
    """Dev questions of the public suites (their articles are in the pool), mixed by language."""
    out = []
    for suite in SUITES:
        lines = (ROOT / "eval" / "suites" / suite / "items.dev.jsonl").read_text(encoding="utf-8").splitlines()
        out += [json.loads(x)["question"] for x in lines[: limit // len(SUITES)]]
    random.Random(3).shuffle(out)
    return out


def settings_for(store: Path, **extra: Any) -> Settings:
    return Settings(_env_file=None, persist_dir=store, **extra)  # type: ignore[call-arg]


def build_store(store: Path, target: int, pool_docs: int) -> FactService:
    """Ingest the pool for real, then add perturbed replicas of its documents until `target` chunks."""
    svc = FactService(settings_for(store))
    if svc.store.chunks.count() >= target:
        return svc
    files = sorted((ROOT / "data").glob("*.txt"))
    for suite in SUITES:
        files += sorted((ROOT / "eval" / "suites" / suite / "corpus" / "dev").glob("*.txt"))[: pool_docs // len(SUITES)]
    t = time.perf_counter()
    svc.ingest(files)
    print(f"pool: {len(files)} files ingested in {time.perf_counter() - t:.0f} s", flush=True)
    pool = svc.store.all_documents()
    rng = np.random.default_rng(5)
    replica = 0
    t = time.perf_counter()
    while svc.store.chunks.count() < target:
        replica += 1
        for doc in pool:
            where = {"doc_id": doc.doc_id}
            chunks = svc.store.chunks.get(where=where, include=["embeddings", "metadatas", "documents"])
            sents = svc.store.sentences.get(where=where, include=["embeddings", "metadatas"])
            new_id = f"{doc.doc_id[:24]}r{replica:04d}"
            copy = doc.model_copy(update={"doc_id": new_id, "source": f"{doc.source}#r{replica}"})
            new_chunks = [
                Chunk(chunk_id=f"{new_id}:{int(m['index']):04d}", doc_id=new_id, text=txt,
                      char_start=int(m["char_start"]), char_end=int(m["char_end"]), index=int(m["index"]))
                for txt, m in zip(chunks["documents"], chunks["metadatas"], strict=True)
            ]  # fmt: skip
            terms = [str(m.get("terms", "")) for m in chunks["metadatas"]]
            spans = [(int(m["char_start"]), int(m["char_end"])) for m in sents["metadatas"]]
            svc.store.add_document(copy, new_chunks, _jitter(chunks["embeddings"], rng), terms, spans,
                                   _jitter(sents["embeddings"], rng))  # fmt: skip
        n = svc.store.chunks.count()
        print(f"replica {replica}: {n} chunks ({time.perf_counter() - t:.0f} s)", flush=True)
    t = time.perf_counter()
    sync_index(svc.store)
    print(f"lexical index: {time.perf_counter() - t:.1f} s", flush=True)
    return svc


def _jitter(vectors: Any, rng: np.random.Generator) -> list[list[float]]:
    """Replicas must not be exact duplicates (HNSW degrades on identical points): a small random turn."""
    v = np.asarray(vectors, dtype=np.float32)
    if v.size == 0:
        return []
    v = v + rng.normal(0, 0.01, v.shape).astype(np.float32)
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).tolist()  # type: ignore[no-any-return]


def env_for(store: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "FACTBOT_PERSIST_DIR": str(store), **extra}
    if "FACTBOT_CHROMA_HOST" not in extra:
        env.pop("FACTBOT_CHROMA_HOST", None)
    return env


def first_answer(store: Path, question: str, **extra: str) -> float:
    """Seconds from starting a fresh `factbot ask` process to its answer (imports and model load included)."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot.cli", "ask", question, "--json"], env=env_for(store, **extra),
                   check=True, capture_output=True)  # fmt: skip
    return time.perf_counter() - t


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_serve(store: Path, **extra: str) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    port = free_port()
    cmd = [sys.executable, "-m", "bot.cli", "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env_for(store, **extra), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("factbot serve did not start")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def serve_and_load(store: Path, qs: list[str], duration: float) -> tuple[float, dict[str, Any]]:
    proc, url = start_serve(store)
    try:
        load: dict[str, Any] = {}
        for clients in (1, 10, 50):
            probe = health_probe(url) if clients == 50 else None
            load[f"clients_{clients}"] = run_clients(url, qs, clients, duration)
            if probe is not None:
                load["health_p95_ms"], load["health_max_ms"] = probe.stop()
            c = load[f"clients_{clients}"]
            print(f"load {clients:>2} clients: {c['requests']} requests, {c['errors']} errors, "
                  f"p50 {c['p50_ms']:.0f} ms, p95 {c['p95_ms']:.0f} ms, {c['rps']:.1f} req/s", flush=True)  # fmt: skip
        return rss_mb(proc.pid), load
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def chroma_server(store: Path, qs: list[str]) -> dict[str, Any]:
    """`chroma run` over the same data; two serve processes against it must answer identically."""
    import httpx

    port = free_port()
    chroma = subprocess.Popen(["chroma", "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(store)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    procs: list[subprocess.Popen[bytes]] = []
    try:
        extra = {"FACTBOT_CHROMA_HOST": "127.0.0.1", "FACTBOT_CHROMA_PORT": str(port),
                 "FACTBOT_LEXICAL_DIR": str(store / "lexical-factbot")}  # fmt: skip
        time.sleep(3)
        first = statistics.median(first_answer(store, q, **extra) for q in qs[:3])
        (a, url_a), (b, url_b) = start_serve(store, **extra), start_serve(store, **extra)
        procs = [a, b]
        same = 0
        for q in qs[:20]:
            ra = httpx.post(f"{url_a}/api/ask", json={"text": q}, timeout=60).json()
            rb = httpx.post(f"{url_b}/api/ask", json={"text": q}, timeout=60).json()
            same += int(ra == rb)
        return {"questions": min(20, len(qs)), "identical": same, "serve_rss_mb": [rss_mb(a.pid), rss_mb(b.pid)],
                "chroma_rss_mb": rss_mb(chroma.pid), "first_answer_s": first}  # fmt: skip
    finally:
        for p in [*procs, chroma]:
            p.terminate()
            p.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale-chunks", type=int, default=100_000)
    ap.add_argument("--store", type=Path, default=None, help="store directory, reused when it holds enough chunks")
    ap.add_argument("--pool-docs", type=int, default=200)
    ap.add_argument("--duration", type=float, default=20.0, help="seconds per client count")
    ap.add_argument("--chroma-server", action="store_true", help="also run two serve processes on `chroma run`")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scale.json")
    args = ap.parse_args()
    store = args.store or Path(f"/tmp/factbot-scale-{args.scale_chunks}")
    qs = questions()
    svc = build_store(store, args.scale_chunks, args.pool_docs)
    # timed first: counting the sentence collection loads its vector index (~300 MB at 200k sentences) into
    # this process, which a serving process never holds
    scale: dict[str, Any] = time_queries(svc, qs)
    scale.update(chunks=svc.store.chunks.count(), documents=svc.store.docs.count(),
                 sentences=svc.store.sentences.count())  # fmt: skip
    del svc
    scale["first_answer_s"] = statistics.median(first_answer(store, q) for q in qs[:3])
    scale["serve_rss_mb"], load = serve_and_load(store, qs, args.duration)
    results: dict[str, Any] = {"machine": f"{os.cpu_count()} cores", "scale": scale, "load": load}
    if args.chroma_server and shutil.which("chroma"):
        results["chroma_server"] = chroma_server(store, qs)
    s = scale
    print(f"scale    {s['chunks']} chunks: ask p50 {s['ask_p50_ms']:.1f} ms, p95 {s['ask_p95_ms']:.1f} ms; floor p50 "
          f"{s['floor_p50_ms']:.1f} ms -> ratio {s['p50_ratio']:.2f} (target <= 1.3, p95 <= 50 ms)")
    print(f"start    first answer of a fresh process {s['first_answer_s']:.2f} s (target <= 3 s)")
    print(f"memory   serve RSS {s['serve_rss_mb']:.0f} MB (target <= 600 MB)")
    print(f"health   p95 under 50 clients {load['health_p95_ms']:.1f} ms (target <= 100 ms)")
    if "chroma_server" in results:
        print(f"server   {results['chroma_server']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
