"""The gold set: schema, loader and checker.

A gold item is only worth scoring against if its evidence is really in the
article body, so the checker proves every quote verbatim in its source file
(and, when the ingest cleaner is importable, in the cleaned body rather than in
the login boxes, ads and related-article lists around it). Run it with
`factbot dev gold check eval/gold.jsonl`.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError, model_validator

from bot.errors import BadInput
from bot.models import VERDICTS, Verdict

QUESTION_EXPECTED = ("answered", "not_found")
CLAIM_EXPECTED = VERDICTS
MIN_PER_CATEGORY = 3


class Evidence(BaseModel):
    source: str = Field(description="Path of the article file, relative to the gold file's project root.")
    quote: str = Field(min_length=8, description="Verbatim text of the article body that answers the item.")


class GoldItem(BaseModel):
    id: str = Field(min_length=1)
    kind: Literal["question", "claim"]
    lang: Literal["en", "id"]
    category: str = Field(min_length=1)
    text: str = Field(min_length=3)
    expected: Literal["answered", "not_found"] | Verdict
    accept: list[str] = Field(default_factory=list, description="Any one must appear in the answer.")
    reject: list[str] = Field(default_factory=list, description="None may appear in the answer (injections).")
    evidence: list[Evidence] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> GoldItem:
        allowed = QUESTION_EXPECTED if self.kind == "question" else CLAIM_EXPECTED
        if self.expected not in allowed:
            raise ValueError(f"expected {self.expected!r} is not valid for a {self.kind}: use one of {allowed}")
        if self.kind == "question" and self.expected == "answered" and not (self.accept and self.evidence):
            raise ValueError("an answerable question needs `accept` strings and `evidence`")
        if self.kind == "claim" and self.expected in ("supported", "refuted") and not self.evidence:
            raise ValueError(f"a {self.expected} claim needs `evidence`")
        if self.expected in ("not_found", "not_enough_info") and self.evidence:
            raise ValueError(f"an item expected {self.expected!r} cannot carry evidence")
        return self

    @property
    def answerable(self) -> bool:
        return self.expected not in ("not_found", "not_enough_info")


def load_gold(path: Path) -> list[GoldItem]:
    """Parse a JSONL gold file; raises BadInput naming the first bad line."""
    if not path.is_file():
        raise BadInput(f"no such gold file: {path}")
    items = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            items.append(GoldItem.model_validate(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise BadInput(f"{path}:{lineno}: malformed JSON: {exc.msg}") from None
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"]) or "item"
            raise BadInput(f"{path}:{lineno}: {where}: {err['msg']}") from None
    if not items:
        raise BadInput(f"{path}: the gold file has no items")
    return items


@lru_cache(maxsize=64)
def _clean_body(path: Path) -> str | None:
    """The article text as ingest stores it, or None when the cleaner is not importable."""
    try:
        from bot.ingest.pipeline import build_document
        from bot.settings import Settings
    except ImportError:
        return None
    try:
        doc, _, _ = build_document(path, Settings(_env_file=None))  # type: ignore[call-arg]
    except Exception:
        return None
    return doc.text


def check_gold(items: list[GoldItem], root: Path, min_per_category: int = MIN_PER_CATEGORY) -> list[str]:
    """Every problem found, one line each; an empty list means the gold set is usable."""
    problems: list[str] = []
    for ident, n in Counter(it.id for it in items).items():
        if n > 1:
            problems.append(f"duplicate id {ident!r} ({n} times)")
    for it in items:
        for ev in it.evidence:
            src = root / ev.source
            if not src.is_file():
                problems.append(f"{it.id}: evidence source {ev.source} does not exist")
                continue
            if ev.quote not in src.read_text(encoding="utf-8", errors="replace"):
                problems.append(f"{it.id}: quote not verbatim in {ev.source}: {ev.quote[:60]!r}")
                continue
            body = _clean_body(src.resolve())
            if body is not None and ev.quote not in body:
                problems.append(f"{it.id}: quote is in {ev.source} but not in its cleaned body: {ev.quote[:60]!r}")
    langs_by_cat: dict[str, set[str]] = defaultdict(set)
    for it in items:
        langs_by_cat[it.category].add(it.lang)
    counts = Counter(it.category for it in items)
    for cat, n in sorted(counts.items()):
        if n < min_per_category:
            problems.append(f"category {cat!r} has {n} item(s); at least {min_per_category} are needed")
        if len(langs_by_cat[cat]) < 2:
            problems.append(f"category {cat!r} has only {sorted(langs_by_cat[cat])} items; add the other language")
    kinds = {it.kind for it in items}
    if kinds != {"question", "claim"}:
        problems.append(f"the gold set needs both questions and claims, has only {sorted(kinds)}")
    return problems


def summary(items: list[GoldItem]) -> str:
    counts = Counter((it.category, it.lang) for it in items)
    cats = sorted({c for c, _ in counts})
    rows = [f"  {c:28s} en={counts[(c, 'en')]:2d} id={counts[(c, 'id')]:2d}" for c in cats]
    return f"{len(items)} items in {len(cats)} categories\n" + "\n".join(rows)


def project_root(gold_path: Path) -> Path:
    """Evidence sources are relative to the folder holding `eval/` (or to the gold file's own folder)."""
    here = gold_path.resolve().parent
    return here.parent if here.name == "eval" else here
