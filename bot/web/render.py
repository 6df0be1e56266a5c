"""HTML for answers and the sources panel. Everything from articles or users is escaped here, once.

Each answer's `[n]` markers become links to `#fb-src-{turn}-{n}`, the id of card n in the panel when it
follows answer `turn`; the page's script (bot/web/assets.py) selects and scrolls to that card, and the
panel's `data-turn` tells it which chat bubble to mark as the one the panel is following.
"""

from __future__ import annotations

import html
import re
from pathlib import PurePath
from typing import Any

from bot.models import Answer, Citation, DocumentRecord
from bot.service import FactService
from bot.web.snippets import body_floor, clear_of, snippet_bounds

BADGES = {
    "supported": ("✅", "supported", "#1a7f37"),
    "refuted": ("❌", "refuted", "#cf222e"),
    "not_enough_info": ("❔", "not enough info", "#6e7781"),
}
_MARKER = re.compile(r"\[(\d{1,3})\]")


def card_id(turn: int, n: int) -> str:
    return f"fb-src-{turn}-{n}"


def link_markers(escaped: str, turn: int, numbers: set[int]) -> str:
    """`[n]` → a Markdown link to card n of answer `turn`; numbers that name no citation stay plain text."""

    def link(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return f"[\\[{n}\\]](#{card_id(turn, n)})" if n in numbers else m.group(0)

    return _MARKER.sub(link, escaped)


def chat_markdown(ans: Answer, turn: int = 0) -> str:
    """The chat bubble: verdict badge, answer text with linked markers, warnings. Article text is escaped,
    never rendered as HTML."""
    parts = []
    if ans.verdict:
        icon, label, _ = BADGES[ans.verdict]
        parts.append(f"{icon} **{label.upper()}**")
    if ans.status == "not_found" and not ans.verdict:
        parts.append("🔎 **Not in the sources**")
    if ans.resolved_query:  # a follow-up: show what it was read as, so a wrong reading is visible
        parts.append(f"↪ read as: “{html.escape(ans.resolved_query)}”")
    parts.append(link_markers(html.escape(ans.answer), turn, {c.n for c in ans.citations}))
    parts += [f"⚠️ {html.escape(w)}" for w in ans.warnings]
    return "\n\n".join(parts)


def source_name(source: str) -> str:
    """A file's name without the folders it was ingested from (a server path means nothing to a reader)."""
    return source if "://" in source else PurePath(source).name or source


def _quote_html(doc: DocumentRecord | None, c: Citation) -> tuple[str, bool]:
    """The quote in its context, and whether that context already shows the headline (then the card does
    not repeat it)."""
    if doc is None or doc.text[c.char_start : c.char_end] != c.quote:
        return f"<mark>{html.escape(c.quote)}</mark>", False
    text = doc.text
    floor, ceiling = clear_of(
        doc.flagged_spans, c.char_start, c.char_end, body_floor(text, doc.title, c.char_start), len(text)
    )
    cut = snippet_bounds(text, c.char_start, c.char_end, floor=floor, ceiling=ceiling)
    before = ("…" if cut.clipped_before else "") + text[cut.start : c.char_start]
    after = text[c.char_end : cut.end] + ("…" if cut.clipped_after else "")
    body = f"{html.escape(before)}<mark>{html.escape(c.quote)}</mark>{html.escape(after)}"
    return body, bool(doc.title) and cut.start < len(doc.title or "") and floor == 0


def _card(service: FactService, c: Citation, turn: int) -> str:
    doc = service.store.get_document(c.doc_id)
    context, shows_title = _quote_html(doc, c)
    meta = [x for x in (c.outlet, c.published) if x] + ([f"p. {c.page}"] if c.page else [])
    meta_html = " · ".join(html.escape(x) for x in meta)
    if c.url:
        where = (
            f"<a class='fb-orig' href='{html.escape(c.url)}' target='_blank' rel='noopener noreferrer'>original ↗</a>"
        )
    else:
        where = f"<span class='fb-file' title='{html.escape(c.source)}'>{html.escape(source_name(c.source))}</span>"
    title = "" if shows_title else f"<div class='fb-title'>{html.escape(c.title or source_name(c.source))}</div>"
    return (
        f"<div class='fb-card' id='{card_id(turn, c.n)}' data-n='{c.n}'>"
        f"<div class='fb-meta'><b>[{c.n}]</b> {meta_html} {where}</div>"
        f"{title}<div class='fb-context'>{context}</div></div>"
    )


def sources_html(service: FactService, ans: Answer | None, turn: int = 0) -> str:
    """The panel for answer number `turn` (0-based, in chat order)."""
    if ans is None:
        return "<div class='fb-sources fb-empty'>Sources of the selected answer appear here.</div>"
    following = f"<div class='fb-following'>Sources for answer {turn + 1}: “{html.escape(_short(ans.query))}”</div>"
    head = following
    if ans.verdict:
        _, label, color = BADGES[ans.verdict]
        head += f"<div class='fb-badge' style='background:{color}'>{html.escape(label)}</div>"
    if not ans.citations:
        note = "Not in the sources: nothing in the corpus answers this." if ans.status == "not_found" else ""
        return f"<div class='fb-sources' data-turn='{turn}'>{head}<p class='fb-note'>{html.escape(note)}</p></div>"
    cards = "".join(_card(service, c, turn) for c in ans.citations)
    warn = "".join(f"<div class='fb-warning'>⚠️ {html.escape(w)}</div>" for w in ans.warnings)
    return f"<div class='fb-sources' data-turn='{turn}'>{head}{warn}{cards}</div>"


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def stats_markdown(stats: dict[str, Any]) -> str:
    outlets = ", ".join(str(o) for o in stats.get("outlets") or []) or "none yet"
    return f"**Corpus:** {stats.get('documents', 0)} documents · {stats.get('chunks', 0)} chunks · outlets: {outlets}"
