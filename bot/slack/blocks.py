"""Answer -> Block Kit message, within Slack's limits, with article text escaped for mrkdwn."""

from __future__ import annotations

from typing import Any

from bot.models import Answer

MAX_BLOCKS = 50
MAX_TEXT = 3000
BADGES = {"supported": "✅ *Supported*", "refuted": "❌ *Refuted*", "not_enough_info": "❔ *Not enough information*"}


def escape(text: str) -> str:
    """Slack's three control characters; everything else in articles is shown as written."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int = MAX_TEXT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(text)}}


def answer_blocks(ans: Answer) -> tuple[str, list[dict[str, Any]]]:
    """(plain-text fallback, blocks). Sources beyond the block limit are summarised in a note."""
    head = []
    if ans.verdict:
        head.append(BADGES[ans.verdict])
    elif ans.status == "not_found":
        head.append("🔎 *Not in the sources*")
    blocks: list[dict[str, Any]] = [_section("\n".join([*head, escape(ans.answer)]))]
    if ans.resolved_query:  # a follow-up in a thread: say what it was read as
        read_as = clip(f"↪ read as: _{escape(ans.resolved_query)}_")
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": read_as}]})
    for w in ans.warnings:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": clip(f"⚠️ {escape(w)}")}]})
    room = MAX_BLOCKS - len(blocks) - 2  # keep space for a divider and a "more sources" note
    shown = ans.citations[: max(0, room // 2)]
    if shown:
        blocks.append({"type": "divider"})
    for c in shown:
        meta = " · ".join(escape(x) for x in (c.outlet, c.published, c.title) if x) or escape(c.source)
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": clip(f"[{c.n}] {meta}")}]})
        blocks.append(_section(f"> {escape(c.quote)}"))
    hidden = len(ans.citations) - len(shown)
    if hidden > 0:
        blocks.append(
            {"type": "context", "elements": [{"type": "mrkdwn", "text": f"…and {hidden} more source(s) not shown."}]}
        )
    fallback = clip(" ".join([*(h.replace("*", "") for h in head), ans.answer]))
    return fallback, blocks[:MAX_BLOCKS]
