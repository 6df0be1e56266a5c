"""Find named entities, places and roles in either language and map them onto one id.

"Korea Utara", "Korut" and "North Korea" are the same thing to a fact-checker;
the table lives in aliases.json so adding a name never touches code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Entity:
    id: str
    type: str  # person | country | place | org | role
    label: str
    implies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    id: str
    type: str
    start: int
    end: int
    surface: str


@lru_cache(maxsize=1)
def table() -> dict[str, Entity]:
    data = json.loads((Path(__file__).parent / "aliases.json").read_text(encoding="utf-8"))
    return {
        k: Entity(k, v["type"], v.get("label", k), tuple(v.get("implies", ())))
        for k, v in data.items()
        if not k.startswith("_")
    }


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], dict[str, str]]:
    """One alternation per case mode, longest forms first so "Korea Utara" beats "Korea"."""
    data = json.loads((Path(__file__).parent / "aliases.json").read_text(encoding="utf-8"))
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for key, v in data.items():
        if key.startswith("_"):
            continue
        for form in v["forms"]:
            if form.startswith("="):
                exact[form[1:]] = key
            else:
                folded[form.lower()] = key

    def alt(forms: list[str], flags: int) -> re.Pattern[str]:
        body = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)

    return alt(list(exact), 0), alt(list(folded), re.I), exact, folded


def find_mentions(text: str) -> list[Mention]:
    """Non-overlapping mentions, longest first, in text order."""
    exact_rx, folded_rx, exact, folded = _patterns()
    ents = table()
    found: list[Mention] = []
    for rx, lookup, fold in ((folded_rx, folded, True), (exact_rx, exact, False)):
        for hit in rx.finditer(text):
            key = lookup[hit.group(0).lower() if fold else hit.group(0)]
            found.append(Mention(key, ents[key].type, hit.start(), hit.end(), hit.group(0)))
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[Mention] = []
    for men in found:
        if all(men.end <= t.start or men.start >= t.end for t in taken):
            taken.append(men)
    return sorted(taken, key=lambda t: t.start)


def ids_with_implied(mentions: list[Mention]) -> set[str]:
    ents = table()
    out = set()
    for m in mentions:
        out.add(m.id)
        out.update(ents[m.id].implies)
    return out


def label(entity_id: str) -> str:
    ent = table().get(entity_id)
    return ent.label if ent else entity_id
