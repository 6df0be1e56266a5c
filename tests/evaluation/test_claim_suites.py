"""Claim suites: loading, disjoint premises between splits, balanced accuracy, the table and CLI errors."""

from __future__ import annotations

import json

import pytest

from bot.errors import BadInput
from bot.evaluation.claim_suites import LABELS, balanced, claim_table, load_claims
from bot.evaluation.suites import SUITES, claim_names, names


def test_claim_and_question_suites_are_told_apart() -> None:
    assert {"indonli", "sick", "fresh_claims"} <= set(claim_names())
    assert not set(claim_names()) & set(names())


@pytest.mark.parametrize("name", ["indonli", "sick"])
def test_shipped_claim_suites_have_every_label_and_disjoint_premises(name: str) -> None:
    premises = {}
    for split in ("dev", "heldout"):
        items, corpus = load_claims(name, split)
        assert {i.label for i in items} == set(LABELS)
        rows = [json.loads(x) for x in (SUITES / name / f"items.{split}.jsonl").read_text().splitlines()]
        for r in rows:  # each premise is verbatim in the corpus file the item names
            assert r["evidence"] in (SUITES / name / r["file"]).read_text(encoding="utf-8")
        premises[split] = {r["evidence"] for r in rows}
        assert corpus.is_dir()
    assert not premises["dev"] & premises["heldout"]


def test_fresh_claims_are_held_out_only() -> None:
    with pytest.raises(BadInput, match="held out only"):
        load_claims("fresh_claims", "dev")
    items, corpus = load_claims("fresh_claims", "heldout")
    assert items and corpus.name == "data"


def test_balanced_accuracy_is_the_mean_of_class_recalls() -> None:
    rows = [
        {"label": "supported", "verdict": "supported"},
        {"label": "supported", "verdict": "not_enough_info"},
        {"label": "refuted", "verdict": "refuted"},
        {"label": "not_enough_info", "verdict": "not_enough_info"},
    ]
    m = balanced(rows, "verdict")
    assert m["recall"] == {"supported": 0.5, "refuted": 1.0, "not_enough_info": 1.0}
    assert m["balanced_accuracy"] == round((0.5 + 1 + 1) / 3, 3)
    metrics = {
        "items": 4,
        **m,
        "verbatim": 1.0,
        "baseline_balanced_accuracy": 0.5,
        "baseline_recall": {"supported": 1.0, "refuted": 0.0, "not_enough_info": 0.5},
    }
    line = claim_table([{"suite": "s", "split": "dev", "metrics": metrics}]).splitlines()[2]
    assert line.startswith("| s | dev | 4 | 0.83 | 0.50 | 1.00 | 1.00 | 1.00 | 0.50 |")


def test_unknown_claim_suite_is_a_one_line_error() -> None:
    with pytest.raises(BadInput, match="unknown claim suite"):
        load_claims("no-such-suite", "dev")
