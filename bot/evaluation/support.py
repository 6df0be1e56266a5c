"""Offline citation-support judgement (ALCE-style) without an NLI model.

No entailment model is available offline, so "this citation supports this
sentence" is approximated: the quote must be verbatim in the stored document
AND cover at least half of the sentence's content words. The extractive
answerer quotes its sources, so this is strict enough to catch a citation that
points at the wrong passage; a paraphrasing LLM answer in another language will
score low here, which is why an LLM-judged mode exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text.sentences import split_sentences
from bot.text.tokens import STOP

SUPPORT_COVERAGE = 0.5

_MARKER = re.compile(r"\[(\d+)\]")
_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# Function words carry no claim, so they neither support nor need support: the package's one stopword list
# (bot/text/stopwords.txt) plus a few connectives and "katanya" that an answer sentence adds around a quote.
STOPWORDS = STOP | {"after", "before", "but", "here", "so", "katanya"}


def _content(text: str) -> set[str]:
    return {t for t in (w.lower() for w in _WORD.findall(_MARKER.sub(" ", text))) if t not in STOPWORDS}


_INNER_END = re.compile(r"[.!?](?=\s+[^\s”\"])")  # a sentence end inside a quote, not its last one
_MASK = {".": "\x00", "!": "\x01", "?": "\x02"}


def answer_sentences(answer: str) -> list[str]:
    """Sentences of an answer, by the package's one splitter (bot/text/sentences.py); quoted passages are
    masked first so a multi-sentence quote stays one unit with the words that introduce it."""
    masked = _QUOTED.sub(lambda m: _INNER_END.sub(lambda p: _MASK[p.group(0)], m.group(0)), answer)
    parts = (masked[s:e] for s, e in split_sentences(masked))
    return [p.replace("\x00", ".").replace("\x01", "!").replace("\x02", "?") for p in parts]


def markers(sentence: str) -> list[int]:
    return [int(m) for m in _MARKER.findall(sentence)]


def coverage(sentence: str, quotes: list[str]) -> float:
    """Share of the sentence's content words that appear in the quotes."""
    need = _content(sentence)
    if not need:
        return 1.0
    have: set[str] = set()
    for q in quotes:
        have |= _content(q)
    return len(need & have) / len(need)


def is_claim_sentence(sentence: str) -> bool:
    """Sentences with fewer than three content words ("Here is what I found.") make no checkable claim."""
    return len(_content(sentence)) >= 3 or bool(markers(sentence))


@dataclass
class SupportResult:
    sentences: int  # factual sentences in the answer
    sentences_supported: int
    citations: int  # (sentence, citation) pairs
    citations_supported: int


def judge_support(answer: str, quotes: dict[int, str], verbatim: dict[int, bool]) -> SupportResult:
    """ALCE recall: a sentence is supported when its cited quotes jointly cover it (and are verbatim).
    ALCE precision: a citation is precise when it covers its sentence alone, or the sentence stops being
    supported without it."""
    res = SupportResult(0, 0, 0, 0)
    for sent in answer_sentences(answer):
        if not is_claim_sentence(sent):
            continue
        res.sentences += 1
        cited = [n for n in dict.fromkeys(markers(sent)) if n in quotes]
        good = [n for n in cited if verbatim.get(n, False)]

        def supported(ns: list[int], sent: str = sent) -> bool:
            return bool(ns) and coverage(sent, [quotes[n] for n in ns]) >= SUPPORT_COVERAGE

        joint = supported(good)
        res.sentences_supported += joint
        for n in markers(sent):
            res.citations += 1
            if n not in good:
                continue
            alone = supported([n])
            needed = joint and not supported([m for m in good if m != n])
            res.citations_supported += alone or needed
    return res


def overlaps(a: str, b: str, min_chars: int = 40) -> bool:
    """Two passages overlap when one contains the other or they share a long verbatim stretch."""
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    from difflib import SequenceMatcher

    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size >= min(min_chars, len(a), len(b))
