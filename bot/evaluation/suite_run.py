"""Score a question suite through FactService.ask, next to the plain dense baseline.

Metrics (all over one split):
- accuracy: answerable items answered with a gold answer in the answer, plus unanswerable items refused;
- answered_right: of the answerable items, the share answered with a gold answer;
- false_refusal: of the answerable items, the share refused;
- abstention: of the unanswerable items, the share refused (None when the suite has none);
- precision: of the items answered (not refused), the share answered with a gold answer; an answered
  unanswerable item counts as wrong. For the baseline, which always answers, this is its accuracy;
- cited_right: of the answerable items, the share whose first citation is a sentence of the right article
  that states a gold answer (or overlaps the item's evidence quote);
- baseline_*: the top-1 sentence by dense similarity, never abstaining.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tqdm import tqdm

from bot.evaluation.suites import SuiteItem, gold_sentence, holds, is_answer, load, service_for


def _cited_right(item: SuiteItem, ans: Any, root: Path) -> bool:
    if not ans.citations:
        return False
    c = ans.citations[0]
    if item.source and Path(item.source).name != Path(c.source).name:
        return False
    if item.quotes:
        return any(q in c.quote or c.quote in q for q in item.quotes) or holds(c.quote, item.answers)
    return is_answer(c.quote, Path(c.source).name, item, gold_sentence(root, item))


def baseline(service: Any, question: str) -> str:
    """The top-1 sentence by cosine with the question: what a plain dense search would show."""
    vec = service.embeddings.embed_query(question)
    top = service.store.query_sentences(vec, k=1)
    if not top:
        return ""
    doc_id, s, e, _, _ = top[0]
    doc = service.retriever.docs.get(doc_id)
    return doc.text[s:e] if doc else ""


def run_split(name: str, split: str, progress: bool = True, embeddings: Any = None) -> dict[str, Any]:
    items, corpus = load(name, split)
    svc = service_for(name, split, corpus, embeddings)
    rows = []
    for item in tqdm(items, desc=f"{name}/{split}", unit="q", disable=not progress, leave=False):
        ans = svc.ask(item.question)
        answered = ans.status == "answered"
        base = baseline(svc, item.question)
        rows.append(
            {
                "id": item.id,
                "lang": item.lang,
                "category": item.category,
                "answerable": item.answerable,
                "answered": answered,
                "right": answered and item.answerable and holds(ans.answer, item.answers),
                "cited_right": answered and item.answerable and _cited_right(item, ans, corpus.parents[1]),
                "baseline_right": item.answerable and holds(base, item.answers),
                "answer": ans.answer,
            }
        )
    return {"suite": name, "split": split, "metrics": metrics(rows), "items": rows}


def _share(rows: list[dict[str, Any]], key: str) -> float | None:
    return round(sum(bool(r[key]) for r in rows) / len(rows), 3) if rows else None


def metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    pos = [r for r in rows if r["answerable"]]
    neg = [r for r in rows if not r["answerable"]]
    correct = sum(r["right"] for r in pos) + sum(not r["answered"] for r in neg)
    return {
        "items": len(rows),
        "answerable": len(pos),
        "unanswerable": len(neg),
        "accuracy": round(correct / len(rows), 3) if rows else None,
        "answered_right": _share(pos, "right"),
        "false_refusal": round(sum(not r["answered"] for r in pos) / len(pos), 3) if pos else None,
        "abstention": round(sum(not r["answered"] for r in neg) / len(neg), 3) if neg else None,
        "precision": _share([r for r in rows if r["answered"]], "right"),
        "cited_right": _share(pos, "cited_right"),
        "baseline_accuracy": round(sum(r["baseline_right"] for r in pos) / len(rows), 3) if rows else None,
        "baseline_answered_right": _share(pos, "baseline_right"),
    }


COLUMNS = (
    ("accuracy", "acc"),
    ("answered_right", "right"),
    ("false_refusal", "refused"),
    ("abstention", "abstain"),
    ("precision", "prec"),
    ("cited_right", "cited"),
    ("baseline_accuracy", "base acc"),
    ("baseline_answered_right", "base right"),
)


def table(results: list[dict[str, Any]]) -> str:
    """Markdown table: one row per suite and split, factbot next to the baseline."""
    head = "| suite | split | n | " + " | ".join(label for _, label in COLUMNS) + " |"
    lines = [head, "|" + " --- |" * (3 + len(COLUMNS))]
    for r in results:
        m = r["metrics"]
        cells = ["–" if m[k] is None else f"{m[k]:.2f}" for k, _ in COLUMNS]
        lines.append(f"| {r['suite']} | {r['split']} | {m['items']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
