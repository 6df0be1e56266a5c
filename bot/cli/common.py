"""Shared CLI plumbing: one service per process, JSON/human printing, one-line errors."""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from typing import Any

from bot.models import Answer
from bot.service import FactService


@lru_cache(maxsize=1)
def service() -> FactService:
    return FactService()


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def render_answer(ans: Answer) -> str:
    """Human output: the answer, then numbered sources (outlet, date, quote)."""
    lines = []
    if ans.verdict:
        lines.append(f"Verdict: {ans.verdict.replace('_', ' ')}")
    lines.append(ans.answer)
    for w in ans.warnings:
        lines.append(f"warning: {w}")
    if ans.citations:
        lines.append("")
        lines.append("Sources:")
        for c in ans.citations:
            page = f"p. {c.page}" if c.page else None
            head = ", ".join(x for x in (c.outlet, c.published, c.title, page) if x)
            lines.append(f"[{c.n}] {head} ({c.source})")
            lines.append(f'    "{c.quote}"')
    return "\n".join(lines)
