"""When the sources do not answer: a calibrated score floor plus coverage of the question's key terms.

Thresholds were set on eval/gold.jsonl (see eval/README.md); names and
numbers in the question must appear in the evidence, because a near-miss on
them is how a confident wrong answer happens.
"""

from __future__ import annotations

import re

from bot.answer.question import Question
from bot.retrieval.types import SentenceHit
from bot.text.tokens import expand_terms, stem

MIN_COVERAGE = 0.5  # share of key-term groups found in the best sentence
MIN_DENSE = 0.80  # cosine of the best sentence's chunk (e5 scale: unrelated text sits near 0.72-0.78)
STRONG_COVERAGE = 0.75  # full lexical support lets a weaker dense score pass


def _in_corpus(term: str, corpus: str) -> bool:
    low = term.lower()
    variants = {low, stem(low)} | next(iter(expand_terms([low])), set())
    return any(v and re.search(rf"\b{re.escape(v)}", corpus) for v in variants)


def missing_entities(q: Question, corpus: str) -> list[str]:
    """Names and numbers of the question that no stored article mentions at all (corpus is lower-cased)."""
    parts = [p for e in q.entities for p in e.split("-") if p] + q.numbers
    return [e for e in dict.fromkeys(parts) if not _in_corpus(e, corpus)]


def should_abstain(q: Question, hits: list[SentenceHit], corpus: str) -> str | None:
    """A reason to abstain, or None when the best evidence is good enough."""
    if not q.terms:
        return "the question has no searchable content"
    if not hits:
        return "nothing in the sources matches"
    best = hits[0]
    cov = max(best.features.get("coverage", 0.0), best.features.get("wcoverage", 0.0))
    dense = best.features.get("dense", 0.0)
    missing = missing_entities(q, corpus)
    if missing:
        return f"the sources never mention {', '.join(missing)}"
    if cov < MIN_COVERAGE:
        return "the best passage covers too few of the question's terms"
    if dense < MIN_DENSE and cov < STRONG_COVERAGE:
        return "the best passage is not close enough to the question"
    return None
