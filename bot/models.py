"""The one shared Answer/Citation shape (../shared/CONTRACT.md) and the ingest records.

CLI, web, Slack and eval all serialise these; fields are only ever added.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, Field

Kind = Literal["question", "claim"]
Status = Literal["answered", "not_found"]
Verdict = Literal["supported", "refuted", "not_enough_info"]
VERDICTS: tuple[str, ...] = get_args(Verdict)  # the one list of verdicts: judges, eval and surfaces read it


class Citation(BaseModel):
    n: int = Field(description="The [n] marker used in the answer text.")
    doc_id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    source: str = Field(description="Path or URL the document was ingested from.")
    published: str | None = Field(None, description="ISO date (YYYY-MM-DD) when known.")
    quote: str = Field(description="Verbatim substring of the stored clean text.")
    char_start: int
    char_end: int
    score: float = 0.0
    page: int | None = Field(None, description="Page (1-based) of a PDF source where the quote starts; else None.")


class Answer(BaseModel):
    query: str
    kind: Kind = "question"
    status: Status
    answer: str
    verdict: Verdict | None = None
    citations: list[Citation] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    resolved_query: str | None = Field(
        None, description="What a follow-up was resolved to from the history; None when the question stood alone."
    )


class DocumentRecord(BaseModel):
    """A cleaned article, as stored: `text` is what every citation offset points into."""

    doc_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    source: str
    published: str | None = None
    author: str | None = None
    lang: str = "id"
    flagged_spans: list[tuple[int, int]] = Field(
        default_factory=list,
        description="(start, end) offsets into `text` of whole sentences addressed to an AI system (planted "
        "instructions, found at ingest): they stay stored, so offsets hold, but are never quoted.",
    )

    page_spans: list[tuple[int, int, int]] = Field(
        default_factory=list,
        description="(start, end, page) offsets into `text` of each PDF page's part (pages 1-based); empty "
        "for other formats.",
    )

    def page_at(self, offset: int) -> int | None:
        """The PDF page holding text[offset], or the nearest page before it; None for non-PDF documents."""
        page = None
        for s, _e, p in self.page_spans:
            if s > offset:
                break
            page = p
        return page if page is not None or not self.page_spans else self.page_spans[0][2]

    def citable(self, start: int, end: int) -> bool:
        """False when text[start:end] overlaps a flagged span: planted instructions are never evidence."""
        return not any(start < fe and fs < end for fs, fe in self.flagged_spans)


class Chunk(BaseModel):
    """A slice of a document: `doc.text[char_start:char_end] == text`."""

    chunk_id: str
    doc_id: str
    text: str
    char_start: int
    char_end: int
    index: int
