"""The default answerer: deterministic, no LLM. It quotes the best sentences and says who said them.

Answers stay short: one or two quoted passages with [n] markers. What the
articles say is quoted verbatim, never paraphrased, so nothing can drift from
the source.
"""

from __future__ import annotations

import re

from bot.answer.abstain import focus_groups, should_abstain, supports
from bot.answer.citations import make_citation
from bot.answer.question import Question
from bot.answer.speakers import attributions, closing_speaker, full_name, pronoun_speaker, resolve_previous
from bot.models import Answer, Citation
from bot.retrieval.types import SentenceHit
from bot.text.sentences import split_sentences
from bot.text.tokens import content_terms, expand_terms

_NUM = re.compile(
    r"\b\d+(?:[.,]\d+)*\b|\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|puluh|ratus|ribu|juta)\b",
    re.I,
)
_CAUSE = re.compile(r"\b(karena|sebab|akibat|lantaran|alasan|because|due to|reason)\b", re.I)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_TEXT = {
    "en": {
        "said": "{who} said it [{n}]: {quote}",
        "per": "According to {src} [{n}]: {quote}",
        "also": "{src} also reports [{n}]: {quote}",
        "none": "The sources do not say: {reason}.",
        "next": "The article continues [{n}]: {quote}",
        "injected": "Instructions inside the question were ignored.",
    },
    "id": {
        "said": "{who} yang mengatakannya [{n}]: {quote}",
        "per": "Menurut {src} [{n}]: {quote}",
        "also": "{src} juga memberitakan [{n}]: {quote}",
        "none": "Sumber tidak menyebutkannya: {reason}.",
        "next": "Artikel itu melanjutkan [{n}]: {quote}",
        "injected": "Instruksi di dalam pertanyaan diabaikan.",
    },
}


def _rank(q: Question, hits: list[SentenceHit]) -> list[SentenceHit]:
    """Nudge sentences that hold what the question type asks for (a date, a number, a speaker)."""

    def bonus(h: SentenceHit) -> float:
        if q.qtype == "when":
            return 0.15 if _YEAR.search(h.text) else 0.0
        if q.qtype in ("how_many", "how_long"):
            return 0.15 if _NUM.search(h.text) else 0.0
        if q.qtype in ("who_said", "who"):
            return 0.1 if attributions(h.text) or pronoun_speaker(h.text) else 0.0
        if q.qtype == "why":
            return 0.15 if _CAUSE.search(h.text) else 0.0
        return 0.0

    focus, names = focus_groups(q)

    def said_here(h: SentenceHit) -> float:
        """A sentence that itself carries what is asked, and names who or where, beats one leaning on context."""
        low = h.text.lower()
        stems = set(content_terms(h.text)) | set(re.findall(r"\w+", low))
        share = sum(1 for g in focus if g & stems) / len(focus) if focus else 0.0
        return 0.25 * share + 0.03 * min(2, sum(1 for n in names if n.found(stems, low)))

    return sorted(hits, key=lambda h: h.score + bonus(h) + said_here(h), reverse=True)


def _speaker_clause(q: Question, hit: SentenceHit) -> tuple[str, int, int] | None:
    """(speaker, start, end) of the reporting clause that best matches the question, offsets in the doc."""
    groups = expand_terms(sorted(set(q.terms)))
    best: tuple[float, str, int, int] | None = None
    for a in attributions(hit.text):
        clause = hit.text[a.start : a.end]
        stems = set(content_terms(clause))
        cov = sum(1 for g in groups if g & stems)
        if best is None or cov > best[0]:
            best = (cov, a.speaker, a.start, a.end)
    if best is None:
        if pronoun_speaker(hit.text):
            who = resolve_previous(hit.doc.text, hit.char_start)
        else:
            who = closing_speaker(hit.doc.text, hit.char_end)
        if not who:
            return None
        best = (0, who, 0, len(hit.text))
    _, who, s, e = best
    clause = hit.text[s:e].rstrip()
    e = s + len(clause.rstrip(".").rstrip())
    return full_name(who, hit.doc.text), hit.char_start + s, hit.char_start + e


_ASKED_SPEAKER = re.compile(
    r"\b(?i:what (?:did|does|has)|apa (?:kata|yang dikatakan|yang disampaikan|pendapat))\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*\s*){1,4})",
)


