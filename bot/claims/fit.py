"""Fit the claim verdict thresholds on the dev claim suites: `python -m bot.claims.fit`.

Every dev claim goes through the same retrieval and judge users get, keeping the
judge's best support and refute probabilities; the two thresholds are then the
pair that maximises the mean balanced accuracy over the dev suites: the public
NLI dev splits and the sample corpus's dev claims (eval/claims/claims.jsonl,
English claims on Indonesian articles, which no public set here has). The plain
baseline's cosine threshold is fitted the same way, so the comparison is fair.
Held-out splits are never read here. Writes the thresholds into model.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import product

import numpy as np

from bot.claims.learned import LearnedJudge
from bot.claims.model import MODEL_PATH, load_model
from bot.evaluation.claim_suites import ClaimItem, load_claims, top_cosine
from bot.evaluation.suites import ROOT, claim_names, service_for

SAMPLE_DEV = "sample_dev"  # the sample corpus's own dev claims: the only dev set with cross-lingual claims
SAMPLE_CLAIMS = ROOT / "eval" / "claims" / "claims.jsonl"
GRID = [round(x, 2) for x in np.arange(0.2, 0.91, 0.02)]


def collect(name: str) -> list[tuple[str, float, float, float]]:
    """(label, best support probability, best refute probability, baseline cosine) per dev claim."""
    from bot.answer.question import strip_instructions

    if name == SAMPLE_DEV:
        rows = [json.loads(x) for x in SAMPLE_CLAIMS.read_text(encoding="utf-8").splitlines() if x.strip()]
        items = [ClaimItem(r["id"], r["text"], "", r["expected"]) for r in rows]
        corpus = ROOT / "data"
    else:
        items, corpus = load_claims(name, "dev")
    svc = service_for(name, "dev", corpus)
    judge = LearnedJudge(svc.embeddings)
    out = []
    for it in items:
        text, _ = strip_instructions(it.claim)
        hits = [h for h in svc.retriever.sentences(text, k=8) if h.doc.citable(h.char_start, h.char_end)]
        res = judge(text, hits)
        out.append((it.label, res.scores.get("support", 0.0), res.scores.get("refute", 0.0), top_cosine(svc, text)))
    return out


def bal_acc(rows: list[tuple[str, str]]) -> float:
    recalls = []
    for label in ("supported", "refuted", "not_enough_info"):
        of = [p for y, p in rows if y == label]
        if of:
            recalls.append(sum(p == label for p in of) / len(of))
    return sum(recalls) / len(recalls)


def verdict(s: float, r: float, ts: float, tr: float) -> str:
    if s >= ts and (r < tr or s >= r):
        return "supported"
    return "refuted" if r >= tr else "not_enough_info"


def baseline_verdicts(rows: list[tuple[str, float, float, float]], t: float) -> list[tuple[str, str]]:
    return [(y, "supported" if c >= t else "not_enough_info") for y, _, _, c in rows]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suites", default=",".join([*(n for n in claim_names() if n != "fresh_claims"), SAMPLE_DEV]))
    args = ap.parse_args(argv)
    data = {name: collect(name) for name in args.suites.split(",")}
    best = max(
        product(GRID, GRID),
        key=lambda t: np.mean([bal_acc([(y, verdict(s, r, *t)) for y, s, r, _ in rows]) for rows in data.values()]),
    )
    base = max(
        GRID + [round(x, 3) for x in np.arange(0.75, 0.95, 0.005)],
        key=lambda t: np.mean([bal_acc(baseline_verdicts(rows, t)) for rows in data.values()]),
    )
    for name, rows in data.items():
        ours = bal_acc([(y, verdict(s, r, *best)) for y, s, r, _ in rows])
        plain = bal_acc(baseline_verdicts(rows, base))
        print(f"{name}/dev: balanced accuracy {ours:.3f} (baseline {plain:.3f})")
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    model["support_threshold"], model["refute_threshold"] = best
    model["meta"]["baseline_threshold"] = base
    model["meta"]["thresholds_fitted_on"] = sorted(data)
    MODEL_PATH.write_text(json.dumps(model) + "\n", encoding="utf-8")
    load_model.cache_clear()
    print(f"support_threshold {best[0]}, refute_threshold {best[1]}, baseline cosine {base}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
