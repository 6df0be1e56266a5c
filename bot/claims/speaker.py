"""Who said it, for claims that report speech: "Siti Rahma mengatakan harga beras akan turun ...".

A claim of the form "X said S" is true only where a source credits S to X. A
passage that says S but credits it to someone else refutes the claim (the
statement is right, the speaker wrong); a passage that says S without naming
who said it cannot support it. The pair model, trained on NLI pairs that
rarely report speech, sees neither: it reads "Budi said S" and "S" alike. The
reporting clauses are read by the shared core (bot/evidence/speakers.py), the
same reader the answerer uses for "who said" questions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.evidence.align import align, word_in
from bot.evidence.speakers import (
    attributions,
    closing_speaker,
    full_name,
    pronoun_speaker,
    resolve_previous,
    same_person,
)
from bot.models import DocumentRecord

Relation = Literal["same", "other", "unnamed"]
MIN_STATEMENT = 0.6  # share of the claim's statement a passage must credit to its speaker to be about it
_CLOSES = ",”\"’'?!—–-:"


@dataclass(frozen=True)
class Reported:
    speaker: str  # who the claim says made the statement
    statement: str  # what the claim says they said


def reported_in(claim: str) -> Reported | None:
    """The claim's speaker and statement, when it has exactly one reporting clause."""
    found = attributions(claim)
    if len(found) != 1:
        return None
    a = found[0]
    statement = claim[: a.start] if _closes_before(claim, a.start) else claim[a.end :]
    statement = statement.strip(" ,.:;“”\"'")
    return Reported(a.speaker, statement) if statement else None


def _closes_before(sentence: str, start: int) -> bool:
    head = sentence[:start].rstrip()
    return len(head) > 3 and head[-1] in _CLOSES


def said(statement: str, text: str) -> bool:
    """Does the text say the statement? Its words besides names must mostly align: the names of a statement
    ("... Budi is the one in charge") are in every passage of a story about those people."""
    al = align(statement, text)
    plain = [w for w in al.aligned + al.missing if not w[:1].isupper()]
    if not plain:
        return al.coverage >= MIN_STATEMENT
    return sum(1 for w in plain if w in al.aligned) / len(plain) >= MIN_STATEMENT


def relation(claim: Reported, doc: DocumentRecord, start: int, end: int) -> tuple[Relation, str] | None:
    """How the passage doc.text[start:end] credits the claim's statement, with the person it names: to the
    claim's speaker ("same"), to someone else ("other"), or to nobody ("unnamed", with the claim's speaker
    when the passage names them at all, else ""); None when the passage does not say enough of the statement
    to be about it."""
    text = doc.text[start:end]
    credited: list[tuple[str, str]] = []  # (speaker, the part of the passage their clause governs)
    for a in attributions(text):
        part = text[: a.start] if _closes_before(text, a.start) else text[a.end :]
        credited.append((full_name(a.speaker, doc.text), part))
    if not credited:
        who = resolve_previous(doc.text, start) if pronoun_speaker(text) else closing_speaker(doc.text, end)
        if who:
            credited.append((full_name(who, doc.text), text))
    about = [(who, part) for who, part in credited if said(claim.statement, part)]
    for who, _ in about:
        if same_person(who, claim.speaker):
            return "same", who
    if about:
        return "other", about[0][0]
    if not said(claim.statement, text):
        return None
    if all(word_in(w, text) for w in claim.speaker.split()):
        return "same", claim.speaker  # named, though not in a reporting clause the reader knows
    return "unnamed", ""
