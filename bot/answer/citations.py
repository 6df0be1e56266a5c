"""Citations are built only from stored text by offset, and checked again before they leave.

A quote that does not round-trip (`text[char_start:char_end] == quote`) is
dropped, never repaired: a wrong citation is worse than none.
"""

from __future__ import annotations

import re

from bot.models import Answer, Citation, DocumentRecord

_MARK = re.compile(r"\[(\d+)\]")


def make_citation(n: int, doc: DocumentRecord, start: int, end: int, score: float) -> Citation:
    return Citation(
        n=n,
        doc_id=doc.doc_id,
        title=doc.title,
        outlet=doc.outlet,
        url=doc.url,
        source=doc.source,
        published=doc.published,
        quote=doc.text[start:end],
        char_start=start,
        char_end=end,
        score=round(score, 4),
    )


def verify(answer: Answer, docs: dict[str, DocumentRecord]) -> Answer:
    """Drop citations that are not verbatim in a stored document, and markers that point nowhere."""
    good = []
    for c in answer.citations:
        doc = docs.get(c.doc_id)
        if doc is not None and c.quote and doc.text[c.char_start : c.char_end] == c.quote:
            good.append(c)
    valid = {c.n for c in good}
    text = _MARK.sub(lambda m: m.group(0) if int(m.group(1)) in valid else "", answer.answer)
    return answer.model_copy(update={"citations": good, "answer": text})


def cited_numbers(text: str) -> list[int]:
    """[n] markers in order of appearance (haystack-style citation parsing, used by the LLM seam)."""
    return [int(x) for x in _MARK.findall(text)]
