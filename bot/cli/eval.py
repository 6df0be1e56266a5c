"""`factbot eval`: run the gold set, print the metric table, write JSON + Markdown + plots."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from bot.cli import app
from bot.cli.common import service
from bot.errors import BadInput


@app.command("eval")
def eval_cmd(
    gold: Path = typer.Option(Path("eval/gold.jsonl"), "--gold", help="Gold set (JSONL, see eval/README.md)."),
    out: Path = typer.Option(Path("eval/reports"), "--out", help="Folder for report.json, report.md and plots."),
    thresholds: Path = typer.Option(
        Path("eval/thresholds.toml"), "--thresholds", help="Minimums for the gate (skipped when the file is absent)."
    ),
    gate_exit: bool = typer.Option(False, "--gate", help="Exit 1 when a metric breaks its threshold (for CI)."),
    slack: bool = typer.Option(False, "--slack", help="Post the summary to FACTBOT_SLACK_WEBHOOK_URL."),
    llm_judge: bool = typer.Option(
        False, "--llm-judge", help="Also judge citation support with the configured LLM (needs FACTBOT_ANSWERER=llm)."
    ),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr."),
    suite: str | None = typer.Option(
        None, "--suite", help="Run an external suite from eval/suites (or 'fresh', or 'all') instead of the gold set."
    ),
    split: str = typer.Option("both", "--split", help="Suite split: dev, heldout or both."),
) -> None:
    """Run the gold set through the same path users get and report retrieval, grounding, abstention and verdicts."""
    if suite:
        _run_suites(suite, split, out, progress)
        return
    from bot.evaluation.gold import check_gold, load_gold, project_root
    from bot.evaluation.report import print_table, summary_text, write_report
    from bot.evaluation.runner import evaluate
    from bot.evaluation.thresholds import gate, load_thresholds

    svc = service()
    if llm_judge and svc.settings.answerer != "llm":
        raise BadInput("--llm-judge needs an LLM backend: set FACTBOT_ANSWERER=llm (and FACTBOT_LLM_*)")
    if slack and not svc.settings.slack_webhook_url:
        raise BadInput("--slack needs FACTBOT_SLACK_WEBHOOK_URL")
    items = load_gold(gold)
    for problem in check_gold(items, project_root(gold)):
        print(f"factbot: warning: gold: {problem}", file=sys.stderr)
    if not svc.stats().get("documents"):
        raise BadInput(f"the store in {svc.settings.persist_dir} is empty: run `factbot ingest` first")
    report = evaluate(svc, items, gold, progress=progress)
    if llm_judge:
        from bot.evaluation.judge_llm import judge_report

        report["llm_judge"] = judge_report(report, svc.settings)
    failures = gate(report["metrics"], load_thresholds(thresholds)) if thresholds.is_file() else None
    paths = write_report(report, out, failures)
    print_table(report)
    print(summary_text(report, failures))
    for f in failures or []:
        print(f"gate: {f}")
    print(f"report: {paths['markdown']} · {paths['json']}")
    if slack:
        try:
            from bot.slack.webhook import post_text
        except ImportError:
            raise BadInput("Slack posting is not available in this install (bot.slack.webhook missing)") from None
        post_text(summary_text(report, failures) + f"\nreport: {paths['markdown']}", svc.settings)
    if gate_exit and failures:
        raise typer.Exit(1)


def _run_suites(suite: str, split: str, out: Path, progress: bool) -> None:
    """Each suite in its own store, next to the dense baseline; writes suites.json and suites.md under `out`."""
    import json

    from bot.evaluation.suite_run import run_split, table
    from bot.evaluation.suites import SPLITS, names

    if split not in (*SPLITS, "both"):
        raise BadInput(f"unknown split {split!r}: use dev, heldout or both")
    chosen = names() if suite == "all" else [suite]
    if suite != "all" and suite not in names():
        raise BadInput(f"unknown suite {suite!r}: choose from {', '.join(names()) or 'none'} or all")
    results = []
    for name in chosen:
        for sp in SPLITS if split == "both" else (split,):
            if name == "fresh" and sp == "dev":
                continue  # written blind, held out only
            results.append(run_split(name, sp, progress=progress))
    md = table(results)
    out.mkdir(parents=True, exist_ok=True)
    (out / "suites.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    (out / "suites.md").write_text(md + "\n", encoding="utf-8")
    print(md)
    print(f"report: {out / 'suites.md'} · {out / 'suites.json'}")
