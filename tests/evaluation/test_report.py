"""Reports: JSON + Markdown + PNGs on disk, comparison with the previous run, and the threshold gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.errors import BadInput
from bot.evaluation.gold import GoldItem
from bot.evaluation.metrics import ItemRun
from bot.evaluation.report import summary_text, write_report
from bot.evaluation.runner import build_report
from bot.evaluation.thresholds import gate, load_thresholds
from bot.models import Answer, Citation

DOC = "Judul\n\nPutin mengatakan Rusia akan membantu Korea Utara membangun satelit."
QUOTE = DOC[7:-1]


def _items() -> list[GoldItem]:
    ev = [{"source": "data/x.txt", "quote": QUOTE}]
    return [
        GoldItem(id="q1", kind="question", lang="en", category="who_said", text="Who said it?", expected="answered",
                 accept=["Putin"], evidence=ev),  # type: ignore[arg-type]
        GoldItem(id="u1", kind="question", lang="id", category="unanswerable_offcorpus", text="Siapa juara dunia?",
                 expected="not_found"),
    ]  # fmt: skip


def _report(q1_found: bool) -> dict:
    items = _items()
    cit = Citation(n=1, doc_id="d1", source="data/x.txt", quote=QUOTE, char_start=7, char_end=7 + len(QUOTE))
    good = Answer(query="q", status="answered", answer=f"Putin said it [1]: “{QUOTE}”", citations=[cit])
    nf = Answer(query="q", status="not_found", answer="The sources do not say.")
    runs = [
        ItemRun(items[0], good if q1_found else nf, 12.0, retrieved=[QUOTE], doc_texts={"d1": DOC}),
        ItemRun(items[1], nf, 8.0, retrieved=None),
    ]
    return build_report(object(), items, runs, Path("eval/gold.jsonl"))


def test_report_files_and_comparison_with_previous(tmp_path: Path) -> None:
    first = write_report(_report(q1_found=True), tmp_path, gate_failures=[])
    for key in ("json", "markdown", "metrics_by_category", "latency"):
        assert first[key].is_file() and first[key].stat().st_size > 0, key
    assert first["metrics_by_category"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    md = first["markdown"].read_text(encoding="utf-8")
    assert "| answer_accuracy | 1.000 |" in md and "No previous report" in md and "**Gate: PASS**" in md

    second = write_report(_report(q1_found=False), tmp_path, gate_failures=["answer_accuracy = 0.0 is below 0.9"])
    data = json.loads(second["json"].read_text(encoding="utf-8"))
    comp = data["comparison"]
    assert [r["id"] for r in comp["flipped_to_fail"]] == ["q1"] and comp["flipped_to_pass"] == []
    acc = next(d for d in comp["deltas"] if d["metric"] == "answer_accuracy")
    assert (acc["previous"], acc["current"], acc["delta"], acc["better"]) == (1.0, 0.0, -1.0, False)
    fa = next(d for d in comp["deltas"] if d["metric"] == "false_abstention")
    assert fa["better"] is False  # lower is better: 0 -> 1 is worse
    assert data["gate"] == {"passed": False, "failures": ["answer_accuracy = 0.0 is below 0.9"]}
    md = second["markdown"].read_text(encoding="utf-8")
    assert "Now failing (were passing): 1" in md and "`q1` (got answered → not_found)" in md
    assert "### who_said (1)" in md and "**Gate: FAIL**" in md
    assert len(list((tmp_path / "history").glob("report-*.json"))) == 1
    text = summary_text(data, ["x"])
    assert "gate FAIL (1)" in text and "1 now failing" in text


def test_gate_reads_floors_and_ceilings(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text("[minimum]\nrecall_at_5 = 0.8\nmrr = 0.5\n[maximum]\nfalse_abstention = 0.1\n", encoding="utf-8")
    th = load_thresholds(path)
    assert gate({"recall_at_5": 0.9, "mrr": 0.5, "false_abstention": 0.1}, th) == []
    fails = gate({"recall_at_5": 0.7, "mrr": None, "false_abstention": 0.2}, th)
    assert fails == [
        "recall_at_5 = 0.7 is below its minimum 0.8",
        "mrr = None is below its minimum 0.5",
        "false_abstention = 0.2 is above its maximum 0.1",
    ]
    path.write_text("[minimum]\nmrr = 'high'\n", encoding="utf-8")
    with pytest.raises(BadInput, match="must be a number"):
        load_thresholds(path)


def test_shipped_thresholds_parse() -> None:
    th = load_thresholds(Path(__file__).resolve().parents[2] / "eval" / "thresholds.toml")
    assert th["minimum"], "the gate needs at least one floor"
