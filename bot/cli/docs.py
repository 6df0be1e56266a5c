"""`factbot docs list|show|rm`: what is in the corpus, one article's clean text, and removing articles."""

from __future__ import annotations

import typer

from bot.cli import app
from bot.cli.common import print_json, service
from bot.cli.helptext import FactbotCommand, FactbotGroup
from bot.docs import DocInfo
from bot.docs import as_json as record_json

docs_app = typer.Typer(
    cls=FactbotGroup,
    help="List, show and remove stored documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(docs_app, name="docs")

_TITLE_WIDTH = 60


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(rows: list[DocInfo]) -> str:
    head = ("ID", "DATE", "OUTLET", "CHUNKS", "TITLE / SOURCE", "FLAGS")
    lines = [head]
    for r in rows:
        title = _cut(r.title or r.source, _TITLE_WIDTH)
        flags = "; ".join(r.flags)
        pages = f" ({r.pages} p.)" if r.pages else ""
        lines.append((r.doc_id[:12], r.published or "-", r.outlet or "-", str(r.chunks), title + pages, flags))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head) - 1)]
    return "\n".join(
        ("  ".join(cell.ljust(w) for cell, w in zip(line[:-1], widths, strict=True)) + "  " + line[-1]).rstrip()
        for line in lines
    )


@docs_app.command("list", cls=FactbotCommand)
def list_cmd(
    query: str = typer.Argument(
        None, metavar="SEARCH", help="Only documents whose title, outlet, source or date has it."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON."),
) -> None:
    """List stored documents: id, date, outlet, chunks, title and flags, newest first."""
    rows = service().documents(query)
    if as_json:
        print_json([r.model_dump() for r in rows])
        return
    if not rows:
        print("no documents match" if query else "the store holds no documents: run `factbot ingest PATH` first")
        return
    print(_table(rows))
    print(f"{len(rows)} document(s), {sum(r.chunks for r in rows)} chunk(s)")


@docs_app.command("show", cls=FactbotCommand)
def show_cmd(
    ref: str = typer.Argument(..., metavar="DOC", help="A doc id, its first 4+ characters, the source or file name."),
    as_json: bool = typer.Option(False, "--json", help="Print the record (metadata and clean text) as JSON."),
) -> None:
    """Print one document's metadata and the clean text every citation points into."""
    row, doc = service().document(ref)
    if as_json:
        print_json(record_json(row, doc))
        return
    fields = (
        ("id", row.doc_id),
        ("title", row.title),
        ("outlet", row.outlet),
        ("date", row.published),
        ("author", doc.author),
        ("source", row.source),
        ("url", row.url),
        ("pages", str(row.pages) if row.pages else None),
        ("chunks", str(row.chunks)),
        ("flags", "; ".join(row.flags) or None),
    )
    for name, value in fields:
        if value:
            print(f"{name + ':':8}{value}")
    print()
    print(doc.text)


@docs_app.command("rm", cls=FactbotCommand)
def rm_cmd(
    refs: list[str] = typer.Argument(..., metavar="DOC", help="Doc ids, 4+ character id prefixes, sources or names."),
    as_json: bool = typer.Option(False, "--json", help="Print the removed rows as JSON."),
) -> None:
    """Remove documents from the store: their record, chunks, sentence vectors and search index entries."""
    svc = service()
    rows = {}  # every reference resolves before anything is deleted; one document named twice goes once
    for ref in refs:
        row = svc.document(ref)[0]
        rows[row.doc_id] = row
    removed = [svc.remove_document(doc_id) for doc_id in rows]
    if as_json:
        print_json([r.model_dump() for r in removed])
        return
    for r in removed:
        print(f"removed {r.doc_id} {r.title or r.source!r} ({r.source}): {r.chunks} chunk(s)")
