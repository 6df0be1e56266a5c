"""The Indonesian spelling of an English loanword: "sanctions" -> "sanksi", "Australian" -> "Australia".

News Indonesian borrows much of its political and technical vocabulary from
English and respells it by regular rules (the Indonesian language pack's
``[loanwords]`` table). The bilingual lexicon, built from two wordnets, often
lacks exactly these words, so an English claim about "UN sanctions" did not
meet "sanksi PBB" in an Indonesian article. The respelled forms are candidates
only: alignment accepts one when the other text actually says it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.lang import pack
from bot.text.tokens import english_forms

MIN_LETTERS = 5  # shorter words respell into too many unrelated Indonesian words


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), r) for p, r in pack("id").get("loanwords", {}).get("rules", []))


@lru_cache(maxsize=50_000)
def loan_forms(word: str) -> frozenset[str]:
    """Indonesian spellings of the word's English base forms (none for short or non-alphabetic words, and
    none that only repeat the English form)."""
    out = set()
    for base in english_forms(word.lower()):
        if len(base) < MIN_LETTERS or not base.isalpha():
            continue
        respelled = base
        for pattern, repl in _rules():
            respelled = pattern.sub(repl, respelled)
        if respelled != base:
            out.add(respelled)
    return frozenset(out)
