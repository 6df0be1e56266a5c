"""verify_claim: the one entry point the answer chain calls for kind="claim".

Candidates are every sentence (and adjacent pair) of the documents retrieval
found, so the deciding sentence is judged even if it ranked low; the rules in
judge.py pick supported / refuted / not_enough_info and the passages to cite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from bot.claims.aliases import label
from bot.claims.conflicts import DocRole, disagreements, role_index, sentence_spans, warning_text
from bot.claims.elements import ClaimInfo, Passage, analyse_claim, analyse_passage
from bot.claims.judge import Assessment, assess, describe, is_refutation, is_support
from bot.claims.roles import compatible
from bot.models import DocumentRecord
from bot.retrieval.types import SentenceHit

Verdict = Literal["supported", "refuted", "not_enough_info"]


@dataclass
class ClaimResult:
    verdict: Verdict
    answer_text: str
    evidence: list[SentenceHit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    difference: str = ""  # "the article says 2023, not 2022" for refutations


@lru_cache(maxsize=4096)
def _passage(doc_id: str, text: str, start: int, end: int) -> Passage:
    return analyse_passage(doc_id, text, start, end)


def candidate_passages(docs: list[DocumentRecord]) -> list[tuple[DocumentRecord, Passage, list[tuple[int, int]]]]:
    """Each sentence of the candidate documents, and each pair of adjacent sentences; a sentence flagged at
    ingest as addressed to an AI system is never a passage (it is never evidence)."""
    out = []
    for d in docs:
        spans = list(sentence_spans(d.doc_id, d.text))
        for i, (s, e) in enumerate(spans):
            if not d.citable(s, e):
                continue
            out.append((d, _passage(d.doc_id, d.text, s, e), [(s, e)]))
            if i + 1 < len(spans) and d.citable(*spans[i + 1]):
                s2, e2 = spans[i + 1]
                out.append((d, _passage(d.doc_id, d.text, s, e2), [(s, e), (s2, e2)]))
    return out


def _hit(doc: DocumentRecord, span: tuple[int, int], score: float) -> SentenceHit:
    s, e = span
    return SentenceHit(doc=doc, text=doc.text[s:e], char_start=s, char_end=e, score=round(score, 4))


def _cite(evidence: list[SentenceHit], doc: DocumentRecord, spans: list[tuple[int, int]], score: float) -> str:
    marks = []
    for span in spans:
        idx = next(
            (i for i, h in enumerate(evidence) if h.doc.doc_id == doc.doc_id and (h.char_start, h.char_end) == span),
            None,
        )
        if idx is None:
            evidence.append(_hit(doc, span, score))
            idx = len(evidence) - 1
        marks.append(f"[{idx + 1}]")
    return "".join(marks)


def _assess(
    info: ClaimInfo, d: DocumentRecord, p: Passage, spans: list[tuple[int, int]], title: set[str]
) -> Assessment:
    if len(spans) == 1:
        return assess(info, p, title)
    parts = [_passage(d.doc_id, d.text, s, e) for s, e in spans]
    return max((assess(info, p, title, main) for main in parts), key=lambda a: (a.coverage, a.rest_coverage))


def _rank(a: Assessment, scores: dict[tuple[str, int], float], spans: list[tuple[int, int]]) -> tuple[float, ...]:
    hit_score = max(scores.get((a.passage.doc_id, s), 0.0) for s, _ in spans)
    return (a.coverage, a.term_coverage, 1.0 if len(spans) == 1 else 0.0, hit_score)


def verify_claim(claim: str, hits: list[SentenceHit]) -> ClaimResult:
    info = analyse_claim(claim)
    warnings: list[str] = []
    if info.question == "wh":
        warnings.append("This looks like a question, not a claim; the verdict only says whether it can be settled.")
    if not info.groups and not info.quantities and not info.dates:
        return ClaimResult(
            "not_enough_info", "Not enough information: the text has no factual content to check.", warnings=warnings
        )
    docs = list({h.doc.doc_id: h.doc for h in hits}.values())
    scores = {(h.doc.doc_id, h.char_start): h.score for h in hits}
    index = role_index(docs)
    evidence: list[SentenceHit] = []

    # titles first: a claim that gives someone a title the sources deny is refuted outright
    role_outcome = _check_roles(info, index, evidence, warnings)
    if role_outcome is not None:
        return role_outcome

    role_ok = {f.role for f in info.roles if any(compatible(r.role, f.role) for r in index.get(f.person, []))}
    if role_ok:
        info.groups = [g for g in info.groups if not any(k[2:] in role_ok for k in g.keys)]
    titles = {d.doc_id: _passage(d.doc_id, d.text, 0, len(d.title or "")).keys if d.title else set() for d in docs}
    rated = [(d, _assess(info, d, p, spans, titles[d.doc_id]), spans) for d, p, spans in candidate_passages(docs)]
    supports = sorted((r for r in rated if is_support(r[1])), key=lambda r: _rank(r[1], scores, r[2]), reverse=True)
    refutes = sorted(
        (r for r in rated if is_refutation(r[1])),
        key=lambda r: (r[1].rest_coverage, *_rank(r[1], scores, r[2])),
        reverse=True,
    )

    verdict: Verdict
    if info.question == "wh":  # a question has no truth value; point at where the answer is instead
        supports, refutes = [], []
    if supports:
        d, a, spans = supports[0]
        marks = _cite(evidence, d, spans, a.coverage)
        verdict, text, diff = "supported", f"Supported: {d.outlet or 'the source'} states this {marks}.", ""
        strong_refutes = [
            r
            for r in refutes
            if r[1].rest_coverage >= a.coverage
            and r[0].doc_id != d.doc_id
            and r[1].conflict_kinds & {"number", "date", "place"}
        ]
        if strong_refutes:
            d2, a2, spans2 = strong_refutes[0]
            marks2 = _cite(evidence, d2, spans2, a2.coverage)
            verdict = "not_enough_info"
            text = (
                f"Not enough information: the sources disagree, {marks} supports the claim but {marks2} "
                f"differs ({describe(a2.conflicts[0])})."
            )
            warnings.append(f"Sources disagree: {marks} and {marks2} give different {a2.conflicts[0].kind}s.")
    elif refutes:
        d, a, spans = refutes[0]
        marks = _cite(evidence, d, spans, a.rest_coverage)
        diff = describe(a.conflicts[0])
        verdict, text = "refuted", f"Refuted: {diff} {marks}."
        if len(info.groups) > 2 and a.rest_coverage < 1.0 and a.missing:
            warnings.append("Only part of the claim matches the cited passage; the rest is not in the sources.")
    else:
        verdict, diff = "not_enough_info", ""
        text = "Not enough information: the sources do not settle this claim."
        best = max(rated, key=lambda r: _rank(r[1], scores, r[2]), default=None)
        if best is not None and best[1].coverage >= 0.5:
            d, a, spans = best
            lacking = [g.surface for g in a.missing if g.kind != "term"][:3] or [g.surface for g in a.missing][:3]
            lacking += a.missing_checkable[:2]
            marks = _cite(evidence, d, spans, a.coverage)
            if lacking:
                gap = ", ".join(dict.fromkeys(lacking))
                text = f"Not enough information: the closest passage {marks} does not mention {gap}."
            elif a.conflicts:
                text = f"Not enough information: the closest passage {marks} differs in more than one way."
            else:
                text = f"Not enough information: the closest passage {marks} only partly matches the claim."
    _warn_disagreements(info, index, evidence, warnings)
    return ClaimResult(verdict, text, evidence, warnings, diff)


def _check_roles(
    info: ClaimInfo, index: dict[str, list[DocRole]], evidence: list[SentenceHit], warnings: list[str]
) -> ClaimResult | None:
    for fact in info.roles:
        known = index.get(fact.person, [])
        good = [r for r in known if compatible(r.role, fact.role)]
        bad = [r for r in known if not compatible(r.role, fact.role)]
        if good and bad:
            m1 = _cite(evidence, good[0].doc, [(good[0].start, good[0].end)], 1.0)
            m2 = _cite(evidence, bad[0].doc, [(bad[0].start, bad[0].end)], 1.0)
            warnings.append(warning_text(good[0], bad[0]))
            return ClaimResult(
                "not_enough_info",
                f"Not enough information: the sources disagree on {label(fact.person)}'s title, {m1} says "
                f"{label(good[0].role)} but {m2} says {label(bad[0].role)}.",
                evidence,
                warnings,
                "",
            )
        if bad:
            m = _cite(evidence, bad[0].doc, [(bad[0].start, bad[0].end)], 1.0)
            diff = f"the article calls {label(fact.person)} {label(bad[0].role)}, not {label(fact.role)}"
            return ClaimResult("refuted", f"Refuted: {diff} {m}.", evidence, warnings, diff)
    return None


def _warn_disagreements(
    info: ClaimInfo, index: dict[str, list[DocRole]], evidence: list[SentenceHit], warnings: list[str]
) -> None:
    people = {m.id for m in info.mentions if m.type == "person"}
    for a, b in disagreements(index, people):
        text = warning_text(a, b)
        if text not in warnings:
            warnings.append(text)
