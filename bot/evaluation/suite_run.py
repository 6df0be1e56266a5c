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
- span_right: of the answerable items, the share whose answer states a gold answer in its own words, the cited
  passages left out: the answer names the asked-for thing ("Tony Blair, according to ..."), not only quotes a
  sentence that holds it;
- baseline_*: the top-1 sentence by dense similarity, never abstaining;
- named_*: the same over the answerable items whose question's names and numbers all appear in the item's
  source file. Public QA sets pair questions written against a whole article with an excerpt of it ("Dimanakah
  letak rumah sakit Shifa?" against a passage that never mentions Shifa): refusing those is what a grounded
  system should do, so the subset shows what the refusals cost where the text does say what is asked about.
"""

from __future__ import annotations

import re
from functools import lru_cache
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


def _own_words(ans: Any) -> str:
    """The answer without the passages it quotes (each citation's quote is verbatim in it)."""
    text = str(ans.answer)
    for c in ans.citations:
        text = text.replace(c.quote, " ")
    return text


@lru_cache(maxsize=512)
def _file_text(path: Path) -> str:
    return path.read_text(encoding="utf-8").casefold()


def names_in_source(item: SuiteItem, root: Path) -> bool | None:
    """Whether every capitalised word after the first and every number of the question occurs in the item's
    source file (case-insensitive); None when the item names no source file. Plain string checks, nothing of
    the system's own reading."""
    if not item.source or not (root / item.source).is_file():
        return None
    toks = re.findall(r"\w[\w'-]*", item.question)
    named = [t for t in toks[1:] if t[:1].isupper() or t.isdigit()]
    text = _file_text(root / item.source)
    return all(t.casefold() in text for t in named)


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
                "span_right": answered and item.answerable and holds(_own_words(ans), item.answers),
                "baseline_right": item.answerable and holds(base, item.answers),
                "names_in_source": names_in_source(item, corpus.parents[1]),
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
        "span_right": _share(pos, "span_right") if all("span_right" in r for r in pos) else None,
        "baseline_accuracy": round(sum(r["baseline_right"] for r in pos) / len(rows), 3) if rows else None,
        "baseline_answered_right": _share(pos, "baseline_right"),
        **_named(pos),
    }


def _named(pos: list[dict[str, Any]]) -> dict[str, Any]:
    """The answerable items whose question's names are all in their source file (see the module docstring)."""
    named = [r for r in pos if r.get("names_in_source")]
    return {
        "named_items": len(named),
        "named_right": _share(named, "right"),
        "named_refusal": round(sum(not r["answered"] for r in named) / len(named), 3) if named else None,
        "baseline_named_right": _share(named, "baseline_right"),
    }


COLUMNS = (
    ("accuracy", "acc"),
    ("answered_right", "right"),
    ("false_refusal", "refused"),
    ("abstention", "abstain"),
    ("precision", "prec"),
    ("cited_right", "cited"),
    ("span_right", "span"),
    ("baseline_accuracy", "base acc"),
    ("baseline_answered_right", "base right"),
    ("named_items", "named n"),
    ("named_right", "named right"),
    ("named_refusal", "named refused"),
    ("baseline_named_right", "base named"),
)


def table(results: list[dict[str, Any]]) -> str:
    """Markdown table: one row per suite and split, factbot next to the baseline."""
    head = "| suite | split | n | " + " | ".join(label for _, label in COLUMNS) + " |"
    lines = [head, "|" + " --- |" * (3 + len(COLUMNS))]
    for r in results:
        m = r["metrics"]
        cells = ["–" if m[k] is None else str(m[k]) if isinstance(m[k], int) else f"{m[k]:.2f}" for k, _ in COLUMNS]
        lines.append(f"| {r['suite']} | {r['split']} | {m['items']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
