"""Sources that name different speakers for the same statement.

A "who said X" question can match sentences in two articles that report X but credit different people. The
answer must then say the sources disagree rather than quote the likelier one as if it were settled. Two
sentences report the same statement when the words of X are in what each one reports (the part its reporting
clause governs, not the whole sentence: in "..., yang menurut Kim sangat penting ..." Kim said only what
follows the clause); they disagree when the people named share no name word. Nothing here knows any story.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answer import weights
from bot.evidence.align import align
from bot.evidence.speakers import credits, same_person
from bot.retrieval.types import SentenceHit

SAME_STATEMENT = weights("disagree")["same_statement"]  # share of the question's content words the report must say


@dataclass
class Reported:
    hit: SentenceHit
    speaker: str
    coverage: float  # how much of the asked-about statement the speaker's part of the sentence says
    p: float  # the evidence model's probability for the sentence


def reported(hit: SentenceHit, statement: str, p: float) -> Reported | None:
    """Who the sentence says made the statement, and how much of the statement that person is credited with."""
    best: Reported | None = None
    for who, part in credits(hit.doc.text, hit.char_start, hit.char_end):
        cov = align(statement, part).coverage
        if best is None or cov > best.coverage:
            best = Reported(hit, who, cov, p)
    return best


def credited(
    statement: str, scored: list[tuple[float, SentenceHit]], min_p: float, depth: int = 6
) -> list[tuple[int, Reported]]:
    """The leading sentences (each likely enough on its own, `min_p`) whose speaker is credited with the
    statement itself, with their positions in `scored`. Read once per question: the first one picks the quote
    ("Menteri X mengatakan harga beras akan turun ..." beats a likelier "... beras, yang menurut Y sangat
    penting ...", where Y said something else), and together they show whether the sources disagree."""
    out = []
    for i, (p, hit) in enumerate(scored[:depth]):
        if p < min_p:
            break
        r = reported(hit, statement, p)
        if r is not None and r.coverage >= SAME_STATEMENT:
            out.append((i, r))
    return out


def rival_speakers(reports: list[Reported]) -> tuple[Reported, Reported] | None:
    """The two likeliest of the credited sentences (see `credited`), from different documents, that name
    different people; the one from a document without flagged text comes first."""
    found: list[Reported] = []
    for r in reports:
        for other in found:
            if other.hit.doc.doc_id != r.hit.doc.doc_id and not same_person(other.speaker, r.speaker):
                pair = sorted((other, r), key=lambda x: (bool(x.hit.doc.flagged_spans), -x.p))
                return pair[0], pair[1]
        found.append(r)
    return None
