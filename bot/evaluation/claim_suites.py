"""Score a claim suite through FactService.ask(kind="claim"), next to a plain similarity baseline.

A claim suite is eval/suites/<name>/ with corpus/<split>/*.txt and
items.<split>.jsonl whose items carry "claim" and "label" (built from public
NLI data, see eval/suites/README.md), or the fresh sample-corpus claims
(eval/fresh/claims.jsonl over data/, held out only). Metrics: balanced accuracy
(mean of the three per-class recalls) and each class's recall; `verbatim` is
the share of cited passages found verbatim in the stored text. The baseline is
what a plain dense search gives: "supported" when the top sentence's cosine
with the claim reaches a threshold fitted on the dev suites, else
"not_enough_info" (it never refutes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from bot.errors import BadInput
from bot.evaluation.suites import FRESH_CLAIMS, ROOT, SUITES, claim_names, service_for
from bot.models import VERDICTS

LABELS = VERDICTS


@dataclass
class ClaimItem:
    id: str
    claim: str
    lang: str
    label: str


def load_claims(name: str, split: str) -> tuple[list[ClaimItem], Path]:
    """Items and the corpus folder of one split; raises BadInput for an unknown suite or split."""
    if name not in claim_names():
        raise BadInput(f"unknown claim suite {name!r}: choose from {', '.join(claim_names()) or 'none'}")
    if name == "fresh_claims":
        if split != "heldout":
            raise BadInput("the fresh claims are held out only: use --split heldout")
        rows = [json.loads(x) for x in FRESH_CLAIMS.read_text(encoding="utf-8").splitlines() if x.strip()]
        return [ClaimItem(r["id"], r["text"], r.get("lang", "en"), r["expected"]) for r in rows], ROOT / "data"
    path = SUITES / name / f"items.{split}.jsonl"
    if not path.is_file():
        raise BadInput(f"claim suite {name!r} has no {split} split ({path})")
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [
        ClaimItem(r["id"], r["claim"], r.get("lang", "en"), r["label"]) for r in rows
    ], SUITES / name / "corpus" / split


def top_cosine(service: Any, claim: str) -> float:
    """Cosine of the claim with its nearest stored sentence: the baseline's only signal."""
    top = service.store.query_sentences(service.embeddings.embed_query(claim), k=1)
    return float(top[0][3]) if top else 0.0


def class_recalls(pairs: list[tuple[str, str]]) -> dict[str, float | None]:
    """(label, verdict) pairs -> each label's recall (None for a label with no items); their mean is balanced
    accuracy. Shared with bot/dev/fit_claims.py, which fits thresholds on it."""
    recalls: dict[str, float | None] = {}
    for label in LABELS:
        of = [v for y, v in pairs if y == label]
        recalls[label] = sum(v == label for v in of) / len(of) if of else None
    return recalls


def balanced(rows: list[dict[str, Any]], key: str) -> dict[str, Any]:
    recalls = {
        k: None if v is None else round(v, 3) for k, v in class_recalls([(r["label"], r[key]) for r in rows]).items()
    }
    present = [v for v in recalls.values() if v is not None]
    return {"balanced_accuracy": round(sum(present) / len(present), 3) if present else None, "recall": recalls}


def run_claim_split(
    name: str, split: str, progress: bool = True, baseline_threshold: float | None = None, embeddings: Any = None
) -> dict[str, Any]:
    from bot.claims.model import load_model

    items, corpus = load_claims(name, split)
    svc = service_for(name, split, corpus, embeddings)
    t_base = baseline_threshold if baseline_threshold is not None else load_model().meta.get("baseline_threshold", 0.85)
    rows = []
    for item in tqdm(items, desc=f"{name}/{split}", unit="claim", disable=not progress, leave=False):
        ans = svc.ask(item.claim, kind="claim")
        docs = svc.retriever.docs
        verbatim = all(docs[c.doc_id].text[c.char_start : c.char_end] == c.quote for c in ans.citations)
        cos = top_cosine(svc, item.claim)
        rows.append({
            "id": item.id, "lang": item.lang, "label": item.label, "verdict": ans.verdict,
            "baseline": "supported" if cos >= t_base else "not_enough_info", "cos": round(cos, 4),
            "citations": len(ans.citations), "verbatim": verbatim, "answer": ans.answer,
        })  # fmt: skip
    m = balanced(rows, "verdict")
    base = balanced(rows, "baseline")
    metrics = {
        "items": len(rows),
        **m,
        "verbatim": round(sum(r["verbatim"] for r in rows) / len(rows), 3) if rows else None,
        "baseline_balanced_accuracy": base["balanced_accuracy"],
        "baseline_recall": base["recall"],
    }
    return {"suite": name, "split": split, "metrics": metrics, "items": rows}


def claim_table(results: list[dict[str, Any]]) -> str:
    """Markdown: balanced accuracy and per-class recall, factbot next to the baseline."""
    lines = [
        "| suite | split | n | bal. acc | supported | refuted | nei | verbatim | base bal. acc | base supp. "
        "| base nei |",
        "|" + " --- |" * 11,
    ]
    for r in results:
        m = r["metrics"]

        def f(v: float | None) -> str:
            return "–" if v is None else f"{v:.2f}"

        rec, b = m["recall"], m["baseline_recall"]
        lines.append(
            f"| {r['suite']} | {r['split']} | {m['items']} | {f(m['balanced_accuracy'])} | {f(rec['supported'])} | "
            f"{f(rec['refuted'])} | {f(rec['not_enough_info'])} | {f(m['verbatim'])} | "
            f"{f(m['baseline_balanced_accuracy'])} | {f(b['supported'])} | {f(b['not_enough_info'])} |"
        )
    return "\n".join(lines)
