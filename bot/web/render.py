"""HTML for answers and the sources panel. Everything from articles or users is escaped here, once."""

from __future__ import annotations

import html
from typing import Any

from bot.models import Answer, Citation
from bot.service import FactService

BADGES = {
    "supported": ("✅", "supported", "#1a7f37"),
    "refuted": ("❌", "refuted", "#cf222e"),
    "not_enough_info": ("❔", "not enough info", "#6e7781"),
}
CONTEXT_CHARS = 280


def chat_markdown(ans: Answer) -> str:
    """The chat bubble: verdict badge, answer text, warnings. Article text is escaped, never rendered as HTML."""
    parts = []
    if ans.verdict:
        icon, label, _ = BADGES[ans.verdict]
        parts.append(f"{icon} **{label.upper()}**")
    if ans.status == "not_found" and not ans.verdict:
        parts.append("🔎 **Not in the sources**")
    if ans.resolved_query:  # a follow-up: show what it was read as, so a wrong reading is visible
        parts.append(f"↪ read as: “{html.escape(ans.resolved_query)}”")
    parts.append(html.escape(ans.answer))
    parts += [f"⚠️ {html.escape(w)}" for w in ans.warnings]
    return "\n\n".join(parts)


def _context(service: FactService, c: Citation) -> str:
    doc = service.store.get_document(c.doc_id)
    if doc is None or doc.text[c.char_start : c.char_end] != c.quote:
        return f"<mark>{html.escape(c.quote)}</mark>"
    start = max(0, c.char_start - CONTEXT_CHARS)
    end = min(len(doc.text), c.char_end + CONTEXT_CHARS)
    before = ("…" if start else "") + doc.text[start : c.char_start]
    after = doc.text[c.char_end : end] + ("…" if end < len(doc.text) else "")
    return f"{html.escape(before)}<mark>{html.escape(c.quote)}</mark>{html.escape(after)}"


def sources_html(service: FactService, ans: Answer | None) -> str:
    if ans is None:
        return "<div class='fb-sources fb-empty'>Sources of the selected answer appear here.</div>"
    head = ""
    if ans.verdict:
        _, label, color = BADGES[ans.verdict]
        head = f"<div class='fb-badge' style='background:{color}'>{html.escape(label)}</div>"
    if not ans.citations:
        note = "Not in the sources: nothing in the corpus answers this." if ans.status == "not_found" else ""
        return f"<div class='fb-sources'>{head}<p class='fb-note'>{html.escape(note)}</p></div>"
    cards = []
    for c in ans.citations:
        meta = " · ".join(html.escape(x) for x in (c.outlet, c.published) if x)
        title = html.escape(c.title or c.source)
        link = f"<a href='{html.escape(c.url)}' target='_blank' rel='noopener'>link</a>" if c.url else ""
        cards.append(
            f"<div class='fb-card' data-n='{c.n}'><div class='fb-meta'><b>[{c.n}]</b> {meta} {link}</div>"
            f"<div class='fb-title'>{title}</div><div class='fb-context'>{_context(service, c)}</div></div>"
        )
    warn = "".join(f"<div class='fb-warning'>⚠️ {html.escape(w)}</div>" for w in ans.warnings)
    return f"<div class='fb-sources'>{head}{warn}{''.join(cards)}</div>"


def stats_markdown(stats: dict[str, Any]) -> str:
    outlets = ", ".join(str(o) for o in stats.get("outlets") or []) or "none yet"
    return f"**Corpus:** {stats.get('documents', 0)} documents · {stats.get('chunks', 0)} chunks · outlets: {outlets}"


CSS = """
.fb-sources {font-size: 0.92rem; line-height: 1.45;}
.fb-card {border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 10px; margin: 0 0 10px 0;}
.fb-meta {color: #57606a; font-size: 0.85rem;}
.fb-title {font-weight: 600; margin: 2px 0 6px 0;}
.fb-context {white-space: pre-wrap;}
.fb-context mark {background: #fff3b0; padding: 0 2px;}
.fb-badge {display: inline-block; color: white; border-radius: 12px; padding: 2px 10px; margin-bottom: 8px;}
.fb-warning {background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 6px; margin-bottom: 8px;}
.fb-empty, .fb-note {color: #57606a;}
@media (max-width: 720px) { .fb-row {flex-direction: column !important;} }
"""
