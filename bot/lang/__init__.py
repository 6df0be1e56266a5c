"""Language packs: month names, weekdays, number words and question words for each language, as data.

Why a pack: the same words used to be typed into several modules (dates at ingest, quantities in
claims, the abstention gate, answer slots), and the copies drifted. Each table now has one home,
``packs/<lang>.toml``, read through ``importlib.resources`` so it also loads from an installed wheel.
A reader that needs a regex builds it from these lists with ``alternation`` (longest first, escaped),
so adding a word to a pack reaches every reader. Lookups merge all packs when ``lang`` is None.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

LANGS = ("en", "id")


@lru_cache(maxsize=8)
def pack(lang: str) -> dict[str, Any]:
    """The parsed pack of one language (``packs/<lang>.toml``); unknown languages raise ValueError."""
    if lang not in LANGS:
        raise ValueError(f"no language pack {lang!r} (known: {', '.join(LANGS)})")
    text = resources.files(__name__).joinpath("packs", f"{lang}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _table(section: str, lang: str | None) -> dict[str, Any]:
    """One section of one pack, or of every pack merged (English first) when lang is None; a fresh dict."""
    out: dict[str, Any] = {}
    for code in (lang,) if lang else LANGS:
        out.update(pack(code).get(section, {}))
    return out


def months(lang: str | None = None, *, spellings: bool = True, abbreviations: bool = False) -> dict[str, int]:
    """Month word -> month number (1-12): the twelve names, plus older spellings and abbreviations on request."""
    out = _table("months", lang)
    if spellings:
        out |= _table("month_spellings", lang)
    if abbreviations:
        out |= _table("month_abbreviations", lang)
    return out


def weekdays(lang: str | None = None) -> dict[str, int]:
    """Weekday name -> day number, Monday / Senin being 1."""
    return _table("weekdays", lang)


def number_words(lang: str | None = None) -> dict[str, float]:
    """Number word -> value ("tujuh" -> 7, "half" -> 0.5), multipliers not included."""
    return _table("numbers", lang)


def multipliers(lang: str | None = None) -> dict[str, float]:
    """Multiplier word -> factor ("ribu" -> 1000, "million" -> 1e6); "belas" adds ten to what precedes it."""
    return _table("multipliers", lang)


def from_english(lang: str) -> dict[str, tuple[str, ...]]:
    """English closed-class word -> its forms in `lang` ("after" -> "setelah", "sesudah", ...)."""
    return {k: tuple(v) for k, v in pack(lang).get("from_english", {}).items()}


def words(name: str, lang: str | None = None) -> tuple[str, ...]:
    """A plain word list from the packs' ``[words]`` section ("question", "amounts"), in pack order."""
    found: list[str] = []
    for code in (lang,) if lang else LANGS:
        found += pack(code).get("words", {}).get(name, [])
    if not found and not any(name in pack(code).get("words", {}) for code in LANGS):
        raise KeyError(f"no word list {name!r} in the language packs")
    return tuple(dict.fromkeys(found))


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of the words, longest first and escaped, so "sept" is tried before "sep"."""
    return "|".join(re.escape(w) for w in sorted(set(items), key=lambda w: (-len(w), w)))
