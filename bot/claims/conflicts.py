"""Sources that disagree with themselves or each other about who holds which title.

One sample article captions "Menteri Pertahanan Rusia Sergei Shoigu" and calls
him "Menteri Luar Negeri" in the body. A fact-checker must show both passages
and not pick one silently, so titles are collected per person across every
candidate document and incompatible pairs are reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.claims.aliases import label
from bot.claims.roles import compatible, role_facts
from bot.models import DocumentRecord
from bot.text.sentences import split_sentences


@dataclass(frozen=True)
class DocRole:
    person: str
    role: str
    doc: DocumentRecord
    start: int  # the sentence that states it, in document offsets
    end: int

    @property
    def quote(self) -> str:
        return self.doc.text[self.start : self.end]


@lru_cache(maxsize=64)
def sentence_spans(doc_id: str, text: str) -> tuple[tuple[int, int], ...]:
    return tuple(split_sentences(text))


def _sentence_of(doc: DocumentRecord, pos: int) -> tuple[int, int]:
    for s, e in sentence_spans(doc.doc_id, doc.text):
        if s <= pos < e:
            return s, e
    return pos, pos


def doc_roles(doc: DocumentRecord) -> list[DocRole]:
    """Titles the document gives people, outside passages flagged as addressed to an AI system."""
    return [
        DocRole(person, role, doc, s, e) for person, role, s, e in _doc_roles(doc.doc_id, doc.text) if doc.citable(s, e)
    ]


@lru_cache(maxsize=64)
def _doc_roles(doc_id: str, text: str) -> tuple[tuple[str, str, int, int], ...]:
    return tuple((f.person, f.role, s, e) for s, e in sentence_spans(doc_id, text) for f in role_facts(text[s:e]))


def role_index(docs: list[DocumentRecord]) -> dict[str, list[DocRole]]:
    index: dict[str, list[DocRole]] = {}
    for d in docs:
        for r in doc_roles(d):
            index.setdefault(r.person, []).append(r)
    return index


def disagreements(index: dict[str, list[DocRole]], people: set[str]) -> list[tuple[DocRole, DocRole]]:
    """First incompatible pair of titles per person, e.g. defence minister vs foreign minister."""
    out = []
    for person in sorted(people):
        facts = index.get(person, [])
        pair = next(
            ((a, b) for i, a in enumerate(facts) for b in facts[i + 1 :] if not compatible(a.role, b.role)), None
        )
        if pair:
            out.append(pair)
    return out


def warning_text(a: DocRole, b: DocRole) -> str:
    where_a = a.doc.source if a.doc.doc_id != b.doc.doc_id else a.doc.source
    return (
        f'Sources disagree on {label(a.person)}\'s title: "{a.quote}" ({where_a}) calls them {label(a.role)}, '
        f'while "{b.quote}" ({b.doc.source}) calls them {label(b.role)}.'
    )
