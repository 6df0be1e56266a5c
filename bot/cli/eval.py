"""`factbot eval`: run the gold set, print the metric table, write JSON + Markdown + plots."""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from bot.cli import app
from bot.cli.common import service
from bot.errors import BadInput
from bot.service import FactService


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
    live: bool = typer.Option(
        False, "--live", help="Score the configured store (FACTBOT_PERSIST_DIR) instead of a scratch one."
    ),
    corpus: Path = typer.Option(
        None, "--corpus", metavar="DIR", help="Articles for the scratch store (default: data/ beside eval/)."
    ),
) -> None:
    """Run the gold set through the same path users get and report retrieval, grounding, abstention and verdicts.

    The gold set runs on a scratch store built from its corpus (data/), so the live store's uploads and
    deletions never change the report; --live scores the configured store instead."""
    if suite:
        _run_suites(suite, split, out, progress)
        return
    from bot.evaluation.gold import check_gold, load_gold, project_root
    from bot.evaluation.report import print_table, summary_text, write_report
    from bot.evaluation.runner import evaluate
    from bot.evaluation.thresholds import gate, load_thresholds

    settings = service().settings
    if llm_judge and settings.answerer != "llm":
        raise BadInput("--llm-judge needs an LLM backend: set FACTBOT_ANSWERER=llm (and FACTBOT_LLM_*)")
    if slack and not settings.slack_webhook_url:
        raise BadInput("--slack needs FACTBOT_SLACK_WEBHOOK_URL")
    if live and corpus is not None:
        raise BadInput("--corpus builds a scratch store; --live scores the configured one: give one of them")
    items = load_gold(gold)
    for problem in check_gold(items, project_root(gold)):
        print(f"factbot: warning: gold: {problem}", file=sys.stderr)
    source = corpus or project_root(gold) / "data"
    with _eval_store(live, source, progress) as svc:
        report = evaluate(svc, items, gold, progress=progress)
    report["meta"]["store"] = str(settings.persist_dir) if live else f"scratch, built from {source}"
    if llm_judge:
        from bot.evaluation.judge_llm import judge_report

        report["llm_judge"] = judge_report(report, settings)
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
        post_text(summary_text(report, failures) + f"\nreport: {paths['markdown']}", settings)
    if gate_exit and failures:
        raise typer.Exit(1)


@contextmanager
def _eval_store(live: bool, corpus: Path, progress: bool) -> Iterator[FactService]:
    """The live store when asked; otherwise a fresh store of `corpus`, deleted afterwards, so uploads and
    deletions in the live store never change what the report measures."""
    if live:
        svc = service()
        if not svc.stats().get("documents"):
            raise BadInput(f"the store in {svc.settings.persist_dir} is empty: run `factbot ingest` first")
        yield svc
        return
    if not corpus.is_dir():
        raise BadInput(f"no corpus folder {corpus}: give --corpus DIR, or --live to score the configured store")
    tmp = Path(tempfile.mkdtemp(prefix="factbot-eval-"))
    try:
        settings = service().settings.model_copy(update={"persist_dir": tmp, "chroma_host": None})
        svc = FactService(settings)
        report = svc.ingest([corpus], show_bar=progress)
        if not report.documents:
            raise BadInput(f"no articles could be ingested from {corpus}")
        yield svc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run_suites(suite: str, split: str, out: Path, progress: bool) -> None:
    """Each suite in its own store, next to its plain baseline; writes suites.json and suites.md under `out`.

    Question suites and claim suites share the flag: a claim suite reports balanced accuracy and per-class
    recall instead of answer accuracy."""
    import json

    from bot.evaluation.claim_suites import claim_table, run_claim_split
    from bot.evaluation.suite_run import run_split, table
    from bot.evaluation.suites import SPLITS, claim_names, names

    if split not in (*SPLITS, "both"):
        raise BadInput(f"unknown split {split!r}: use dev, heldout or both")
    known = names() + claim_names()
    if suite != "all" and suite not in known:
        raise BadInput(f"unknown suite {suite!r}: choose from {', '.join(known) or 'none'} or all")
    chosen = known if suite == "all" else [suite]
    results, claim_results = [], []
    for name in chosen:
        for sp in SPLITS if split == "both" else (split,):
            if name in ("fresh", "fresh_claims") and sp == "dev":
                continue  # written blind, held out only
            if name in claim_names():
                claim_results.append(run_claim_split(name, sp, progress=progress))
            else:
                results.append(run_split(name, sp, progress=progress))
    md = "\n\n".join(t for t in (results and table(results), claim_results and claim_table(claim_results)) if t)
    out.mkdir(parents=True, exist_ok=True)
    payload = results + claim_results
    (out / "suites.json").write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")
    (out / "suites.md").write_text(md + "\n", encoding="utf-8")
    print(md)
    print(f"report: {out / 'suites.md'} · {out / 'suites.json'}")
