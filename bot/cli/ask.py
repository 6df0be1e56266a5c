"""`factbot ask`, `factbot check` and `factbot batch`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from bot.cli import app
from bot.cli.common import print_json, render_answer, service
from bot.errors import BadInput, FactbotError
from bot.models import Answer, Kind


def _run(text: str, kind: Kind, as_json: bool, k: int | None, slack: bool) -> None:
    ans = service().ask(text, kind=kind, k=k)
    if as_json:
        print_json(ans.model_dump())
    else:
        print(render_answer(ans))
    if slack:
        from bot.slack.webhook import post_answer

        post_answer(ans, service().settings)


@app.command()
def ask(
    question: str = typer.Argument(..., help="The question to answer from the corpus."),
    as_json: bool = typer.Option(False, "--json", help="Print exactly the Answer JSON."),
    k: int = typer.Option(None, "-k", metavar="N", help="Passages to consider (default from settings)."),
    slack: bool = typer.Option(False, "--slack", help="Also post the answer to FACTBOT_SLACK_WEBHOOK_URL."),
) -> None:
    """Answer a question with verbatim citations, or say it is not in the sources."""
    _run(question, "question", as_json, k, slack)


@app.command()
def check(
    claim: str = typer.Argument(..., help="The claim to verify against the corpus."),
    as_json: bool = typer.Option(False, "--json", help="Print exactly the Answer JSON."),
    slack: bool = typer.Option(False, "--slack", help="Also post the verdict to FACTBOT_SLACK_WEBHOOK_URL."),
) -> None:
    """Verdict on a claim: supported, refuted or not_enough_info, with the deciding passages."""
    _run(claim, "claim", as_json, None, slack)


def _batch_line(line: str, lineno: int) -> dict[str, object]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "line": lineno, "error": f"malformed JSON: {exc.msg}"}
    if not isinstance(item, dict):
        return {"id": None, "line": lineno, "error": "each line must be a JSON object"}
    ident = item.get("id")
    kind = item.get("kind", "question")
    text = item.get("text")
    try:
        if not isinstance(text, str):
            raise BadInput("'text' must be a string")
        k = item.get("k") if isinstance(item.get("k"), int) else None
        ans: Answer = service().ask(text, kind=kind, k=k, history=item.get("history"))
    except FactbotError as exc:
        return {"id": ident, "line": lineno, "error": str(exc)}
    return {"id": ident, **ans.model_dump()}


@app.command()
def batch(
    infile: Path = typer.Argument(
        ..., help='JSONL: {"id", "kind": "question"|"claim", "text"} per line (optional "history" for follow-ups).'
    ),
    out: Path = typer.Option(None, "-o", "--out", metavar="FILE", help="Write JSONL here instead of stdout."),
) -> None:
    """One JSON line out per line in, in order; a bad line gets an "error" field and the run goes on."""
    if not infile.is_file():
        raise BadInput(f"no such file: {infile}")
    sink = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        with infile.open(encoding="utf-8", errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    sink.write(json.dumps({"id": None, "line": lineno, "error": "empty line"}) + "\n")
                    continue
                sink.write(json.dumps(_batch_line(line, lineno), ensure_ascii=False) + "\n")
                sink.flush()
    finally:
        if out:
            sink.close()
