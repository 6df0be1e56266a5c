"""Fit the evidence model on the external dev suites: `python -m bot.evidence.train [--suites a,b]`.

Rows are (question, candidate sentence) pairs from the same retrieval users get;
a candidate is positive when it comes from the item's article and states a gold
answer. A logistic regression (scikit-learn, a dev-time dependency only) gives
the weights; the abstention threshold is then chosen on the same dev items to
maximise the mean of the suites' accuracies (answerable answered right,
unanswerable refused). Held-out splits are never read here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import numpy as np

from bot.answer.extractive import STRICT_TYPES, missing_names
from bot.answer.question import analyse
from bot.evaluation.suites import holds, load, names, service_for
from bot.evidence.features import FEATURES, QuestionView, featurize
from bot.evidence.scorer import MODEL_PATH, EvidenceModel


def collect(suite: str, progress: bool = True) -> list[dict[str, Any]]:
    """One record per dev item: its candidates' features and labels, and whether a hard rule refuses it."""
    items, corpus = load(suite, "dev")
    svc = service_for(suite, "dev", corpus)
    ret = svc.retriever
    idf, default = ret.idf, max(ret.idf.values(), default=1.0)
    out = []
    for n, item in enumerate(items, 1):
        q = analyse(item.question)
        hits = ret.sentences(q.text or item.question, k=max(8, svc.settings.top_k))
        feats = featurize(QuestionView(q.text, q.qtype, q.entities + q.numbers), hits, idf, default)
        labels = [
            item.answerable
            and (not item.source or Path(item.source).name == Path(h.doc.source).name)
            and holds(h.text, item.answers)
            for h in hits
        ]
        strict = [bool(f["slot"]) or q.qtype not in STRICT_TYPES for f in feats]
        refused = not q.terms or not hits or bool(missing_names(q, ret.corpus_lower))
        out.append(
            {
                "suite": suite,
                "answerable": item.answerable,
                "feats": feats,
                "labels": labels,
                "strict": strict,
                "refused": refused,
            }
        )
        if progress and n % 25 == 0:
            print(f"  {suite}: {n}/{len(items)}", file=sys.stderr)
    return out


def _matrix(records: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    rows = [[f[k] for k in FEATURES] for r in records for f in r["feats"]]
    ys = [int(y) for r in records for y in r["labels"]]
    return np.asarray(rows, dtype=np.float64), np.asarray(ys)


def decide(model: EvidenceModel, r: dict[str, Any]) -> tuple[float, bool]:
    """(best probability, is the best candidate right) exactly as the answerer ranks."""
    cands = [(model.probability(f), y) for f, y, ok in zip(r["feats"], r["labels"], r["strict"], strict=True) if ok]
    if r["refused"] or not cands:
        return -1.0, False
    p, y = max(cands, key=lambda c: c[0])
    return p, bool(y)


def pick_threshold(model: EvidenceModel, records: list[dict[str, Any]]) -> tuple[float, float]:
    """The threshold that maximises the mean per-suite accuracy on dev."""
    decided = [(r["suite"], r["answerable"], *decide(model, r)) for r in records]
    best = (-1.0, 0.5)
    for thr in np.linspace(0.02, 0.98, 97):
        accs = []
        for suite in {d[0] for d in decided}:
            rows = [d for d in decided if d[0] == suite]
            ok = sum((p >= thr and right) if ans else p < thr for _, ans, p, right in rows)
            accs.append(ok / len(rows))
        score = float(np.mean(accs))
        if score > best[0]:
            best = (score, float(thr))
    return best[1], best[0]


def fit(records: list[dict[str, Any]], suites: list[str]) -> EvidenceModel:
    from sklearn.linear_model import LogisticRegression

    x, y = _matrix(records)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / scale, y)
    model = EvidenceModel(
        tuple(FEATURES),
        tuple(mean),
        tuple(scale),
        tuple(float(c) for c in clf.coef_[0]),
        float(clf.intercept_[0]),
        0.5,
        {},
    )
    thr, dev_acc = pick_threshold(model, records)
    meta = {
        "trained": dt.date.today().isoformat(),
        "suites": suites,
        "split": "dev",
        "pairs": int(len(y)),
        "positives": int(y.sum()),
        "dev_mean_accuracy": round(dev_acc, 4),
        "script": "python -m bot.evidence.train",
    }
    return EvidenceModel(model.features, model.mean, model.scale, model.coef, model.intercept, thr, meta)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suites", default="", help="comma-separated dev suites (default: every external suite)")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    suites = [s for s in args.suites.split(",") if s] or [s for s in names() if s != "fresh"]
    records = [r for s in suites for r in collect(s)]
    model = fit(records, suites)
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"wrote {args.out}: threshold {model.threshold:.2f}, dev mean accuracy {model.meta['dev_mean_accuracy']}")
    for name, w in zip(model.features, model.coef, strict=True):
        print(f"  {name:12s} {w:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
