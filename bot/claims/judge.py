"""Compare a claim with one passage: what it covers, what it lacks, and where it disagrees.

The verdict rules live here. Supported needs every checkable element (names,
places, numbers, dates, speaker) and most of the wording; refuted needs a close
match that differs on exactly one kind of checkable element; anything else is
not enough information.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.claims.aliases import label, table
from bot.claims.elements import ClaimInfo, Group, Passage, in_scopes
from bot.claims.normalize import consistent
from bot.text.tokens import stem

_PRONOUN_START = re.compile(r"(?i)^\W*(?:dia|ia|beliau|mereka|kedua|keduanya|he|she|they|both)\b")
SUPPORT_TERMS = 0.75  # share of the claim's wording (weighted) the passage must carry
SUPPORT_ALL = 0.8
REFUTE_REST = 0.7  # how closely the non-conflicting rest must match before a difference counts as a refutation


@dataclass
class Conflict:
    kind: str  # number | date | place | person | role | negation | speaker
    claim: str
    evidence: str


@dataclass
class Assessment:
    passage: Passage
    coverage: float
    term_coverage: float
    missing: list[Group] = field(default_factory=list)
    missing_checkable: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    rest_coverage: float = 0.0  # coverage of everything not in conflict

    @property
    def conflict_kinds(self) -> set[str]:
        return {c.kind for c in self.conflicts}


def _min_window(p: Passage, groups: list[Group]) -> tuple[int, int]:
    """Smallest span of the passage holding one occurrence of every matched group (the claim's footprint)."""
    events = sorted((s, e, gi) for gi, g in enumerate(groups) for ks, s, e in p.tokens if ks & g.keys)
    need = {gi for _, _, gi in events}
    if not need:
        return 0, 0
    best = (0, len(p.text))
    counts: dict[int, int] = {}
    left = 0
    for _, e_r, g_r in events:
        counts[g_r] = counts.get(g_r, 0) + 1
        while len(counts) == len(need):
            s_l, _, g_l = events[left]
            if e_r - s_l < best[1] - best[0]:
                best = (s_l, e_r)
            counts[g_l] -= 1
            if not counts[g_l]:
                del counts[g_l]
            left += 1
    return best


def assess(claim: ClaimInfo, p: Passage, title_keys: set[str], main: Passage | None = None) -> Assessment:
    """`main`: for a pair of sentences, the sentence that must carry the wording, numbers and dates; the other
    one may only supply who is meant (when `main` names nobody: "Kedua pemimpin ...") and the country."""
    term_keys = None if main is None else main.keys
    main_names_people = (
        main is not None
        and not _PRONOUN_START.match(main.text)
        and any(m.type == "person" for m in main.mentions if m.id not in claim.speakers)
    )
    facts = main or p
    main_has_place = main is not None and any(m.type == "place" for m in main.mentions)
    matched: list[Group] = []
    missing: list[Group] = []
    conflicts: list[Conflict] = []
    for g in claim.groups:
        # a sentence that names its own place decides where: no Singapore from one sentence with
        # "February 2019 in Hanoi" from the next
        from_main = (
            g.kind != "entity" or (g.etype == "place" and main_has_place) or (g.etype == "person" and main_names_people)
        )
        keys = term_keys if term_keys is not None and from_main else p.keys
        if g.keys & keys or (g.kind == "entity" and g.etype == "country" and g.keys & title_keys):
            matched.append(g)
        else:
            missing.append(g)
    weights = {"got": sum(g.weight for g in matched), "all": sum(g.weight for g in claim.groups)}
    missing_checkable = [g.surface for g in missing if g.kind != "term" and g.etype != "role"]
    in_conflict: set[str] = set()

    # numbers and durations
    for cq in claim.quantities:
        weights["all"] += 1.5
        verdicts = [(consistent(cq, q), q) for q in facts.quantities]
        if any(v is True for v, _ in verdicts):
            weights["got"] += 1.5
        elif any(v is False for v, _ in verdicts):
            stated = next(q.surface for v, q in verdicts if v is False)
            conflicts.append(Conflict("number", cq.surface, stated))
        else:
            missing_checkable.append(cq.surface)
    # dates: a year, month, day or weekday the passage states differently
    for cd in claim.dates:
        weights["all"] += 1.5
        same_kind = [d for d in facts.dates if d.kind == cd.kind]
        if any(d.value == cd.value for d in same_kind):
            weights["got"] += 1.5
        elif same_kind and (cd.kind != "day" or any(d.value // 100 == cd.value // 100 for d in same_kind)):
            conflicts.append(Conflict("date", cd.surface, ", ".join(dict.fromkeys(d.surface for d in same_kind))))
        elif cd.kind in ("weekday", "day"):
            weights["all"] -= 1.5  # a weekday or day the passage does not give is not a gap worth failing on
        else:
            missing_checkable.append(cd.surface)
    # places: the claim puts something in X, the passage in Y
    claim_ids = {k[2:] for g in claim.groups for k in g.keys if k.startswith("e:")} | claim.speakers
    for g in missing:
        if g.kind != "entity" or g.etype not in ("place", "country", "org"):
            continue
        if g.etype == "country" and not g.locative:
            continue
        said_in = facts if g.etype == "place" and main_has_place else p
        others = [m for m in said_in.mentions if m.type == g.etype and m.id not in claim_ids]
        if g.etype == "org":  # only an institution swapped for another of its kind (a university)
            if not any(_is_university(k[2:]) for k in g.keys):
                continue
            others = [m for m in others if _is_university(m.id)]
        if others:
            conflicts.append(Conflict("place", g.surface, ", ".join(dict.fromkeys(m.surface for m in others))))
            in_conflict.add(g.surface)
    # a person swapped for another
    missing_people = [g for g in missing if g.kind == "entity" and g.etype == "person"]
    if len(missing_people) == 1:
        others = [m for m in p.mentions if m.type == "person" and m.id not in claim_ids]
        if others:
            conflicts.append(Conflict("person", missing_people[0].surface, others[0].surface))
            in_conflict.add(missing_people[0].surface)
    # a country swapped for another ("help South Korea" against "membantu Korea Utara")
    missing_countries = [
        g for g in missing if g.kind == "entity" and g.etype == "country" and g.surface not in in_conflict
    ]
    if len(missing_countries) == 1 and not any(c.kind == "person" for c in conflicts):
        others = [m for m in p.mentions if m.type == "country" and m.id not in claim_ids]
        if others:
            conflicts.append(Conflict("country", missing_countries[0].surface, others[0].surface))
            in_conflict.add(missing_countries[0].surface)
    # speaker of a reported statement
    if claim.speakers:
        weights["all"] += 1.5
        if claim.speakers <= p.speakers:
            weights["got"] += 1.5
        elif p.speakers:
            said = ", ".join(label(s) for s in sorted(p.speakers))
            conflicts.append(Conflict("speaker", ", ".join(label(s) for s in sorted(claim.speakers)), said))
        elif {f"e:{s}" for s in claim.speakers} <= p.keys:
            weights["got"] += 1.0
        else:
            missing_checkable.append(", ".join(label(s) for s in sorted(claim.speakers)))
    # polarity: a claim word the passage only says under a negator, or the reverse ("gagal mencapai kesepakatan")
    for g in matched:
        occ = [in_scopes(s_, p.negators) for ks, s_, _ in p.tokens if ks & g.keys]
        if g.kind == "entity" or not occ:
            continue
        if (g.negated and not any(occ)) or (not g.negated and all(occ)):
            where = next(
                (p.text[a:b] for a, b in p.negators if any(a <= s_ < b for ks, s_, _ in p.tokens if ks & g.keys)), ""
            )
            conflicts.append(Conflict("negation", "not" if g.negated else "affirmative", where or "affirmative"))
            break
    swap = _swapped_roles(claim, p, matched)
    if swap:
        conflicts.append(swap)
    terms = [g for g in claim.groups if g.kind == "term"]
    t_all = sum(g.weight for g in terms)
    t_got = sum(g.weight for g in terms if g in matched)
    missing_checkable = [m for m in missing_checkable if m not in in_conflict]
    coverage = weights["got"] / weights["all"] if weights["all"] else 0.0
    penalty = sum(1.5 for c in conflicts if c.kind in ("number", "date", "speaker"))
    rest = weights["got"] / max(weights["all"] - penalty - 1.5 * len(in_conflict), 1e-9)
    return Assessment(
        p, coverage, t_got / t_all if t_all else 1.0, missing, missing_checkable, conflicts, min(rest, 1.0)
    )


def _swapped_roles(claim: ClaimInfo, p: Passage, matched: list[Group]) -> Conflict | None:
    """ "Kim waited for Putin" against "Putin ... menunggu Kim": the same two people, the other way round."""
    people = [g for g in matched if g.kind == "entity" and g.etype == "person"]
    if len(people) != 2:
        return None
    a, b = sorted(people, key=lambda g: g.pos)
    verb = next((g for g in matched if g.kind == "term" and a.pos < g.pos < b.pos), None)
    if verb is None:
        return None
    v_tok = next(((s_, e_) for ks, s_, e_ in p.tokens if ks & verb.keys), None)
    if v_tok is None:
        return None
    pos_a = [s_ for ks, s_, _ in p.tokens if ks & a.keys]
    pos_b = [s_ for ks, s_, _ in p.tokens if ks & b.keys]
    surface = p.text[v_tok[0] : v_tok[1]].lower()
    p_passive = surface.startswith("di") and stem(surface) != surface and "oleh" in p.text[v_tok[1] : v_tok[1] + 40]
    before_a = any(x < v_tok[0] for x in pos_a)
    after_b = any(x > v_tok[0] for x in pos_b)
    if before_a and after_b:
        return None if claim.passive == p_passive else Conflict("person", a.surface, b.surface)
    if any(x < v_tok[0] for x in pos_b) and any(x > v_tok[0] for x in pos_a) and claim.passive == p_passive:
        return Conflict("swap", f"{a.surface} {verb.surface} {b.surface}", f"{b.surface} {verb.surface} {a.surface}")
    return None


def is_support(a: Assessment) -> bool:
    return (
        not a.conflicts and not a.missing_checkable and a.term_coverage >= SUPPORT_TERMS and a.coverage >= SUPPORT_ALL
    )


def is_refutation(a: Assessment) -> bool:
    kinds = a.conflict_kinds
    if len(kinds) != 1 or len(a.missing_checkable) > 1:
        return False
    if kinds & {"speaker", "person", "swap"} and a.term_coverage < SUPPORT_TERMS:
        return False  # "someone else said it" needs the very same statement
    if "country" in kinds and (a.term_coverage < 0.9 or a.missing_checkable):
        return False  # another country is only a contradiction when everything else is the same
    anchors = len(a.passage.keys) and (a.coverage > 0)
    return bool(anchors) and a.rest_coverage >= REFUTE_REST and a.term_coverage >= 0.5


def describe(c: Conflict) -> str:
    """ "the article says 2023, not 2022" """
    if c.kind == "negation":
        return "the passage says the opposite" if c.claim != "not" else "the passage states it without the negation"
    if c.kind == "speaker":
        return f"the passage attributes it to {c.evidence}, not {c.claim}"
    if c.kind == "swap":
        return f"the passage says it the other way round ({c.evidence}), not {c.claim}"
    if c.kind == "role":
        return f"the article calls {c.evidence}, not {c.claim}"
    return f"the article says {_tidy(c.evidence)}, not {_tidy(c.claim)}"


def _is_university(entity_id: str) -> bool:
    ent = table().get(entity_id)
    return ent is not None and "University" in ent.label


def _tidy(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" ,.")
