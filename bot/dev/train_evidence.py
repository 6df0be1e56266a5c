"""Fit the evidence model on the external dev suites: `factbot dev train-evidence [--suites a,b]`.

Rows are (question, candidate sentence) pairs from the same retrieval users get;
a candidate is positive when it comes from the item's article and states a gold
answer. A logistic regression (scikit-learn, a dev-time dependency only) gives
the weights; the abstention threshold is then chosen on the same dev items to
maximise the mean of the suites' accuracies (answerable answered right,
unanswerable refused). Held-out splits are never read here.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from bot.answer.extractive import STRICT_TYPES, missing_names, question_view
from bot.answer.question import analyse
from bot.dev import code_fingerprint
from bot.evaluation.suites import gold_sentence, is_answer, load, names, service_for
from bot.evidence.features import FEATURES, featurize
from bot.evidence.scorer import CONFIDENCE_FEATURES, MODEL_PATH, EvidenceModel, Linear, confidence_features
from bot.text.tokens import STOP

_QWORDS_ID = {
    "who": "siapa", "what": "apa", "when": "kapan", "where": "di mana", "why": "mengapa", "which": "yang mana",
    "how": "bagaimana", "many": "berapa", "much": "berapa", "whom": "siapa", "whose": "milik siapa",
}  # fmt: skip


def pseudo_translate(question: str) -> str:
    """English -> rough Indonesian, word by word through the shared lexicon (names and unknown words stay).

    Users ask in English about Indonesian articles and the other way round, but no public QA set here is
    cross-lingual; a word-by-word rendering gives the model question/sentence pairs whose words mostly do
    not match while their meaning does, which is what a cross-lingual question looks like to the features.
    """
    from bot.text.tokens import english_forms, lexicon

    lex = lexicon()
    out = []
    question = re.sub(r"(?i)\bhow (?:many|much)\b", "berapa", question)
    question = re.sub(r"(?i)\bhow long\b", "berapa lama", question)
    for tok in re.findall(r"[^\W_]+|[^\w\s]", question):
        low = tok.lower()
        if low in _QWORDS_ID or low in _QWORDS_ID.values() or low == "berapa":
            out.append(_QWORDS_ID.get(low, low))
        elif low in STOP:  # a function word maps only to a function word: "said" -> "kata", not "he" -> helium
            out += [w for w in lex.get(low, []) if w in STOP][:1]
        elif tok[:1].isupper() or len(low) < 2 or not (known := [f for f in english_forms(low) if f in lex]):
            out.append(tok)
        else:  # "says", "satellites": a regular inflection is looked up by its base, as search does
            out.append(lex[known[0]][0])
    return " ".join(out).replace(" ?", "?")


def collect(suite: str, progress: bool = True, cross: bool = False) -> list[dict[str, Any]]:
    """One record per dev item: its candidates' features and labels, and whether a hard rule refuses it.

    With `cross`, English questions are asked in a pseudo-Indonesian rendering (see pseudo_translate)."""
    items, corpus = load(suite, "dev")
    if cross:
        items = [replace(it, question=pseudo_translate(it.question)) for it in items if it.lang == "en"]
    svc = service_for(suite, "dev", corpus)
    ret = svc.retriever
    idf, default = ret.idf, max(ret.idf.values(), default=1.0)
    out = []
    for n, item in enumerate(items, 1):
        q = analyse(item.question)
        hits = ret.sentences(q.text or item.question, k=max(8, svc.settings.top_k))
        feats = featurize(question_view(q), hits, idf, default)
        gold = gold_sentence(corpus.parents[1], item)
        labels = [is_answer(h.text, Path(h.doc.source).name, item, gold) for h in hits]
        strict = [bool(f["slot"]) or q.qtype not in STRICT_TYPES for f in feats]
        refused = not q.terms or not hits or bool(missing_names(q, ret.vocab))
        out.append(
            {
                "suite": f"{suite}-cross" if cross else suite,
                "texts": [h.text for h in hits],
                "gold": gold,
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


def _cached(suite: str, cross: bool = False) -> list[dict[str, Any]]:
    """Features are slow to collect and do not depend on the model: keep them beside the suite's store."""
    import json
    import tempfile

    from bot.evaluation.suites import _fingerprint

    items, corpus = load(suite, "dev")
    key = f"{_fingerprint(corpus)}-{code_fingerprint()[:8]}-{len(items)}"
    path = Path(tempfile.gettempdir()) / "factbot-suites" / f"features-{suite}{'-cross' if cross else ''}-{key}.json"
    if path.is_file():
        return list(json.loads(path.read_text(encoding="utf-8")))
    records = collect(suite, cross=cross)
    path.write_text(json.dumps(records), encoding="utf-8")
    return records


