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
from bot.evidence.speakers import attributions, credits, governed, same_person
from bot.models import DocumentRecord

Relation = Literal["same", "other", "unnamed"]
MIN_STATEMENT = 0.6  # share of the claim's statement a passage must credit to its speaker to be about it


@dataclass(frozen=True)
class Reported:
    speaker: str  # who the claim says made the statement
    statement: str  # what the claim says they said


def reported_in(claim: str) -> Reported | None:
    """The claim's speaker and statement, when it has exactly one reporting clause."""
    found = attributions(claim)
    if len(found) != 1:
        return None
    statement = governed(claim, found[0]).strip(" ,.:;“”\"'")
    return Reported(found[0].speaker, statement) if statement else None


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
    claim's speaker ("same"; also when no clause credits it but the passage names that speaker), to someone
    else ("other"), or to nobody ("unnamed", ""); None when the passage does not say enough of the statement
    to be about it."""
    text = doc.text[start:end]
    about = [(who, part) for who, part in credits(doc.text, start, end) if said(claim.statement, part)]
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
