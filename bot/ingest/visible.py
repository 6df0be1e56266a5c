"""Keep only what a reader of the page sees.

Why: text that readers never see (display:none, zero-size fonts, off-screen boxes,
the `hidden` attribute, aria-hidden, <noscript>, <template>, comments) is where
instructions for AI systems are usually planted, and zero-width or bidi control
characters can break up or disguise words. None of it belongs to the article a
reader sees, so it is removed before trafilatura extracts the text, and counted
so the ingest report can say what was removed.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from lxml import etree, html

# zero-width, joiners, bidi embeddings/overrides/isolates, invisible operators, fillers, variation selectors, tags
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e0fff]"
)
_SKIP = {"script", "style"}  # never text; trafilatura drops them anyway, so they are not counted
_ALWAYS = {"noscript": "<noscript>", "template": "<template>"}
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^([a-z][a-z0-9]*)?((?:[.#][\w-]+)+)$", re.I)
_ZERO = r"-?0*\.?0+(?:px|pt|em|rem|ex|ch|vh|vw|%)?"
_HIDING = [
    re.compile(r"(?:^|;)display:none(?:!important)?(?:;|$)"),
    re.compile(r"(?:^|;)visibility:(?:hidden|collapse)(?:!important)?(?:;|$)"),
    re.compile(rf"(?:^|;)font-size:{_ZERO}(?:!important)?(?:;|$)"),
    re.compile(r"(?:^|;)font-size:(?:0?\.\d+|1)(?:px|pt)(?:!important)?(?:;|$)"),  # one pixel or less
    re.compile(rf"(?:^|;)opacity:{_ZERO}(?:!important)?(?:;|$)"),
    re.compile(r"(?:^|;)color:transparent(?:!important)?(?:;|$)"),
    re.compile(r"(?:^|;)(?:left|top|right|bottom|margin-left|margin-top):-\d{4,}"),  # off screen
    re.compile(r"(?:^|;)text-indent:-\d{3,}"),
    re.compile(r"translate[xy]?\(-\d{4,}"),
    re.compile(r"clip:rect\(0(?:px)?,?0(?:px)?,?0(?:px)?,?0(?:px)?\)"),
    re.compile(r"clip-path:(?:inset\(50%\)|circle\(0)"),
]
_ZERO_SIZE = re.compile(rf"(?:^|;)(?:max-)?(?:width|height):{_ZERO}(?:!important)?(?:;|$)")
_OVERFLOW_HIDDEN = re.compile(r"(?:^|;)overflow(?:-[xy])?:(?:hidden|clip)")


def strip_invisible(text: str) -> tuple[str, int]:
    """Remove zero-width and bidi control characters; return the text and how many were removed."""
    cleaned, n = INVISIBLE.subn("", text)
    return cleaned, n


def hides(style: str) -> bool:
    """Does an inline style (or a CSS rule body) keep its element's text from a reader's eyes?"""
    s = re.sub(r"\s+", "", style.lower())
    if any(p.search(s) for p in _HIDING):
        return True
    return bool(_ZERO_SIZE.search(s) and _OVERFLOW_HIDDEN.search(s))


def _hidden_selectors(root: Any) -> list[tuple[str | None, set[str], set[str]]]:
    """(tag, classes, ids) of simple selectors that <style> blocks hide; descendant selectors are left alone."""
    out: list[tuple[str | None, set[str], set[str]]] = []
    for style in root.iter("style"):
        for selectors, body in _RULE.findall(re.sub(r"/\*.*?\*/", "", style.text or "", flags=re.S)):
            if not hides(body):
                continue
            for sel in selectors.split(","):
                m = _SIMPLE_SELECTOR.match(sel.strip())
                if m:
                    parts = re.findall(r"([.#])([\w-]+)", m.group(2))
                    tag = m.group(1).lower() if m.group(1) else None
                    out.append((tag, {v for k, v in parts if k == "."}, {v for k, v in parts if k == "#"}))
    return out


def _reason(el: Any, rules: list[tuple[str | None, set[str], set[str]]]) -> str | None:
    if not isinstance(el.tag, str):
        return "comment" if isinstance(el, etree._Comment) else "processing instruction"
    tag = el.tag.lower()
    if tag in _ALWAYS:
        return _ALWAYS[tag]
    if tag in _SKIP:
        return None
    if el.get("hidden") is not None:
        return "hidden attribute"
    if (el.get("aria-hidden") or "").strip().lower() == "true":
        return "aria-hidden"
    if hides(el.get("style") or ""):
        return "hidden by style"
    if rules:
        classes = set((el.get("class") or "").split())
        ident = el.get("id")
        for r_tag, r_classes, r_ids in rules:
            if (r_tag is None or r_tag == tag) and r_classes <= classes and (not r_ids or ident in r_ids):
                return "hidden by stylesheet"
    return None


def _remove(el: Any) -> None:
    """Drop an element but keep its tail: the text after a hidden element is visible."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _text_of(el: Any) -> str:
    if not isinstance(el.tag, str):
        return str(el.text or "")
    return "".join(el.itertext())


def parse(page: str) -> Any | None:
    """The page as an lxml tree, or None when there is nothing to parse."""
    page = _XML_DECL.sub("", page, count=1)  # lxml refuses str input that declares an encoding
    if not page.strip():
        return None
    try:
        return html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def prune(root: Any) -> tuple[Counter[str], int]:
    """Remove hidden elements in place; return (removed elements by reason, characters of text they held)."""
    rules = _hidden_selectors(root)
    removed: Counter[str] = Counter()
    chars = 0
    stack = [root]  # explicit stack: deep pages must not hit Python's recursion limit
    while stack:
        el = stack.pop()
        for child in list(el):
            why = _reason(child, rules)
            if why is None:
                stack.append(child)
                continue
            chars += len("".join(_text_of(child).split()))
            removed[why] += 1
            _remove(child)
    return removed, chars


def describe(removed: Counter[str], chars: int) -> str | None:
    """One warning line for the report, or None when nothing with text was removed."""
    if not chars:
        return None
    parts = ", ".join(f"{n} {why}" for why, n in removed.most_common())
    return f"dropped {sum(removed.values())} hidden element(s) with {chars} character(s) of text ({parts})"
