"""The Documents tab: what is in the corpus, a preview of each article's clean text, delete, and upload.

The listing, lookup and removal live in bot/docs.py behind FactService (shared with `factbot docs`),
so removal also drops the in-memory lexical index; this module only turns them into a table and HTML,
and wires the tab. A delete asks once more before it happens: it cannot be undone from the page.
Uploads are stored under their own file names, not Gradio's scratch path, so the list, the
citations and a re-upload of a changed file (which replaces the old version) all see the same name.
Pasted article links go through the same ingest as `factbot ingest https://...` (bot/ingest/fetch.py).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import gradio as gr

from bot.docs import DocInfo
from bot.errors import FactbotError
from bot.models import DocumentRecord
from bot.service import FactService
from bot.web.render import source_name, stats_markdown

HEADERS = ["Title", "Outlet", "Date", "Chunks", "Flags", "Source"]
_FLAGGED = "addressed to an AI system: never quoted"
FILE_TYPES = [".txt", ".md", ".html", ".htm", ".pdf"]


def table_rows(rows: list[DocInfo]) -> list[list[Any]]:
    return [
        [
            r.title or "(untitled)",
            r.outlet or "",
            r.published or "",
            r.chunks,
            "; ".join(r.flags),
            source_name(r.source),
        ]
        for r in rows
    ]


def preview_html(row: DocInfo, doc: DocumentRecord) -> str:
    """Metadata and the stored clean text, the text every citation points into; flagged passages are shown
    struck through so an editor sees what the answerer will never quote."""
    meta = [x for x in (row.outlet, row.published, f"{row.chunks} chunks", f"{row.chars} characters") if x]
    if row.pages:
        meta.append(f"{row.pages} pages")
    link = (
        f" · <a href='{html.escape(row.url)}' target='_blank' rel='noopener noreferrer'>original ↗</a>"
        if row.url
        else ""
    )
    parts, at = [], 0
    for s, e in sorted(doc.flagged_spans):
        s, e = max(s, at), min(e, len(doc.text))
        if s >= e:
            continue
        parts.append(html.escape(doc.text[at:s]))
        parts.append(f"<span class='fb-flagged' title='{_FLAGGED}'>{html.escape(doc.text[s:e])}</span>")
        at = e
    parts.append(html.escape(doc.text[at:]))
    flags = "".join(f"<div class='fb-warning'>⚠️ {html.escape(f)}</div>" for f in row.flags if "AI system" in f)
    return (
        f"<div class='fb-doc' data-doc='{html.escape(row.doc_id)}'>"
        f"<div class='fb-title'>{html.escape(row.title or '(untitled)')}</div>"
        f"<div class='fb-meta'>{' · '.join(html.escape(m) for m in meta)}{link}</div>"
        f"<div class='fb-meta'>source: <span class='fb-file'>{html.escape(row.source)}</span>"
        f" · id {html.escape(row.doc_id)}</div>"
        f"{flags}<div class='fb-doc-preview'>{''.join(parts)}</div></div>"
    )


def upload_sources(paths: list[str]) -> dict[str, str]:
    """Each uploaded scratch path → the original file name (Gradio keeps it as the file's own name)."""
    return {p: Path(p).name for p in paths}


def parse_links(text: str) -> tuple[list[str], list[str]]:
    """(http(s) links, other non-empty entries) from a pasted box: one per line or separated by spaces."""
    urls: list[str] = []
    rejected: list[str] = []
    for item in (text or "").split():
        low = item.lower()
        target = urls if low.startswith(("http://", "https://")) and len(item) > 8 else rejected
        if item not in target:
            target.append(item[:200])
    return urls, rejected


def ingest_summary(report: Any) -> str:
    lines = [f"Ingested {report.added} new, {report.replaced} replaced, {report.skipped} unchanged."]
    lines += [
        f"- ❌ {html.escape(e.path if '://' in e.path else Path(e.path).name)}: {html.escape(e.reason)}"
        for e in report.errors
    ]
    lines += [f"- ⚠️ {html.escape(w.split(': ', 1)[-1])}" for w in report.warnings if "flagged" in w]
    return "\n".join(lines)


def build_documents_tab(service: FactService, stats: gr.Markdown) -> gr.Tab:
    with gr.Tab("Documents", id="docs", elem_id="fb-docs-tab") as tab:
        with gr.Row():
            search = gr.Textbox(
                placeholder="Search title, outlet, date or source…", show_label=False, scale=4, elem_id="fb-doc-search"
            )
            find = gr.Button("Search", scale=1, elem_id="fb-doc-find")
        ids = gr.State([])  # doc ids in table order
        table = gr.Dataframe(
            headers=HEADERS,
            interactive=False,
            wrap=True,
            column_widths=["34%", "13%", "11%", "8%", "16%", "18%"],
            elem_id="fb-doc-table",
            max_height=360,
            show_label=False,
        )
        status = gr.Markdown(elem_id="fb-doc-status")
        chosen = gr.State(None)  # the previewed doc id
        preview = gr.HTML(
            "<p class='fb-note'>Select a document to preview its clean text.</p>", elem_id="fb-doc-preview"
        )
        with gr.Row():
            small: dict[str, Any] = {"visible": False, "size": "sm", "scale": 0, "min_width": 180}
            delete = gr.Button("Delete this document", variant="stop", elem_id="fb-doc-delete", **small)
            confirm = gr.Button("Yes, delete it", variant="stop", elem_id="fb-doc-confirm", **small)
            cancel = gr.Button("Cancel", elem_id="fb-doc-cancel", **small)
        with gr.Accordion("Add articles (.txt, .md, .html, .pdf)", open=False):
            files = gr.File(file_count="multiple", file_types=FILE_TYPES, label="Files", elem_id="fb-files")
            upload = gr.Button("Ingest", elem_id="fb-ingest")
            links = gr.Textbox(
                label="Or article links (http/https, one per line)", lines=2, elem_id="fb-urls", max_lines=8
            )
            fetch = gr.Button("Fetch and ingest", elem_id="fb-fetch")
            upload_log = gr.Markdown(elem_id="fb-ingest-log")

    def refresh(query: str) -> tuple[Any, list[str], str]:
        rows = service.documents(query)
        shown = f"{len(rows)} document(s)" + (f" match “{html.escape(query.strip())}”" if (query or "").strip() else "")
        return table_rows(rows), [r.doc_id for r in rows], shown

    def pick(doc_ids: list[str], evt: gr.SelectData) -> tuple[Any, ...]:
        row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        if not isinstance(row, int) or not 0 <= row < len(doc_ids):
            return gr.update(), None, gr.update(visible=False), gr.update(visible=False), gr.update(visible=False)
        try:
            info, doc = service.document(doc_ids[row])
        except FactbotError as exc:
            return f"<p class='fb-note'>{html.escape(str(exc))}</p>", None, *(gr.update(visible=False),) * 3
        hidden = gr.update(visible=False)
        return preview_html(info, doc), doc.doc_id, gr.update(visible=True), hidden, hidden

    def ask_confirm(doc_id: str | None) -> tuple[Any, ...]:
        try:
            info, _ = service.document(doc_id or "")
        except FactbotError as exc:
            return f"Nothing to delete: {html.escape(str(exc))}", *(gr.update(visible=False),) * 3
        ask = f"Delete “{html.escape(info.title or info.source)}” from the store and every index? Re-ingest to undo."
        return ask, gr.update(visible=False), gr.update(visible=True), gr.update(visible=True)

    def keep() -> tuple[Any, ...]:
        return "", gr.update(visible=True), gr.update(visible=False), gr.update(visible=False)

    def remove(doc_id: str | None, query: str) -> tuple[Any, ...]:
        hidden = gr.update(visible=False)
        try:
            gone = service.remove_document(doc_id or "")
            msg = f"Deleted “{html.escape(gone.title or gone.source)}” ({gone.chunks} chunks)."
        except FactbotError as exc:
            msg = f"Not deleted: {html.escape(str(exc))}"
        rows, doc_ids, _ = refresh(query)
        note = "<p class='fb-note'>Select a document to preview its clean text.</p>"
        return rows, doc_ids, msg, note, None, hidden, hidden, hidden, stats_markdown(service.stats())

    def ingested(report: Any, query: str, note: str = "") -> tuple[Any, ...]:
        """The log, the refreshed listing and the corpus stats after an ingest from files or links."""
        rows, doc_ids, shown = refresh(query)
        return ingest_summary(report) + note, rows, doc_ids, shown, stats_markdown(service.stats())

    def ingest(paths: list[str] | None, query: str, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        if not paths:
            return "Choose files first.", gr.update(), gr.update(), gr.update(), gr.update()
        progress(0, desc="ingesting")
        report = service.ingest(
            [Path(p) for p in paths], progress=lambda msg: progress(None, desc=msg), sources=upload_sources(paths)
        )
        return ingested(report, query)

    def ingest_links(text: str, query: str, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        urls, rejected = parse_links(text)
        if not urls:
            note = "Paste http(s) article links, one per line." + (f" Not a link: {rejected[0]}" if rejected else "")
            return html.escape(note), gr.update(), gr.update(), gr.update(), gr.update()
        progress(0, desc="fetching")
        report = service.ingest(urls, progress=lambda msg: progress(None, desc=msg))
        skipped = f"\n\nNot a link, skipped: {html.escape(', '.join(rejected))}" if rejected else ""
        return ingested(report, query, skipped)

    listing = [table, ids, status]
    buttons = [delete, confirm, cancel]
    find.click(refresh, [search], listing)
    search.submit(refresh, [search], listing)
    tab.select(refresh, [search], listing)
    table.select(pick, [ids], [preview, chosen, *buttons])
    delete.click(ask_confirm, [chosen], [status, *buttons])
    cancel.click(keep, None, [status, *buttons])
    confirm.click(remove, [chosen, search], [table, ids, status, preview, chosen, *buttons, stats])
    upload.click(ingest, [files, search], [upload_log, table, ids, status, stats])
    fetch.click(ingest_links, [links, search], [upload_log, table, ids, status, stats])
    return tab
