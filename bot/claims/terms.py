"""Claim words with their Indonesian variants, so an English claim meets Indonesian evidence.

The answerer's lexicon (bot/text/lexicon.json) is extended with claim-checking
words (admit, deny, resumed, ...) from bot/claims/lexicon.json.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from bot.text.tokens import lexicon, stem


@lru_cache(maxsize=1)
def _lex() -> dict[str, list[str]]:
    extra = json.loads((Path(__file__).parent / "lexicon.json").read_text(encoding="utf-8"))
    merged = {k: list(v) for k, v in lexicon().items()}
    for k, v in extra.items():
        if not k.startswith("_"):
            merged[k] = sorted(set(merged.get(k, [])) | set(v))
    return merged


def _english_forms(word: str) -> list[str]:
    forms = [word]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("'s", ""),
        ("’s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + repl)
    return forms


def variants(word: str) -> tuple[frozenset[str], bool]:
    """Surface, stem and Indonesian stems of a word; the flag says whether a translation was known."""
    low = word.lower()
    out = {low, stem(low)}
    known = False
    lex = _lex()
    for part in {low, *low.split("-")}:
        for form in _english_forms(part):
            for v in lex.get(form, []):
                known = True
                out.update(stem(x) for x in v.lower().split())
    return frozenset(out), known
