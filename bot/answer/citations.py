"""Citations are built only from stored text by offset, and checked again before they leave.

A quote that does not round-trip (`text[char_start:char_end] == quote`) is
dropped, never repaired: a wrong citation is worse than none.
"""

from __future__ import annotations

import re

from bot.models import Answer, Citation, DocumentRecord
from bot.text.lang import detect_lang

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
        page=doc.page_at(start),
    )


def verify(answer: Answer, docs: dict[str, DocumentRecord]) -> Answer:
    """Drop citations that are not verbatim in a stored document, or that quote flagged text, and dead markers.

    A passage flagged at ingest as addressed to an AI system is never evidence: its citation goes, the part
    of the answer that quoted it goes too, and a warning names the document. If nothing citable is left,
    the answer becomes an honest "not found".
    """
    good, flagged_out = [], []
    warnings = list(answer.warnings)
    for c in answer.citations:
        doc = docs.get(c.doc_id)
        if doc is None or not c.quote or doc.text[c.char_start : c.char_end] != c.quote:
            continue
        if doc.flagged_spans:
            note = flag_warning(doc)
            if note not in warnings:
                warnings.append(note)
        if doc.citable(c.char_start, c.char_end):
            good.append(c)
        else:
            flagged_out.append(c)
    text = answer.answer
    for c in flagged_out:
        text = _without_part(text, c, [x for x in answer.citations if x is not c])
    valid = {c.n for c in good}
    text = _MARK.sub(lambda m: m.group(0) if int(m.group(1)) in valid else "", text)
    update: dict[str, object] = {"citations": good, "answer": text, "warnings": warnings}
    # a claim's verdict may rest on the flagged passage, so it is not given; an answer with nothing left says so
    if flagged_out and (not good or not text.strip() or answer.kind == "claim"):
        update["answer"] = _WITHHELD["id" if detect_lang(answer.query) == "id" else "en"]
        update["status"] = "not_found"
        update["citations"] = []
        if answer.kind == "claim":
            update["verdict"] = "not_enough_info"
    return answer.model_copy(update=update)


_WITHHELD = {
    "en": "The sources do not say: the matching passage is addressed to an AI system and is never quoted.",
    "id": "Sumber tidak menyebutkannya: bagian yang cocok ditujukan kepada sistem AI dan tidak pernah dikutip.",
}


def flag_warning(doc: DocumentRecord) -> str:
    """Names a document flagged at ingest; given whenever it was retrieved or cited."""
    name = f"“{doc.title}” ({doc.source})" if doc.title else doc.source
    return (
        f"{name} was flagged at ingest: it carries text addressed to an AI system "
        f"({len(doc.flagged_spans)} passage(s)), which is never quoted or followed."
    )


def _without_part(text: str, c: Citation, others: list[Citation]) -> str:
    """Cut the part of the answer that quotes `c`: from the end of the previous quoted part to the end of its quote."""
    quote = c.quote.strip().rstrip(".")
    at = text.find(quote) if quote else -1
    if at < 0:
        return text
    end = at + len(quote)
    while end < len(text) and text[end] in "”\"'’.":
        end += 1
    start = 0
    for o in others:
        q = o.quote.strip().rstrip(".")
        o_at = text.find(q) if q else -1
        if o_at >= 0 and o_at + len(q) <= at:
            o_end = o_at + len(q)
            while o_end < len(text) and text[o_end] in "”\"'’.":
                o_end += 1
            start = max(start, o_end)
    return (text[:start] + text[end:]).strip()


def cited_numbers(text: str) -> list[int]:
    """[n] markers in order of appearance (haystack-style citation parsing, used by the LLM seam)."""
    return [int(x) for x in _MARK.findall(text)]
