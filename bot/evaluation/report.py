"""Write the eval report: report.json (machine), report.md (people), PNG plots, and the terminal table.

The JSON keeps every item's outcome so the next run can say exactly which items
flipped; the Markdown lists the failures by category because that list is what
someone improving the answerer works from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.evaluation.compare import archive_previous, compare, load_previous
from bot.evaluation.metrics import METRIC_KEYS
from bot.evaluation.plots import write_plots
from bot.models import VERDICTS

CATEGORY_COLUMNS = ("items", "pass_rate", "recall_at_5", "answer_accuracy", "abstention", "verdict_accuracy")


def fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}" if value > 1.5 else f"{value:.3f}"
    return str(value)


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(fmt(c) if not isinstance(c, str) else c for c in row) + " |" for row in rows]
    return lines + [""]


def _cell(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def failures_by_category(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for item in report["items"]:
        if not item["passed"]:
            out.setdefault(item["category"], []).append(item)
    return dict(sorted(out.items()))


def render_markdown(report: dict[str, Any], gate_failures: list[str] | None = None) -> str:
    m, meta = report["metrics"], report["meta"]
    lines = [
        "# factbot eval report",
        "",
        f"{meta['created']} · commit {meta.get('commit') or '?'} · gold `{meta['gold']}` ({meta['items']} items) · "
        f"embedder {meta.get('embedder')} · answerer {meta.get('answerer')} · top_k {meta.get('top_k')} · "
        f"{meta.get('documents')} documents / {meta.get('chunks')} chunks",
        "",
    ]
    if gate_failures is not None:
        lines += (
            ["**Gate: PASS**", ""]
            if not gate_failures
            else ["**Gate: FAIL**", ""] + [f"- {f}" for f in gate_failures] + [""]
        )
    lines += ["## Metrics", ""]
    lines += _table(["metric", "value"], [[k, m.get(k)] for k in METRIC_KEYS] + [["errors", m.get("errors")]])
    lines += [
        f"Citation support is an {meta['citation_support']}. "
        "Precision and recall follow ALCE (share of citations supporting their sentence / share of answer "
        "sentences supported by their citations). Retrieval counts evidence as found when the gold quote "
        "(or its first 60 characters) is inside a retrieved chunk.",
        "",
        "### Verdict recall",
        "",
    ]
    lines += _table(["verdict", "recall"], [[v, m["verdict_recall"].get(v)] for v in VERDICTS])
    langs = list(report["by_lang"])
    lines += ["## By language", ""]
    lines += _table(["metric", *langs], [[k] + [report["by_lang"][g].get(k) for g in langs] for k in METRIC_KEYS])
    lines += ["## By category", ""]
    cats = report["by_category"]
    lines += _table(["category", *CATEGORY_COLUMNS], [[c] + [cats[c].get(k) for k in CATEGORY_COLUMNS] for c in cats])
    lines += ["![pass rate by category](metrics_by_category.png)", "", "![latency](latency.png)", ""]
    lines += _render_comparison(report.get("comparison"))
    lines += ["## Failing items, by category", ""]
    fails = failures_by_category(report)
    if not fails:
        lines += ["None.", ""]
    for cat, items in fails.items():
        lines += [f"### {cat} ({len(items)})", ""]
        lines += _table(
            ["id", "lang", "text", "expected", "got", "why", "answer"],
            [
                [i["id"], i["lang"], _cell(i["text"], 120), i["expected"], i["got"], _cell("; ".join(i["reasons"])),
                 _cell(i["answer"], 200)]
                for i in items
            ],
        )  # fmt: skip
    return "\n".join(lines)


def _render_comparison(comp: dict[str, Any] | None) -> list[str]:
    if not comp:
        return ["## Compared with the previous report", "", "No previous report in this folder.", ""]
    lines = [
        "## Compared with the previous report",
        "",
        f"Previous: {comp.get('previous_created')} (commit {comp.get('previous_commit') or '?'}).",
        "",
    ]
    arrow = {True: "better", False: "worse", None: ""}
    rows = [[d["metric"], d["previous"], d["current"], d["delta"], arrow[d["better"]]] for d in comp["deltas"]]
    lines += _table(["metric", "previous", "current", "delta", ""], rows)
    for key, title in (("flipped_to_fail", "Now failing (were passing)"), ("flipped_to_pass", "Now passing")):
        lines += [f"### {title}: {len(comp[key])}", ""]
        lines += [f"- `{r['id']}` (got {r['was']} → {r['now']}) {_cell(r['text'], 120)}" for r in comp[key]] + [""]
    return lines


def write_report(report: dict[str, Any], out_dir: Path, gate_failures: list[str] | None = None) -> dict[str, Path]:
    """Write JSON, Markdown and plots into out_dir, comparing with (and archiving) the report already there."""
    out_dir.mkdir(parents=True, exist_ok=True)
    previous = load_previous(out_dir)
    if previous is not None:
        archive_previous(out_dir, previous)
        report["comparison"] = compare(previous, report)
    if gate_failures is not None:
        report["gate"] = {"passed": not gate_failures, "failures": gate_failures}
    pngs = write_plots(report, out_dir)
    paths = {"json": out_dir / "report.json", "markdown": out_dir / "report.md"}
    paths["json"].write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    paths["markdown"].write_text(render_markdown(report, gate_failures), encoding="utf-8")
    paths.update({p.stem: p for p in pngs})
    return paths


def summary_text(report: dict[str, Any], gate_failures: list[str] | None = None) -> str:
    """A short plain-text summary (terminal footer and Slack message)."""
    m = report["metrics"]
    keys = ("recall_at_5", "mrr", "answer_accuracy", "citation_precision", "citation_recall", "abstention",
            "false_abstention", "verdict_accuracy", "balanced_accuracy", "latency_p95_ms")  # fmt: skip
    head = f"factbot eval: {m['items']} items, pass rate {fmt(m['pass_rate'])}"
    if gate_failures is not None:
        head += " · gate " + ("PASS" if not gate_failures else f"FAIL ({len(gate_failures)})")
    body = ", ".join(f"{k} {fmt(m.get(k))}" for k in keys)
    comp = report.get("comparison")
    tail = ""
    if comp:
        tail = f"\nvs previous: {len(comp['flipped_to_fail'])} now failing, {len(comp['flipped_to_pass'])} now passing"
    return f"{head}\n{body}{tail}"


def print_table(report: dict[str, Any]) -> None:
    """The metric table on stdout: overall and per language."""
    from rich.console import Console
    from rich.table import Table

    langs = list(report["by_lang"])
    table = Table(title="factbot eval", show_lines=False)
    table.add_column("metric")
    table.add_column("all", justify="right")
    for g in langs:
        table.add_column(g, justify="right")
    for k in METRIC_KEYS:
        table.add_row(k, fmt(report["metrics"].get(k)), *(fmt(report["by_lang"][g].get(k)) for g in langs))
    Console(soft_wrap=True).print(table)
