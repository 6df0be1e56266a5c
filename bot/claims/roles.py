"""Who holds which title and who said what, read from a sentence's wording.

"Menteri Pertahanan Rusia Sergei Shoigu" gives Shoigu the role of defence
minister; "..., kata Cho Han-Bum" makes Cho the speaker. Both claims and
evidence go through the same patterns so they can be compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.claims.aliases import Mention, find_mentions

# Offices exclude each other (one person is not both defence and foreign minister in one story);
# academic titles are compatible with each other but not with an office.
OFFICES = {
    "defense_minister",
    "foreign_minister",
    "prime_minister",
    "deputy_prime_minister",
    "president",
    "ambassador",
    "secretary_general",
}
ACADEMIC = {"professor", "expert", "researcher"}
_COMPATIBLE = {frozenset({"leader", "president"}), frozenset({"leader", "prime_minister"})}

_SAY_AFTER = re.compile(
    r"^\s*,?\s*(?:juga\s+|also\s+|pun\s+|kemudian\s+)?(?:mengatakan|berkata|menyatakan|menambahkan|"
    r"menegaskan|menjelaskan|memprediksi|memperkirakan|menyebut(?:kan)?|bilang|said|says|told|"
    r"stated|added|predicted|claimed|warned)\b",
    re.I,
)
_SAY_BEFORE = re.compile(
    r"(?:\b(?:kata|ujar|ucap|tambah|jelas|tutur|imbuh|said|says|told|according to|menurut)"
    r"(?:nya)?)\s*$",
    re.I,
)
_ROLE_GAP = re.compile(r"^\s*(?:\w+\s+){0,2}?$")  # "Menteri Pertahanan [Rusia] Sergei Shoigu"
_APPOSITION = re.compile(r"^\s*,\s*(?:seorang|salah satu|a|an|the|sebagai)?\s*$", re.I)
_COPULA = re.compile(
    r"^\s*(?:adalah|ialah|merupakan|menjabat sebagai|is|was|served as|serves as)\s+"
    r"(?:the\s+|a\s+|an\s+|seorang\s+)?(?:[\w']+\s+){0,2}?$",
    re.I,
)


@dataclass(frozen=True)
class RoleFact:
    person: str
    role: str
    start: int  # span of "role ... person" in the text it was read from
    end: int


def compatible(a: str, b: str) -> bool:
    if a == b or frozenset({a, b}) in _COMPATIBLE:
        return True
    if a in ACADEMIC and b in ACADEMIC:
        return True
    return a not in OFFICES | ACADEMIC or b not in OFFICES | ACADEMIC


def role_facts(text: str, mentions: list[Mention] | None = None, claim: bool = False) -> list[RoleFact]:
    """Role-person pairs stated by adjacency or apposition; `claim` also reads "X is ROLE" and "as ROLE"."""
    ms = find_mentions(text) if mentions is None else mentions
    facts: list[RoleFact] = []
    attributed: set[str] = set()
    for i, m in enumerate(ms):
        if m.type != "role":
            continue
        nxt = next((p for p in ms[i + 1 :] if p.type == "person"), None)
        if nxt is not None and _ROLE_GAP.match(_strip_countries(text, m.end, nxt.start, ms)):
            facts.append(RoleFact(nxt.id, m.id, m.start, nxt.end))
            attributed.add(nxt.id)
    for i, m in enumerate(ms):
        if m.type != "role":
            continue
        prev = next((p for p in reversed(ms[:i]) if p.type == "person"), None)
        if prev is None or prev.id in attributed:
            continue
        gap = text[prev.end : m.start]
        as_role = claim and re.search(r"\b(?:as|sebagai)\s+(?:the\s+|a\s+)?(?:[\w']+\s+)?$", text[: m.start], re.I)
        if as_role and not _APPOSITION.match(gap):
            first = next((p for p in ms if p.type == "person"), None)  # "X accompanied Y ... as ROLE": X
            if first is not None and first.id not in attributed:
                facts.append(RoleFact(first.id, m.id, first.start, m.end))
                attributed.add(first.id)
        elif _APPOSITION.match(gap) or (claim and _COPULA.match(_strip_countries(text, prev.end, m.start, ms))):
            facts.append(RoleFact(prev.id, m.id, prev.start, m.end))
            attributed.add(prev.id)
    return facts


def _strip_countries(text: str, start: int, end: int, ms: list[Mention]) -> str:
    """The gap between two mentions with country/org names blanked, so "Menteri Luar Negeri AS Antony" is adjacent."""
    gap = list(text[start:end])
    for m in ms:
        if m.type in ("country", "org", "place") and start <= m.start and m.end <= end:
            for k in range(m.start - start, m.end - start):
                gap[k] = " "
    return re.sub(r"\s+", " ", "".join(gap).replace("'s", " "))


def speakers(text: str, mentions: list[Mention] | None = None) -> set[str]:
    """People the sentence says are speaking: "kata Lankov", "Putin mengatakan", "according to Yoo"."""
    ms = find_mentions(text) if mentions is None else mentions
    out = set()
    for m in ms:
        if m.type != "person":
            continue
        before = text[max(0, m.start - 25) : m.start]
        said_before = _SAY_BEFORE.search(before.rstrip(" ,”\"'")) or _SAY_BEFORE.search(before)
        if said_before or _SAY_AFTER.match(text[m.end : m.end + 40]):
            out.add(m.id)
    return out