def _matrix(records: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    rows = [[f[k] for k in FEATURES] for r in records for f in r["feats"]]
    ys = [int(y) for r in records for y in r["labels"]]
    return np.asarray(rows, dtype=np.float64), np.asarray(ys)


def ranked(ranker: Linear, r: dict[str, Any]) -> list[tuple[float, dict[str, float], bool]]:
    """Candidates as the answerer ranks them: (probability, features, label), best first, strict types kept."""
    rows = zip(r["feats"], r["labels"], r["strict"], strict=True)
    cands = [(ranker.probability(f), f, bool(y)) for f, y, ok in rows if ok]
    return [] if r["refused"] else sorted(cands, key=lambda c: c[0], reverse=True)


def _fit_linear(x: np.ndarray, y: np.ndarray, names: tuple[str, ...]) -> Linear:
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / scale, y)
    return Linear(names, tuple(mean), tuple(scale), tuple(float(c) for c in clf.coef_[0]), float(clf.intercept_[0]))


def utility(decided: list[tuple[str, bool, float, bool]], thr: float) -> float:
    """Mean over suites of: right answers, refused unanswerables, and half credit for refusing where the best
    sentence was wrong (an honest "not in the sources" beats a confident wrong citation)."""
    scores = []
    for suite in sorted({d[0] for d in decided}):
        rows = [d for d in decided if d[0] == suite]
        ok = 0.0
        for _, answerable, conf, right in rows:
            if conf >= thr:
                ok += float(answerable and right)
            else:
                ok += 1.0 if not answerable else (0.5 if not right else 0.0)
        scores.append(ok / len(rows))
    return float(np.mean(scores))


def fit(records: list[dict[str, Any]], suites: list[str]) -> EvidenceModel:
    x, y = _matrix(records)
    ranker = _fit_linear(x, y, tuple(FEATURES))
    conf_x, conf_y, keys = [], [], []
    for r in records:
        cands = ranked(ranker, r)
        if cands:
            feats = confidence_features([(p, f) for p, f, _ in cands])
            conf_x.append([feats.get(k, 0.0) for k in CONFIDENCE_FEATURES])
            conf_y.append(int(r["answerable"] and cands[0][2]))
            keys.append(r)
    confidence = _fit_linear(np.asarray(conf_x, dtype=np.float64), np.asarray(conf_y), CONFIDENCE_FEATURES)
    model = EvidenceModel(ranker, confidence, 0.5)
    decided = []
    for r in records:
        cands = ranked(ranker, r)
        conf = model.confident([(p, f) for p, f, _ in cands]) if cands else -1.0
        decided.append((r["suite"], bool(r["answerable"]), conf, bool(cands and cands[0][2])))
    grid = [float(t) for t in np.linspace(0.02, 0.98, 97)]
    thr = max(grid, key=lambda t: utility(decided, t))
    meta = {
        "trained": dt.date.today().isoformat(),
        "suites": suites,
        "split": "dev",
        "pairs": int(len(y)),
        "positives": int(y.sum()),
        "dev_utility": round(utility(decided, thr), 4),
        "script": "factbot dev train-evidence",
    }
    return EvidenceModel(ranker, confidence, thr, meta)


def default_suites() -> list[str]:
    """Every external question suite with a dev split (fresh is written blind and held out)."""
    return [s for s in names() if s != "fresh"]


def train(suites: list[str] | None = None, out: Path = MODEL_PATH) -> EvidenceModel:
    """Fit the evidence model on the dev splits of `suites` (default: default_suites()), write it to `out` and
    print its threshold, dev utility and weights."""
    suites = suites or default_suites()
    records = [r for s in suites for r in _cached(s)]
    english = [s for s in suites if any(it.lang == "en" for it in load(s, "dev")[0])]
    records += [r for s in english for r in _cached(s, cross=True)]
    model = fit(records, suites)
    out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"wrote {out}: threshold {model.threshold:.2f}, dev utility {model.meta['dev_utility']}")
    for part in (model.ranker, model.confidence):
        print("  " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(part.features, part.coef, strict=True)))
    return model
