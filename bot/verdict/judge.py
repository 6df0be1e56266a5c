"""The rules judge: find the passage that carries the claim's core, then compare its checkable elements.

Supported needs the core and every number, year, place, role and speaker to
agree; one element that disagrees in otherwise matching evidence refutes the
claim; anything less is not_enough_info. Deterministic and fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.answer.abstain import Name, focus_groups
from bot.answer.question import analyse
from bot.answer.speakers import attributions, closing_speaker, full_name, pronoun_speaker, resolve_previous
from bot.retrieval.types import SentenceHit
from bot.text.tokens import content_terms, stem
from bot.verdict.elements import PLACES, Elements, extract
from bot.verdict.roles import ROLE_NAMES, ROLES, role_pairs

MIN_CORE = 0.6  # share of the claim's core terms the evidence (with its previous sentence) must carry
STRONG_CORE = 0.75  # ... to support it, or to refute it on one differing element
_SAID = re.compile(
    r"^\s*(?:(?:according to|menurut)\s+(?P<a>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),?\s+)|"
    r"^\s*(?P<b>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:said|says|stated|told|claimed|warned|mengatakan|"
    r"menyatakan|berkata|menyebut|menyebutkan)\b(?:\s+that|\s+bahwa)?"
)
_NUMERIC = re.compile(r"^[\d.,\s]+$")
_NOISE = {"said", "say", "says", "claim", "claimed", "kata", "ujar"}
_ROLE_WORDS = {w for forms in ROLES.values() for f in forms for w in f.split()}


@dataclass
class Judgement:
    verdict: str
    evidence: list[SentenceHit] = field(default_factory=list)
    detail: str = ""
    warnings: list[str] = field(default_factory=list)


def split_speaker(claim: str) -> tuple[str | None, str]:
    """("Putin", "Russia would help ...") for "Putin said Russia would help ..."."""
    m = _SAID.search(claim)
    if not m:
        return None, claim
    return (m.group("a") or m.group("b")), claim[m.end() :].strip()


def core_groups(content: str) -> tuple[list[set[str]], list[Name]]:
    """What the claim is about (focus terms) and who it names; places, years and roles are checked apart."""
    focus, names = focus_groups(analyse(f"that {content}"))  # "that": a claim's first word is no question word
    skip = set(PLACES) | _ROLE_WORDS | _NOISE
    focus = [g for g in focus if not (g & skip) and not any(_NUMERIC.match(v) for v in g)]
    names = [n for n in names if not (n.variants & skip) and not any(_NUMERIC.match(v) for v in n.variants)]
    return focus, names


def _near(hit: SentenceHit) -> tuple[set[str], str]:
    before = hit.doc.text[max(0, hit.char_start - 300) : hit.char_start]
    text = f"{before} {hit.text}"
    return set(content_terms(text)) | {w.lower() for w in re.findall(r"\w+", text)}, text


def coverage(focus: list[set[str]], names: list[Name], hit: SentenceHit) -> tuple[float, float]:
    """(share of focus terms in the sentence itself, share of names in the sentence or just before it)."""
    own = set(content_terms(hit.text)) | {w.lower() for w in re.findall(r"\w+", hit.text)}
    near, near_text = _near(hit)
    f = sum(1 for g in focus if g & own) / len(focus) if focus else 0.0
    n = sum(1 for x in names if x.found(near, near_text.lower())) / len(names) if names else 1.0
    return f, n


def _speakers(hit: SentenceHit) -> list[str]:
    names = [a.speaker for a in attributions(hit.text)]
    if not names and pronoun_speaker(hit.text):
        names = [n for n in [resolve_previous(hit.doc.text, hit.char_start)] if n]
    if not names:
        names = [n for n in [closing_speaker(hit.doc.text, hit.char_end)] if n]
    return [full_name(n, hit.doc.text) for n in names]


def _same_person(a: str, b: str) -> bool:
    ta = {stem(w.lower()) for w in a.split()}
    tb = {stem(w.lower()) for w in b.split()}
    return bool(ta & tb)


def _fmt(q: tuple[float, str]) -> str:
    v = int(q[0]) if q[0].is_integer() else q[0]
    return f"{v} {q[1]}{'s' if v != 1 else ''}"


_SECONDS = {"hour": 3600, "minute": 60, "second": 1}


def _same_kind(a: str, b: str) -> bool:
    return a == b or (a in _SECONDS and b in _SECONDS)  # durations compare across units


def _as(value: float, unit: str, target: str) -> float:
    return value * _SECONDS[unit] / _SECONDS[target] if unit in _SECONDS and target in _SECONDS else value


def compare(claim: Elements, ev: Elements) -> str | None:
    """The element on which the evidence contradicts the claim, described for the reader.

    Two or more differing elements mean the passage is about another event, not a refutation: None.
    """
    found: list[str] = []
    for value, unit in claim.quantities:
        same = [q for q in ev.quantities if _same_kind(q[1], unit)]
        if same and all(abs(_as(q[0], q[1], unit) - value) > 1e-9 for q in same):
            found.append(f"the article says {_fmt(same[0])}, not {_fmt((value, unit))}")
            break
    if claim.years and ev.years and not claim.years & ev.years:
        found.append(f"the article says {min(ev.years)}, not {min(claim.years)}")
    elif claim.months and ev.months and not claim.months & ev.months:
        found.append("the article gives a different month")
    if claim.places and ev.places and not claim.places & ev.places:
        found.append(f"the article says {', '.join(sorted(ev.places))}, not {', '.join(sorted(claim.places))}")
    return found[0] if len(found) == 1 else None


def _states(claim: Elements, ev: Elements) -> float:
    """How many kinds of checkable element the claim has that the passage also states (any value)."""
    units = {u for _, u in ev.quantities}
    return (
        int(bool(claim.years and ev.years))
        + int(bool(claim.places and ev.places))
        + 0.5 * bool(claim.places & ev.places)  # the same place breaks ties: the passage about that event
        + int(any(u in units for _, u in claim.quantities))
    )


def _missing(claim: Elements, ev: Elements) -> bool:
    """A checkable element of the claim that the evidence does not state at all."""
    units = {u for _, u in ev.quantities}
    return (
        any(u not in units for _, u in claim.quantities)
        or bool(claim.years and not ev.years)
        or bool(claim.places and not claim.places & ev.places)
    )


def judge(claim: str, hits: list[SentenceHit]) -> Judgement:
    speaker, content = split_speaker(claim)
    focus, names = core_groups(content)
    if not focus or not hits:
        return Judgement("not_enough_info")
    role_verdict = judge_roles(claim, hits)
    if role_verdict:
        return role_verdict
    c_el = extract(content)
    scored = []
    for i, h in enumerate(hits):
        f, n = coverage(focus, names, h)
        states = _states(c_el, extract(h.text))  # prefer passages that state the year/place/number at stake
        scored.append((round(min(f, n), 2), states, f, n, h.score, i))
    _, _, best_f, best_n, _, best_i = max(scored)
    if best_f < MIN_CORE or best_n < 0.5:
        return Judgement("not_enough_info")
    best = hits[best_i]
    strong = best_f >= STRONG_CORE and best_n >= STRONG_CORE
    _, near_text = _near(best)
    ev_el, ctx_el = extract(best.text), extract(near_text)
    differs = compare(c_el, ev_el)
    if differs:
        return Judgement("refuted", [best], differs)
    if speaker and strong:
        said_by = _speakers(best)
        if said_by and not any(_same_person(speaker, s) for s in said_by):
            return Judgement("refuted", [best], f"the article attributes this to {said_by[0]}, not {speaker}")
    if strong and c_el.negated != _clause_negated(best, focus):
        return Judgement("refuted", [best], "the article says the opposite")
    if strong and not _missing(c_el, ctx_el):
        return Judgement("supported", [best])
    return Judgement("not_enough_info")


def _clause_negated(hit: SentenceHit, groups: list[set[str]]) -> bool:
    """Negation in the clause that carries the claim, not anywhere in a long sentence."""
    clauses = re.split(r"[,;:]|\b(?:namun|tetapi|sedangkan|but|while)\b", hit.text)
    best = max(clauses, key=lambda c: sum(1 for g in groups if g & set(content_terms(c))))
    return extract(best).negated


def judge_roles(claim: str, hits: list[SentenceHit]) -> Judgement | None:
    """A person in a role: supported, refuted, or, when the sources disagree, a warning and no pick."""
    pairs = role_pairs(claim)
    if not pairs:
        return None
    role, person = pairs[0]
    seen: dict[str, SentenceHit] = {}
    for h in hits:
        for r, p in role_pairs(h.text):
            if _same_person(p, person) and r not in seen:
                seen[r] = h
    if not seen:
        return None
    if role in seen and len(seen) > 1:
        other = next(r for r in seen if r != role)
        return Judgement(
            "not_enough_info",
            [seen[role], seen[other]],
            warnings=[
                f"Sources disagree: one passage calls {person} the {ROLE_NAMES[role]}, another the "
                f"{ROLE_NAMES[other]} [1] [2]."
            ],
        )
    if role in seen:
        return Judgement("supported", [seen[role]])
    other = next(iter(seen))
    return Judgement(
        "refuted", [seen[other]], f"the article calls {person} the {ROLE_NAMES[other]}, not the {ROLE_NAMES[role]}"
    )
