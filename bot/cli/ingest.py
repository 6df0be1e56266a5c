"""`factbot ingest PATH…`"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from bot.cli import app
from bot.cli.common import print_json, service


@app.command()
def ingest(
    targets: list[str] = typer.Argument(
        ...,
        metavar="PATH",
        help="Files or folders (.txt, .md, .html, .pdf; folders recursively) or http(s) URLs of articles.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    strict: bool = typer.Option(
        False,
        "--strict",
        help="Refuse documents carrying text addressed to an AI system instead of storing them flagged.",
    ),
) -> None:
    """Clean, chunk, embed and upsert articles (files, folders or URLs); unchanged ones add nothing."""
    paths = [t if t.lower().startswith(("http://", "https://")) else Path(t) for t in targets]  # URLs stay str
    svc = service()
    if strict:  # the service's ingest stores flagged documents; a one-shot CLI run can call the pipeline itself
        from bot.ingest.pipeline import ingest_paths

        report = ingest_paths(paths, svc.store, svc.settings, show_bar=True, strict=True)
    else:
        report = svc.ingest(paths, show_bar=True)
    if as_json:
        print_json(report.model_dump())
    else:
        print(
            f"ingested {report.files} file(s): {report.added} added, {report.replaced} replaced, "
            f"{report.skipped} unchanged, {len(report.errors)} error(s); {report.chunks_added} chunks added; "
            f"store now holds {report.documents} documents, {report.chunks} chunks"
        )
        if report.pii_masked:
            print(f"masked {report.pii_masked} e-mail address(es)/phone number(s)")
        if report.flagged:
            what = "refused (--strict)" if strict else "stored flagged: those passages are never quoted"
            print(f"{report.flagged} document(s) carry text addressed to an AI system: {what}")
        for w in report.warnings:
            print(f"warning: {w}", file=sys.stderr)
    for e in report.errors:
        print(f"error: {e.path}: {e.reason}", file=sys.stderr)
    if report.added + report.replaced + report.skipped == 0:
        raise typer.Exit(2)
