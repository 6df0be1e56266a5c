"""What the pair model cannot see about people: who said it, and which office a person holds.

The model reads "Siti said S" like "Budi said S" and "X adalah Menteri Pertahanan" like "Menteri Luar Negeri
X": every word but one aligns. These checks move a passage's weight where the source puts it (speaker.py,
roles.py); the verdict thresholds stay the model's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from bot.claims.roles import claimed_office, other_office
from bot.claims.speaker import relation, reported_in
from bot.models import DocumentRecord


class Passage(Protocol):
    doc: DocumentRecord
    start: int
    end: int

    @property
    def text(self) -> str: ...


@dataclass
class Moved:
    refutes: np.ndarray  # per passage: how strongly it refutes the claim through a person
    reasons: list[tuple[str, dict[str, Any]] | None] = field(default_factory=list)  # verdicts.toml key, values


def people_checks(claim: str, passages: Sequence[Passage], probs: np.ndarray) -> Moved:
    """Per passage, for a claim that reports speech ("X said S"): one crediting S to someone else refutes the
    claim as strongly as it would have supported it; one that names nobody, or says too little of S, cannot
    support it. For a claim that gives a person an office: one giving that person the same title in another
    field refutes it with the weight the model gave the passage either way. `probs` is changed in place."""
    refutes = np.zeros(len(passages))
    reasons: list[tuple[str, dict[str, Any]] | None] = [None] * len(passages)
    said = reported_in(claim)
    office = claimed_office(claim)
    for i, c in enumerate(passages):
        if said is not None:
            rel = relation(said, c.doc, c.start, c.end)
            if rel is None or rel[0] != "same":
                if rel is not None and rel[0] == "other":
                    refutes[i], reasons[i] = probs[i, 0], ("reason_speaker", {"speaker": rel[1]})
                probs[i, 0] = 0.0
            if rel is None:
                probs[i, 2] = 0.0  # not about the statement: a missing name there is no wrong speaker
        if office is not None:
            other = other_office(office, c.text, c.doc.text)
            if other is not None:
                refutes[i] = max(refutes[i], probs[i, 0] + probs[i, 2])
                reasons[i] = ("reason_role", {"person": other.person, "office": other.text})
                probs[i, 0] = 0.0
    return Moved(refutes, reasons)
