"""A conversation as Markdown: what a fact-checker pastes into a story file.

Every answer keeps its `[n]` markers, and every marker has its line under the answer with the verbatim
quote, the outlet, the date, the title and a link to the original (or the file it came from), so the
note still says where each fact stands once it has left factbot. Article and user text is escaped for
Markdown, so a quote cannot turn into a link or a heading in the story file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import PurePath

from bot.models import Answer, Citation

_VERDICTS = {"supported": "SUPPORTED", "refuted": "REFUTED", "not_enough_info": "NOT ENOUGH INFO"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
_MARKER = re.compile(r"\\\[(\d{1,3})\\\]")


def md_escape(text: str) -> str:
    """Backslash-escape Markdown syntax and fold white space, so article text stays text."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _url(url: str) -> str:
    """A link target Markdown cannot misread: no spaces or angle brackets, only http(s)."""
    if not re.match(r"https?://", url, re.IGNORECASE):
        return ""
    return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E").replace(")", "%29")


def citation_line(c: Citation) -> str:
    """`[n] “quote” — Outlet, 2023-09-14, p. 3. *Title*. <link or file>`"""
    where = [md_escape(x) for x in (c.outlet, c.published) if x]
    if c.page:
        where.append(f"p. {c.page}")
    line = f"[{c.n}] “{md_escape(c.quote)}”"
    if where:
        line += " — " + ", ".join(where)
    if c.title:
        line += f". *{md_escape(c.title)}*"
    link = _url(c.url or "") or (_url(c.source) if "://" in c.source else "")
    if link:
        line += f". <{link}>"
    else:
        line += f". Source: `{PurePath(c.source).name.replace('`', '')}`"
    return line


def answer_markdown(ans: Answer, number: int) -> str:
    kind = "Claim" if ans.kind == "claim" else "Question"
    lines = [f"## {number}. {kind}: {md_escape(ans.query)}", ""]
    if ans.resolved_query:
        lines += [f"*Read as:* {md_escape(ans.resolved_query)}", ""]
    if ans.verdict:
        lines += [f"**Verdict: {_VERDICTS.get(ans.verdict, ans.verdict)}**", ""]
    elif ans.status == "not_found":
        lines += ["**Not in the sources.**", ""]
    lines += [_MARKER.sub(r"[\1]", md_escape(ans.answer)), ""]
    for w in ans.warnings:
        lines += [f"> ⚠️ {md_escape(w)}", ""]
    if ans.citations:
        lines += ["Sources:", ""]
        lines += [f"- {citation_line(c)}" for c in ans.citations]
        lines.append("")
    return "\n".join(lines)


def conversation_markdown(answers: Iterable[Answer], when: datetime | None = None) -> str:
    """The whole conversation, oldest first; `when` is the export time written in the header."""
    items = list(answers)
    stamp = (when or datetime.now()).strftime("%Y-%m-%d %H:%M")
    head = [f"# factbot fact-check notes ({stamp})", "", "Answers quote the ingested articles verbatim.", ""]
    if not items:
        return "\n".join([*head, "_No questions asked yet._", ""])
    return "\n".join(head) + "\n".join(answer_markdown(a, i + 1) for i, a in enumerate(items))


def export_filename(when: datetime | None = None) -> str:
    return f"factbot-notes-{(when or datetime.now()).strftime('%Y%m%d-%H%M%S')}.md"
