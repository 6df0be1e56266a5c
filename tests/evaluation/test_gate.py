"""CI gate: the whole gold set through the real pipeline must keep every floor in eval/thresholds.toml.

Quality only: how long the run takes is a benchmark figure (bench/, eval reports), never a test
assertion, because CI machines are shared and a busy core must not turn a build red.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation.gold import load_gold
from bot.evaluation.report import failures_by_category, summary_text, write_report
from bot.evaluation.runner import evaluate
from bot.evaluation.thresholds import gate, load_thresholds
from bot.service import FactService

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.integration
def test_gold_set_meets_thresholds(ingested_service: FactService, tmp_path: Path) -> None:
    gold = ROOT / "eval" / "gold.jsonl"
    report = evaluate(ingested_service, load_gold(gold), gold, progress=False)
    failures = gate(report["metrics"], load_thresholds(ROOT / "eval" / "thresholds.toml"))
    paths = write_report(report, tmp_path, failures)
    print(summary_text(report, failures))
    for cat, items in failures_by_category(report).items():
        print(f"{cat}: " + ", ".join(f"{i['id']} ({i['got']})" for i in items))
    assert paths["markdown"].is_file()
    assert report["metrics"]["citations_verbatim"] in (None, 1.0), "a citation is not verbatim in its document"
    assert not failures, "eval gate failed:\n" + "\n".join(failures) + f"\nsee {paths['markdown']}"
