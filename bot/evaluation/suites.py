"""External question suites: public QA data ingested into its own store and asked through the user path.

A suite is eval/suites/<name>/ with corpus/<split>/*.txt and items.<split>.jsonl
(dev: may be tuned on; heldout: reported only), or the fresh sample-corpus
questions (eval/fresh/questions.jsonl over data/, held out). Each split gets a
store of its own, cached by the hash of its corpus and of the sentence splitter, so
the live store is never touched and a re-run does not re-embed anything (delete
<tmp>/factbot-suites to rebuild after changing the cleaner).
Every suite is scored next to the plain baseline: the top-1 sentence by dense
similarity, never abstaining.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import BadInput
from bot.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SUITES = ROOT / "eval" / "suites"
FRESH = ROOT / "eval" / "fresh" / "questions.jsonl"
FRESH_CLAIMS = ROOT / "eval" / "fresh" / "claims.jsonl"
SPLITS = ("dev", "heldout")


@dataclass
class SuiteItem:
    id: str
    question: str
    lang: str
    answerable: bool
    answers: list[str]
    category: str = ""
    source: str | None = None  # the file that states the answer, relative to the corpus folder's parent
    quotes: list[str] = field(default_factory=list)  # verbatim evidence, when the item gives it
    answer_start: int | None = None  # offset of the first answer in the source file


def names() -> list[str]:
    """Question suites present in this checkout (claim suites, which have premises, are left out)."""
    found = [p.name for p in _suite_dirs() if '"question"' in _first_line(p / "items.dev.jsonl")]
    return found + (["fresh"] if FRESH.is_file() else [])


def claim_names() -> list[str]:
    """Claim suites (items with a "claim" and a "label") present in this checkout, then the fresh claims."""
    found = [p.name for p in _suite_dirs() if '"claim"' in _first_line(p / "items.dev.jsonl")]
    return found + (["fresh_claims"] if FRESH_CLAIMS.is_file() else [])


def _suite_dirs() -> list[Path]:
    return [p for p in sorted(SUITES.glob("*")) if (p / "items.dev.jsonl").is_file() and (p / "corpus").is_dir()]


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8") as f:
        return f.readline()


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise BadInput(f"{path}:{n}: not JSON ({exc.msg})") from None
    return rows


def load(name: str, split: str) -> tuple[list[SuiteItem], Path]:
    """Items and the corpus folder of one split; raises BadInput for an unknown suite or split."""
    if name == "fresh":
        if split != "heldout":
            raise BadInput("the fresh suite is held out only: use --split heldout")
        rows = _read_jsonl(FRESH)
        items = [
            SuiteItem(
                id=r["id"],
                question=r["text"],
                lang=r.get("lang", "en"),
                answerable=r["expected"] == "answered",
                answers=list(r.get("accept", [])),
                category=r.get("category", ""),
                source=(r.get("evidence") or [{}])[0].get("source"),
                quotes=[e["quote"] for e in r.get("evidence", [])],
            )
            for r in rows
            if r.get("kind", "question") == "question"
        ]
        return items, ROOT / "data"
    folder = SUITES / name
    if name not in names():
        raise BadInput(f"unknown suite {name!r}: choose from {', '.join(names()) or 'none (eval/suites is empty)'}")
    path = folder / f"items.{split}.jsonl"
    if not path.is_file():
        raise BadInput(f"suite {name!r} has no {split} split ({path})")
    items = [
        SuiteItem(
            id=r["id"],
            question=r["question"],
            lang=r.get("lang", "en"),
            answerable=bool(r.get("answerable", True)),
            answers=list(r.get("answers", [])),
            category=r.get("category", ""),
            source=r.get("file"),
            answer_start=r.get("answer_start"),
        )
        for r in _read_jsonl(path)
    ]
    return items, folder / "corpus" / split


def _fingerprint(corpus: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(corpus.rglob("*")):
        if p.is_file():
            h.update(p.name.encode() + p.read_bytes())
    # What ingest stores (sentence offsets, outlets, languages, chunks) comes from this code: a change to it
    # needs a new store, or a suite would measure yesterday's ingest.
    for p in _ingest_code():
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def _ingest_code() -> list[Path]:
    bot = ROOT / "bot"
    return sorted(
        [
            *bot.glob("ingest/**/*.py"),
            *bot.glob("lang/packs/*.toml"),
            bot / "text" / "sentences.py",
            bot / "text" / "lang.py",
        ]
    )


def service_for(name: str, split: str, corpus: Path, embeddings: Any = None) -> Any:
    """A FactService over this split's own store (built once, then reused while corpus and ingest code match)."""
    from bot.retrieval.lexical_index import locked
    from bot.service import FactService
    from bot.settings import Settings

    store = Path(tempfile.gettempdir()) / "factbot-suites" / f"{name}-{split}-{_fingerprint(corpus)}"
    store.parent.mkdir(parents=True, exist_ok=True)
    # two evals of one suite at once must not both build its store: the second waits, then reuses it
    with locked(store.with_name(store.name + ".lock")):
        svc = FactService(Settings(persist_dir=store, collection="suite"), embeddings=embeddings)
        if not (store / ".complete").is_file():
            report = svc.ingest([corpus])
            for err in report.errors:  # reported, not fatal: a refused file is the system's failure to measure
                print(f"factbot: warning: suite {name}/{split}: {err.path}: {err.reason}", file=sys.stderr)
            (store / ".complete").write_text(report.model_dump_json(), encoding="utf-8")
    return svc


def norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def holds(text: str, answers: list[str]) -> bool:
    """Does the text state one of the gold answers (case, punctuation and spacing ignored)?"""
    low = f" {norm(text)} "
    return any(a and f" {norm(a)} " in low for a in answers)


def gold_sentence(root: Path, item: Any) -> str | None:
    """The sentence of the item's own file that holds the answer at its offset (None without an offset)."""
    start = getattr(item, "answer_start", None)
    if not item.answerable or not item.source or start is None:
        return None
    text = (root / item.source).read_text(encoding="utf-8")
    for s, e in split_sentences(text):
        if s <= start < e:
            return text[s:e]
    return None


def is_answer(text: str, source: str, item: Any, gold: str | None) -> bool:
    """A candidate is right when it is (or contains, or lies in) the gold sentence; without an offset, when it
    comes from the item's article and states a gold answer."""
    if not item.answerable or (item.source and Path(item.source).name != source):
        return False
    if gold is not None:
        a, b = norm(text), norm(gold)
        return a == b or (min(len(a), len(b)) >= 25 and (a in b or b in a))
    return holds(text, item.answers)
