"""When the sources do not answer: a calibrated score floor plus coverage of the question's key terms.

Thresholds were set on eval/gold.jsonl (see eval/README.md); names and
numbers in the question must appear in the evidence, because a near-miss on
them is how a confident wrong answer happens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.answer import weights
from bot.answer.question import Question
from bot.lang import alternation, months, multipliers, number_words, weekdays
from bot.retrieval.types import SentenceHit
from bot.text.tokens import content_terms, expand_terms, phrase_translations, stem, translate_phrases, translates

_W = weights("abstain")
MIN_COVERAGE = float(_W["min_coverage"])  # weights.toml says what each one means
MIN_DENSE = float(_W["min_dense"])
STRONG_COVERAGE = float(_W["strong_coverage"])


def _in_corpus(term: str, corpus: str) -> bool:
    low = term.lower()
    variants = {low, stem(low)} | next(iter(expand_terms([low])), set())
    return any(v and re.search(rf"\b{re.escape(v)}", corpus) for v in variants)


def missing_entities(q: Question, corpus: str) -> list[str]:
    """Names and numbers of the question that no stored article mentions at all (corpus is lower-cased)."""
    parts = [p for e in q.entities for p in re.split(r"[-\s]", e) if p] + q.numbers
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


STRONG_FOCUS = float(_W["strong_focus"])
MIN_FOCUS = float(_W["min_focus"])
# A how-many answer must state an amount: a digit that is not a year, or an Indonesian word for one to ten or a
# multiplier ("tiga", "puluh", "ribu"). English number words were never counted here; widen only after re-measuring.
_ID_AMOUNT = [w for w, v in number_words("id").items() if len(w) > 2 and 1 <= v <= 10] + list(multipliers("id"))
_QUANTITY = re.compile(rf"\b(?!(?:19|20)\d{{2}}\b)\d|\b({alternation(_ID_AMOUNT)})\b", re.I)


@dataclass
class Name:
    """A name in the question: any of its word variants matches, unless it is a known place phrase
    ("South Korea" must read "Korea Selatan", not just "Korea")."""

    variants: set[str]
    phrases: list[str]

    def found(self, stems: set[str], text: str) -> bool:
        if self.phrases:
            return any(re.search(rf"\b{re.escape(p.lower())}\b", text) for p in self.phrases)
        return bool(self.variants & stems)


# A when-answer must say when: a year, a month or weekday name, or a relative time word. English "may" is a verb
# far more often than a month, so only the other month names count.
_TIME_WORDS = [w for w in months(spellings=False) if w != "may"] + list(weekdays())
_TIME = re.compile(
    rf"\b(19|20)\d{{2}}\b|\b({alternation(_TIME_WORDS)}|tahun|bulan|pekan|hari|kemarin|besok|lalu|"
    r"yesterday|tomorrow|ago|year|month|week|today|tonight|malam|pagi|siang|sore)\b",
    re.I,
)


def focus_groups(q: Question) -> tuple[list[set[str]], list[Name]]:
    """Split the question's terms into what it asks about (focus) and the names it is about.

    A name is one group however many words it has: "Kim Jong Un" is matched by "Kim".
    Computed once per question: every candidate sentence is checked against the same groups.
    """
    return _focus_groups(q.text, tuple(q.entities), tuple(q.numbers))


@lru_cache(maxsize=256)
def _focus_groups(text: str, entities: tuple[str, ...], numbers: tuple[str, ...]) -> tuple[list[set[str]], list[Name]]:
    q = Question(raw=text, text=text, lang="", qtype="", terms=[], entities=list(entities), numbers=list(numbers))
    names: list[Name] = []
    for entity in q.entities:
        words = [w.lower() for w in re.split(r"[-\s]", entity) if w]
        variants = set(words).union(*expand_terms([stem(w) for w in words]))
        variants |= set(content_terms(translate_phrases(entity)))
        names.append(Name(variants, [form for alts in phrase_translations(entity) for form in alts]))
    every_name = set().union(*(n.variants for n in names)) if names else set()
    terms = sorted(set(content_terms(translate_phrases(q.text))))
    groups = expand_terms(terms) if translates(q.text) else [{t} for t in terms]
    for number in q.numbers:  # a year or figure in the question is a name-like anchor, not what is asked
        names.append(Name({number}, []))
    focus = [g for g in groups if not (g & every_name) and not (g & set(q.numbers))]
    return focus, names


def supports(q: Question, hit: SentenceHit) -> bool:
    """Does this sentence (read with the one before it) carry what the question asks, not just its names?

    "What gift did the mayor give the coach?" matches many sentences on "mayor" and "coach"; only one that also
    speaks of a gift may answer it. A sentence naming none of the question's names must carry its
    focus strongly ("negara-negara itu" stands for countries named earlier).
    """
    focus, names = focus_groups(q)
    text = hit.doc.text
    before = text[max(0, hit.char_start - 300) : hit.char_start]  # the previous sentence, even across paragraphs
    own = set(content_terms(hit.text)) | {w.lower() for w in re.findall(r"\w+", hit.text)}
    near = own | set(content_terms(before))
    near_text = f"{before} {hit.text}".lower()
    if q.qtype in ("how_many", "how_long") and not _QUANTITY.search(hit.text):
        return False
    if q.qtype == "when" and not _TIME.search(hit.text):  # a "when" answer must say when
        return False
    share = sum(1 for g in focus if g & near) / len(focus) if focus else 1.0
    found = sum(1 for n in names if n.found(near, near_text))
    if not focus:
        return found >= len(names) / 2
    in_sentence = any(g & own for g in focus)  # the context may help, but the cited sentence must say something
    if names and not found:  # none of the question's names nearby: the focus alone must be unmistakable
        return in_sentence and share >= STRONG_FOCUS and share * len(focus) >= 2
    return in_sentence and share >= MIN_FOCUS