def _speaker_fits(q: Question, hit: SentenceHit) -> bool:
    """ "What did Kim Yo Jong say?" may not be answered with something Kim Jong Un said."""
    m = _ASKED_SPEAKER.search(q.text)
    if not m:
        return True
    asked = {w.lower() for w in m.group(1).split()} - {"say", "said", "tell", "think"}
    found = _speaker_clause(q, hit)
    if not asked:
        return True
    if not found:  # nobody is quoted here: the person asked about must at least be named nearby
        near = hit.doc.text[max(0, hit.char_start - 300) : hit.char_end].lower()
        return any(re.search(rf"\b{re.escape(w)}\b", near) for w in asked)
    named = {w.lower() for w in found[0].split()}
    return asked <= named or named <= asked


def _continuation(q: Question, first: SentenceHit) -> tuple[int, int] | None:
    """The sentence right after `first` when it carries question terms `first` lacks ("..., namun ... membantah")."""
    focus, _ = focus_groups(q)
    text = first.doc.text
    spans = split_sentences(text, first.char_end, min(len(text), first.char_end + 600))
    if not spans or not focus:
        return None
    s, e = spans[0]
    have = set(content_terms(first.text))
    nxt = set(content_terms(text[s:e]))
    missing = [g for g in focus if not g & have]
    return (s, e) if missing and any(g & nxt for g in missing) else None


def _quoted(text: str) -> str:
    """Wrap in quotation marks unless the passage already opens with one; close the sentence."""
    quoted = text if text[:1] in "\"“'‘" else f"“{text}”"
    return quoted if quoted.rstrip("”\"'’")[-1:] in ".!?…" else quoted + "."


def _source_name(hit: SentenceHit) -> str:
    return hit.doc.outlet or hit.doc.title or hit.doc.source


def answer_question(q: Question, hits: list[SentenceHit], corpus: str) -> Answer:
    """`corpus` is all stored text, lower-cased: names the question uses must occur somewhere in it."""
    t = _TEXT[q.lang if q.lang in _TEXT else "en"]
    warnings = [t["injected"]] if q.injected else []
    reason = should_abstain(q, hits, corpus)
    if reason:
        return Answer(
            query=q.raw, kind="question", status="not_found", answer=t["none"].format(reason=reason), warnings=warnings
        )
    ranked = [h for h in _rank(q, hits) if supports(q, h) and _speaker_fits(q, h)]
    if not ranked:
        reason = (
            "no passage speaks to what the question asks" if q.lang != "id" else "tidak ada bagian yang menjawabnya"
        )
        return Answer(
            query=q.raw, kind="question", status="not_found", answer=t["none"].format(reason=reason), warnings=warnings
        )
    citations: list[Citation] = []
    parts: list[str] = []
    first = ranked[0]
    if q.qtype in ("who_said", "who"):
        focus, _ = focus_groups(q)
        best: tuple[int, SentenceHit, tuple[str, int, int]] | None = None
        for h in ranked[: 4 if q.qtype == "who_said" else 1]:
            found = _speaker_clause(q, h) if h.score >= 0.8 * ranked[0].score else None
            if found:  # among attributed sentences, the one that says most of what was asked
                said = set(content_terms(h.doc.text[found[1] : found[2]]))
                cov = sum(1 for g in focus if g & said)
                if best is None or cov > best[0]:
                    best = (cov, h, found)
        if best:
            _, first, (who, s, e) = best
            citations.append(make_citation(1, first.doc, s, e, first.score))
            parts.append(t["said"].format(who=who, n=1, quote=_quoted(first.doc.text[s:e])))
    if not citations:
        citations.append(make_citation(1, first.doc, first.char_start, first.char_end, first.score))
        parts.append(t["per"].format(src=_source_name(first), n=1, quote=_quoted(first.text)))
    follow = _continuation(q, first)
    if follow:
        s, e = follow
        citations.append(make_citation(2, first.doc, s, e, first.score))
        parts.append(t["next"].format(n=2, quote=_quoted(first.doc.text[s:e])))
    # A second passage only when it is nearly as good and says something the first does not.
    for h in ranked[1:3]:
        if (
            h is first
            or h.score < 0.9 * first.score
            or h.features.get("coverage", 0) < first.features.get("coverage", 0)
        ):
            continue
        if h.doc.doc_id == first.doc.doc_id and abs(h.char_start - first.char_start) < 5:
            continue
        n = len(citations) + 1
        if n > 2:
            break
        citations.append(make_citation(n, h.doc, h.char_start, h.char_end, h.score))
        parts.append(t["also"].format(src=_source_name(h), n=n, quote=_quoted(h.text)))
        break
    return Answer(
        query=q.raw, kind="question", status="answered", answer=" ".join(parts), citations=citations, warnings=warnings
    )
