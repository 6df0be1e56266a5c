"""Does language-aware fusion help? Recall@1/@5 and MRR of the evidence chunk for the gold questions,
by question language, for dense only, BM25 only, fixed weights and the language-aware weights in use.

    python bench/retrieval_fusion.py [--gold eval/gold.jsonl]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.retrieval import hybrid  # noqa: E402
from bot.service import FactService  # noqa: E402
from bot.settings import Settings  # noqa: E402

VARIANTS = {
    "dense only": {True: 0.0, False: 0.0},
    "BM25 only": {True: 1.0, False: 1.0},
    "fixed 0.35": {True: 0.35, False: 0.35},
    "fixed 0.2": {True: 0.2, False: 0.2},
    "language-aware (in use)": dict(hybrid.LEXICAL_WEIGHT),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=ROOT / "eval" / "gold.jsonl")
    args = ap.parse_args()
    items = [json.loads(x) for x in args.gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    items = [i for i in items if i["kind"] == "question" and i.get("evidence")]
    tmp = Path(tempfile.mkdtemp(prefix="factbot-fusion-"))
    try:
        svc = FactService(Settings(_env_file=None, persist_dir=tmp))  # type: ignore[call-arg]
        svc.ingest([ROOT / "data"])
        vecs = {i["id"]: svc.embeddings.embed_query(i["text"]) for i in items}
        print(f"{len(items)} gold questions with evidence; corpus language: {svc.retriever.corpus_lang}")
        print(f"{'variant':26} {'lang':4} {'R@1':>6} {'R@5':>6} {'MRR':>6}")
        for name, weights in VARIANTS.items():
            hybrid.LEXICAL_WEIGHT.update(weights)
            for lang in ("en", "id"):
                rows = [i for i in items if i["lang"] == lang]
                ranks = []
                for it in rows:
                    hits = svc.retriever.retrieve(it["text"], k=5, query_vector=vecs[it["id"]])
                    quotes = [e["quote"][:60] for e in it["evidence"]]
                    rank = next((r for r, h in enumerate(hits, 1) if any(q in h.chunk.text for q in quotes)), None)
                    ranks.append(rank)
                r1 = sum(r == 1 for r in ranks) / len(ranks)
                r5 = sum(r is not None for r in ranks) / len(ranks)
                mrr = sum(1 / r for r in ranks if r) / len(ranks)
                print(f"{name:26} {lang:4} {r1:6.3f} {r5:6.3f} {mrr:6.3f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
