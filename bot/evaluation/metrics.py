"""Score one gold item's run, then aggregate scores into the report's metrics.

Scoring is a pure function of what the runner recorded (answer, retrieved chunk
texts, stored document texts), so it is unit-tested on hand-built Answers and
never depends on the live pipeline.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from statistics import mean
from typing import Any

import numpy as np

from bot.evaluation.gold import GoldItem
from bot.evaluation.support import judge_support, overlaps
from bot.models import VERDICTS, Answer

EVIDENCE_PREFIX = 60
METRIC_KEYS = (
    "recall_at_1",
    "recall_at_5",
    "mrr",
    "answer_accuracy",
    "citation_precision",
    "citation_recall",
    "citations_verbatim",
    "evidence_cited",
    "abstention",
    "false_abstention",
    "verdict_accuracy",
    "balanced_accuracy",
    "pass_rate",
    "latency_p50_ms",
    "latency_p95_ms",
)


@dataclass
class ItemRun:
    """What the runner saw for one item."""

    item: GoldItem
    answer: Answer | None
    latency_ms: float
    retrieved: list[str] | None = None  # chunk texts in rank order; None when retrieval is not observable
    doc_texts: dict[str, str | None] = field(default_factory=dict)  # cited doc_id -> stored clean text
    error: str | None = None


@dataclass
class ItemScore:
    id: str
    kind: str
    lang: str
    category: str
    expected: str
    text: str
    got: str
    passed: bool
    reasons: list[str]
    latency_ms: float
    answer: str = ""
    answerable: bool = False
    evidence_rank: int | None = None  # 1-based rank of the first retrieved chunk holding evidence
    retrieval_scored: bool = False
    accepted: bool | None = None
    sentences: int = 0
    sentences_supported: int = 0
    citations: int = 0
    citations_supported: int = 0
    cited_passages: int = 0  # Citation objects returned (citations above counts (sentence, marker) pairs)
    citations_verbatim: int = 0
    evidence_cited: bool | None = None
    cited: list[dict[str, Any]] = field(default_factory=list)  # n, source, quote, verbatim per citation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def evidence_in(chunk: str, quote: str) -> bool:
    return quote in chunk or quote[:EVIDENCE_PREFIX] in chunk


def score_item(run: ItemRun) -> ItemScore:
    it, ans = run.item, run.answer
    got = "error" if ans is None else (ans.verdict or "none") if it.kind == "claim" else ans.status
    sc = ItemScore(
        id=it.id, kind=it.kind, lang=it.lang, category=it.category, expected=it.expected, text=it.text, got=got,
        passed=False, reasons=[], latency_ms=run.latency_ms, answer=ans.answer if ans else "",
        answerable=it.answerable,
    )  # fmt: skip
    if it.evidence and run.retrieved is not None:
        sc.retrieval_scored = True
        for rank, chunk in enumerate(run.retrieved, 1):
            if any(evidence_in(chunk, ev.quote) for ev in it.evidence):
                sc.evidence_rank = rank
                break
    if ans is None:
        sc.reasons.append(f"error: {run.error}")
        return sc
    if got != it.expected:
        sc.reasons.append(f"expected {it.expected}, got {got}")
    text = _norm(ans.answer)
    if it.accept and ans.status == "answered":
        sc.accepted = any(_norm(a) in text for a in it.accept)
        if not sc.accepted and it.kind == "question":
            sc.reasons.append(f"answer lacks any of {it.accept}")
    leaked = [r for r in it.reject if _norm(r) in text]
    if leaked:
        sc.reasons.append(f"answer contains forbidden {leaked}")
    quotes = {c.n: c.quote for c in ans.citations}
    verbatim = {}
    for c in ans.citations:
        doc = run.doc_texts.get(c.doc_id)
        verbatim[c.n] = doc is not None and doc[c.char_start : c.char_end] == c.quote
    sc.cited_passages = len(ans.citations)
    sc.cited = [{"n": c.n, "source": c.source, "quote": c.quote, "verbatim": verbatim[c.n]} for c in ans.citations]
    sc.citations_verbatim = sum(verbatim.values())
    if ans.citations and len(verbatim) < len(ans.citations):
        sc.reasons.append("two citations share one [n] marker")
    if ans.citations and not all(verbatim.values()):
        sc.reasons.append("a citation is not verbatim in its stored document")
    if ans.status == "answered" and (it.kind == "question" or ans.verdict in ("supported", "refuted")):
        sup = judge_support(ans.answer, quotes, verbatim)
        sc.sentences, sc.sentences_supported = sup.sentences, sup.sentences_supported
        sc.citations, sc.citations_supported = sup.citations, sup.citations_supported
        if it.evidence:
            sc.evidence_cited = any(overlaps(c.quote, ev.quote) for c in ans.citations for ev in it.evidence)
    sc.passed = not sc.reasons
    return sc


def _rate(flags: list[bool] | list[float]) -> float | None:
    return round(float(mean(flags)), 4) if flags else None


def aggregate(scores: list[ItemScore]) -> dict[str, Any]:
    """The report's metric block; a metric with no item to measure it is None, never 0."""
    ret = [s for s in scores if s.retrieval_scored]
    answerable_q = [s for s in scores if s.kind == "question" and s.expected == "answered"]
    unanswerable_q = [s for s in scores if s.kind == "question" and s.expected == "not_found"]
    claims = [s for s in scores if s.kind == "claim"]
    cited = [s for s in scores if s.citations]
    judged = [s for s in scores if s.sentences]
    lat = [s.latency_ms for s in scores if s.got != "error"]
    per_verdict = {v: _rate([s.got == v for s in claims if s.expected == v]) for v in VERDICTS}
    present = [r for r in per_verdict.values() if r is not None]
    out: dict[str, Any] = {
        "items": len(scores),
        "errors": sum(s.got == "error" for s in scores),
        "recall_at_1": _rate([s.evidence_rank == 1 for s in ret]),
        "recall_at_5": _rate([s.evidence_rank is not None and s.evidence_rank <= 5 for s in ret]),
        "mrr": round(float(mean(1 / s.evidence_rank if s.evidence_rank else 0.0 for s in ret)), 4) if ret else None,
        "answer_accuracy": _rate([s.passed for s in answerable_q]),
        "citation_precision": _rate([s.citations_supported / s.citations for s in cited]) if cited else None,
        "citation_recall": _rate([s.sentences_supported / s.sentences for s in judged]) if judged else None,
        "citations_verbatim": None,
        "evidence_cited": _rate([bool(s.evidence_cited) for s in scores if s.evidence_cited is not None]),
        "abstention": _rate([s.got == "not_found" for s in unanswerable_q]),
        "false_abstention": _rate([s.got == "not_found" for s in answerable_q]),
        "verdict_accuracy": _rate([s.got == s.expected for s in claims]),
        "verdict_recall": per_verdict,
        "balanced_accuracy": round(float(mean(present)), 4) if present else None,
        "pass_rate": _rate([s.passed for s in scores]),
        "latency_p50_ms": round(float(np.percentile(lat, 50)), 1) if lat else None,
        "latency_p95_ms": round(float(np.percentile(lat, 95)), 1) if lat else None,
    }
    n_cit = sum(s.cited_passages for s in scores)
    if n_cit:
        out["citations_verbatim"] = round(sum(s.citations_verbatim for s in scores) / n_cit, 4)
    return out


def breakdown(scores: list[ItemScore], key: str) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[ItemScore]] = defaultdict(list)
    for s in scores:
        groups[str(getattr(s, key))].append(s)
    return {g: aggregate(members) for g, members in sorted(groups.items())}
