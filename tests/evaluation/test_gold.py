"""The gold set is valid and the checker catches every kind of broken item."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bot.errors import BadInput
from bot.evaluation.gold import GoldItem, check_gold, load_gold, project_root

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold.jsonl"
SRC = "data/000_a856f8a56b9e8d9f.txt"
BODY_QUOTE = "Putin mengatakan Rusia akan membantu Korea Utara membangun satelit"


def _item(ident: str, **over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": ident, "kind": "question", "lang": "en", "category": "who_said", "text": "Who said it?",
        "expected": "answered", "accept": ["Putin"], "evidence": [{"source": SRC, "quote": BODY_QUOTE}],
    }  # fmt: skip
    base.update(over)
    return base


def _items(*rows: dict[str, object]) -> list[GoldItem]:
    return [GoldItem.model_validate(r) for r in rows]


def test_shipped_gold_set_passes_the_checker() -> None:
    items = load_gold(GOLD)
    assert check_gold(items, project_root(GOLD)) == []
    assert len(items) >= 80
    cats = Counter(it.category for it in items)
    for needed in ("who_said", "number", "date", "place", "why", "cross_article", "unanswerable_offcorpus",
                   "unanswerable_boilerplate", "injection", "supported", "not_enough_info"):  # fmt: skip
        assert cats[needed] >= 3, needed
    assert sum(n for c, n in cats.items() if c.startswith("refuted_")) >= 20
    assert {it.lang for it in items} == {"en", "id"}
    assert {it.expected for it in items} == {"answered", "not_found", "supported", "refuted", "not_enough_info"}


def test_checker_flags_duplicates_missing_quotes_boilerplate_and_balance() -> None:
    items = _items(
        _item("a"),
        _item("a", lang="id"),
        _item("b", lang="id", evidence=[{"source": SRC, "quote": "Putin said something he never said"}]),
        # In the raw file, but only in the related-article list, never in the cleaned body.
        _item("c", evidence=[{"source": SRC, "quote": "Badai Milton Hancurkan Wilayah Florida AS"}]),
        _item("d", evidence=[{"source": "data/nope.txt", "quote": BODY_QUOTE}]),
        _item("e", kind="claim", category="supported", expected="supported", accept=[]),
    )
    problems = "\n".join(check_gold(items, ROOT))
    assert "duplicate id 'a'" in problems
    assert "b: quote not verbatim" in problems
    assert "c: quote is in data/000_a856f8a56b9e8d9f.txt but not in its cleaned body" in problems
    assert "d: evidence source data/nope.txt does not exist" in problems
    assert "category 'supported' has 1 item(s)" in problems
    assert "category 'supported' has only ['en'] items" in problems
    assert "who_said" not in problems


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (_item("x", expected="supported"), "not valid for a question"),
        (_item("x", accept=[]), "needs `accept` strings and `evidence`"),
        (_item("x", expected="not_found"), "cannot carry evidence"),
        (_item("x", kind="claim", expected="refuted", evidence=[]), "refuted claim needs `evidence`"),
        (_item("x", lang="fr"), "lang"),
    ],
)
def test_loader_names_the_bad_line(tmp_path: Path, row: dict[str, object], message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(_item("ok")) + "\n\n" + json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(BadInput, match=message) as err:
        load_gold(path)
    assert f"{path}:3:" in str(err.value)


def test_loader_rejects_malformed_json_and_empty_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(BadInput, match="bad.jsonl:1: malformed JSON"):
        load_gold(bad)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(BadInput, match="no items"):
        load_gold(empty)
    with pytest.raises(BadInput, match="no such gold file"):
        load_gold(tmp_path / "missing.jsonl")


def test_check_command_exit_status(tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "bot.cli", "dev", "gold", "check", str(GOLD)], capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip().endswith("ok")
    broken = tmp_path / "eval" / "gold.jsonl"
    broken.parent.mkdir()
    broken.write_text(json.dumps(_item("a")) + "\n" + json.dumps(_item("a")) + "\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "bot.cli", "dev", "gold", "check", str(broken)], capture_output=True,
                         text=True, cwd=tmp_path)  # fmt: skip
    assert res.returncode == 1
    assert "duplicate id 'a'" in res.stderr
