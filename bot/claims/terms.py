"""Claim words with their Indonesian variants, so an English claim meets Indonesian evidence.

Uses the one shared English -> Indonesian lexicon, bot/text/lexicon.json (claim-checking words such as
admit, deny, resumed live there too).
"""

from __future__ import annotations

from bot.text.tokens import english_forms, lexicon, stem


def variants(word: str) -> tuple[frozenset[str], bool]:
    """Surface, stem and Indonesian stems of a word; the flag says whether a translation was known."""
    low = word.lower()
    out = {low, stem(low)}
    known = False
    lex = lexicon()
    for part in {low, *low.split("-")}:
        for form in english_forms(part):
            for v in lex.get(form, []):
                known = True
                out.update(stem(x) for x in v.lower().split())
    return frozenset(out), known
