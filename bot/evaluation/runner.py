"""Run the gold set through the same FactService.ask every user goes through, and build the report dict.

Retrieval is observed separately (service.retriever.retrieve) only to score
recall/MRR; the answer itself always comes from the user path, so the eval can
never measure a different system than the one people talk to.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import subprocess
import time
from pathlib import Path
from typing import Any

from tqdm import tqdm

from bot.evaluation.gold import GoldItem
from bot.evaluation.metrics import ItemRun, aggregate, breakdown, score_item

RETRIEVE_K = 10  # MRR is computed over this many chunks; recall@5 over the first five


class _Docs:
    """Stored clean texts of cited documents, fetched once each."""

    def __init__(self, service: Any) -> None:
        self.service = service
        self.cache: dict[str, str | None] = {}

    def get(self, doc_id: str) -> str | None:
        if doc_id not in self.cache:
            try:
                doc = self.service.store.get_document(doc_id)
            except Exception:
                doc = None
            self.cache[doc_id] = doc.text if doc is not None else None
        return self.cache[doc_id]


def _retrieve(service: Any, text: str) -> list[str] | None:
    retriever = getattr(service, "retriever", None)
    if retriever is None or not hasattr(retriever, "retrieve"):
        return None
    try:
        return [hit.chunk.text for hit in retriever.retrieve(text, k=RETRIEVE_K)]
    except Exception:
        return None


def run_item(service: Any, item: GoldItem, docs: _Docs) -> ItemRun:
    t0 = time.perf_counter()
    try:
        ans = service.ask(item.text, kind=item.kind)
        err = None
    except Exception as exc:  # one broken item must not stop the run; it is reported and scored as a failure
        ans, err = None, f"{type(exc).__name__}: {exc}"
    latency = (time.perf_counter() - t0) * 1000
    run = ItemRun(item=item, answer=ans, latency_ms=latency, retrieved=_retrieve(service, item.text), error=err)
    if ans is not None:
        run.doc_texts = {c.doc_id: docs.get(c.doc_id) for c in ans.citations}
    return run


def warm_up(service: Any, items: list[GoldItem]) -> None:
    """Load models and indexes before timing, so the first item's latency is not the start-up cost."""
    for kind in ("question", "claim"):
        sample = next((it for it in items if it.kind == kind), None)
        if sample is None:
            continue
        with contextlib.suppress(Exception):  # the timed run records the error against the item
            service.ask(sample.text, kind=kind)


def run_gold(service: Any, items: list[GoldItem], progress: bool = True) -> list[ItemRun]:
    docs = _Docs(service)
    warm_up(service, items)
    bar = tqdm(items, desc="eval", unit="item", disable=not progress, leave=False)
    return [run_item(service, it, docs) for it in bar]


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def build_report(service: Any, items: list[GoldItem], runs: list[ItemRun], gold_path: Path) -> dict[str, Any]:
    scores = [score_item(r) for r in runs]
    settings = getattr(service, "settings", None)
    try:
        stats = service.stats()
    except Exception:
        stats = {}
    return {
        "meta": {
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "gold": str(gold_path),
            "items": len(items),
            "commit": _git_commit(),
            "embedder": getattr(settings, "embedder", None),
            "answerer": getattr(settings, "answerer", None),
            "top_k": getattr(settings, "top_k", None),
            "chunk_size": getattr(settings, "chunk_size", None),
            "documents": stats.get("documents"),
            "chunks": stats.get("chunks"),
            "citation_support": (
                "offline approximation, no NLI model: a citation supports its sentence when its quote is verbatim "
                "in the stored document and covers >= 50% of the sentence's content words"
            ),
        },
        "metrics": aggregate(scores),
        "by_lang": breakdown(scores, "lang"),
        "by_category": breakdown(scores, "category"),
        "items": [s.to_dict() for s in scores],
    }


def evaluate(service: Any, items: list[GoldItem], gold_path: Path, progress: bool = True) -> dict[str, Any]:
    return build_report(service, items, run_gold(service, items, progress=progress), gold_path)
