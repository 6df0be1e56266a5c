"""Balanced accuracy of the claim judge over a claim set, without retrieval or a store.

Every sentence of the sample articles is offered as a candidate, which is
harder than real use (more distractors) and needs no embedder:
    python -m bot.claims.selfcheck [eval/claims/claims.jsonl] [--data data] [--show]
Lines: {"id", "text", "expected", "quote"?}; gold-style "evidence": [{"quote"}] also works.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from bot.claims.verify import ClaimResult, verify_claim
from bot.ingest.pipeline import build_document
from bot.models import DocumentRecord
from bot.retrieval.types import SentenceHit
from bot.settings import Settings
from bot.text.sentences import split_sentences

VERDICTS = ("supported", "refuted", "not_enough_info")
ROOT = Path(__file__).resolve().parents[2]


def load_docs(data_dir: Path) -> list[DocumentRecord]:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    return [build_document(p, settings)[0] for p in sorted(data_dir.glob("*.txt"))]


def all_sentences(docs: list[DocumentRecord]) -> list[SentenceHit]:
    return [
        SentenceHit(doc=d, text=d.text[s:e], char_start=s, char_end=e, score=0.5)
        for d in docs
        for s, e in split_sentences(d.text)
    ]


def expected_quotes(item: Mapping[str, object]) -> list[str]:
    if item.get("quote"):
        return [str(item["quote"])]
    ev = item.get("evidence")
    return [str(e["quote"]) for e in ev if isinstance(e, dict) and e.get("quote")] if isinstance(ev, list) else []


def quote_ok(result: ClaimResult, quotes: list[str]) -> bool:
    """Every cited passage is verbatim at its offsets, and one of them carries an expected quote."""
    verbatim = all(h.doc.text[h.char_start : h.char_end] == h.text for h in result.evidence)
    if not quotes:
        return verbatim
    return verbatim and any(q in h.text or h.text in q for q in quotes for h in result.evidence)


def balanced_accuracy(pairs: Sequence[tuple[str, str]]) -> tuple[float, dict[str, float]]:
    recall = {}
    for v in VERDICTS:
        gold = [p for g, p in pairs if g == v]
        if gold:
            recall[v] = sum(p == v for p in gold) / len(gold)
    return (sum(recall.values()) / len(recall) if recall else 0.0), recall


def run(path: Path, hits: list[SentenceHit], show: bool = False) -> dict[str, object]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [i for i in items if i.get("kind", "claim") == "claim"]
    pairs: list[tuple[str, str]] = []
    quote_hits, quote_total = 0, 0
    for item in items:
        res = verify_claim(item["text"], hits)
        pairs.append((item["expected"], res.verdict))
        qs = expected_quotes(item)
        if res.verdict == item["expected"] and res.verdict != "not_enough_info":
            quote_total += 1
            quote_hits += quote_ok(res, qs)
        if show and res.verdict != item["expected"]:
            print(f"MISS {item['id']}: expected {item['expected']}, got {res.verdict}: {item['text']}")
            print(f"   {res.answer_text}")
    bacc, recall = balanced_accuracy(pairs)
    return {
        "n": len(items),
        "balanced_accuracy": round(bacc, 3),
        "recall": {k: round(v, 3) for k, v in recall.items()},
        "confusion": dict(Counter(f"{g}->{p}" for g, p in pairs)),
        "deciding_quote_ok": f"{quote_hits}/{quote_total}",
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("claims", nargs="*", type=Path, default=[ROOT / "eval/claims/claims.jsonl"])
    ap.add_argument("--data", type=Path, default=ROOT / "data")
    ap.add_argument("--show", action="store_true", help="print the misses")
    args = ap.parse_args()
    hits = all_sentences(load_docs(args.data))
    for path in args.claims:
        print(path, json.dumps(run(path, hits, args.show), indent=1))


if __name__ == "__main__":
    main()
