"""Features of one (claim, evidence passage) pair, for the learned claim model.

Everything here is independent of any corpus: dense similarity and the
embedding interaction (u*v, |u-v|) of the multilingual embedder, soft word
alignment both ways (bot/evidence/align, shared with the answerer), and typed
differences between the two texts: negation parity, numbers and dates the claim
states that the evidence does not, names it adds, and words that make a claim
stronger than its evidence ("only", "all", "first", a dropped "may"). The model
(bot/claims/model.py) learns from public NLI pairs how much each one counts.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.claims.normalize import consistent, date_parts, quantities
from bot.evidence.align import align, word_in
from bot.lang import months, weekdays
from bot.text.tokens import figures, words

LEXICAL = (
    "cos", "cov", "rev_cov", "missing", "claim_len", "len_ratio",
    "neg_claim", "neg_evidence", "neg_differs",
    "num_claim", "num_agree", "num_conflict", "num_unstated",
    "date_claim", "date_conflict",
    "names_claim", "names_missing",
    "exclusive_added", "hedge_dropped", "hedge_added",
)  # fmt: skip


@dataclass(frozen=True)
class Cues:
    negators: frozenset[str]
    exclusives: frozenset[str]
    hedges: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = tomllib.loads((Path(__file__).parent / "cues.toml").read_text(encoding="utf-8"))
    return Cues(
        *(frozenset(w for lang in data[k].values() for w in lang) for k in ("negators", "exclusives", "hedges"))
    )


def _lower_words(text: str) -> list[str]:
    return [w.lower() for w in words(text.replace("n't", " n't"))] + (["n't"] if "n't" in text else [])


def _negations(toks: list[str]) -> int:
    neg = cues().negators
    return sum(1 for t in toks if t in neg)


def _names(text: str) -> list[str]:
    """Capitalised words not at a sentence start (names, places, organisations), and all-caps acronyms."""
    out = []
    for m in re.finditer(r"[^\W\d_][\w'-]*", text):
        w = m.group(0)
        before = text[: m.start()].rstrip()
        if w[:1].isupper() and before and before[-1] not in '.!?:"“' and len(w) > 1:
            out.append(w)
    return list(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    return frozenset(months(abbreviations=True)) | frozenset(weekdays())


def lexical_features(claim: str, evidence: str, cos: float, around: str = "") -> dict[str, float]:
    """The named features of one pair; `cos` is the embedder's cosine of claim (query) and evidence (passage).
    `around`: the passage's title and neighbouring sentences, where a name the passage refers to is often
    spelled out ("..., kata Richey" after a quote; "the two leaders" named a sentence earlier): a name said
    there is not missing. An NLI premise carries its own names, so training pairs leave it empty."""
    al = align(claim, evidence)
    back = align(evidence, claim)
    c_toks, e_toks = _lower_words(claim), _lower_words(evidence)
    c_set, e_set = set(c_toks), set(e_toks)
    cu = cues()
    neg_c, neg_e = _negations(c_toks), _negations(e_toks)

    cq, eq = quantities(claim), quantities(evidence)
    agree = conflict = 0
    for q in cq:
        verdicts = [consistent(q, e) for e in eq]
        if any(v is True for v in verdicts):
            agree += 1
        elif any(v is False for v in verdicts):
            conflict += 1
    c_nums, e_nums = figures(claim), figures(evidence)
    unstated = len(c_nums - e_nums)
    if (c_nums - e_nums) and (e_nums - c_nums) and not cq:
        conflict += 1  # bare numbers, no unit: each side has a figure the other lacks
    cd, ed = date_parts(claim), date_parts(evidence)
    date_conflict = sum(
        1
        for d in cd
        if any(e.kind == d.kind for e in ed) and not any(e.kind == d.kind and e.value == d.value for e in ed)
    )

    names = _names(claim)
    unsaid = [n for n in names if not word_in(n, evidence) and not (around and word_in(n, around))]
    names_missing = len(unsaid)
    calendar = _calendar_words()
    event_names = [n for n in names if n.lower() not in calendar]  # "February", "Tuesday": the date, not who or where
    name_words = {w.lower() for n in names for w in re.split(r"[-\s]", n)}
    n_claim = len(al.aligned) + len(al.missing)
    return {
        "cos": cos,
        "cov": al.coverage,
        "rev_cov": back.coverage,
        "missing": min(len(al.missing), 6) / 6,
        "claim_len": math.log1p(n_claim) / 3,
        "len_ratio": max(-2.0, min(2.0, math.log((len(e_toks) + 1) / (len(c_toks) + 1)))),
        "neg_claim": float(neg_c % 2),
        "neg_evidence": float(neg_e % 2),
        "neg_differs": float(neg_c % 2 != neg_e % 2),
        "num_claim": float(bool(c_nums or cq)),
        "num_agree": float(agree > 0),
        "num_conflict": float(conflict > 0),
        "num_unstated": min(unstated, 3) / 3,
        "date_claim": float(bool(cd)),
        "date_conflict": float(date_conflict > 0),
        "names_claim": min(len(names), 4) / 4,
        "names_missing": names_missing / len(names) if names else 0.0,
        "exclusive_added": float(bool((c_set & cu.exclusives) - e_set)),
        "hedge_dropped": float(bool((e_set & cu.hedges) - c_set)),
        "hedge_added": float(bool((c_set & cu.hedges) - e_set)),
        # not a model input: how much of the claim besides its names the passage says (the judge's event gate);
        # a capitalised word counts as a name even at the start of the claim ("Lopez met Ortiz")
        "event_aligned": float(sum(1 for w in al.aligned if not w[:1].isupper() and w.lower() not in name_words)),
        # not a model input either: the share of the claim's names, dates aside, the passage does not say (the
        # judge's other-event gate: a figure or date can only refute a claim about the same people and places)
        "names_missing_event": sum(1 for n in event_names if n in unsaid) / len(event_names) if event_names else 0.0,
    }


def pair_vector(
    claim: str, evidence: str, claim_vec: np.ndarray, ev_vec: np.ndarray, dense: bool = False
) -> np.ndarray:
    """The model's input: the features in LEXICAL order, then (dense=True) u*v and |u-v| of the two embeddings.

    The dense interaction helps on same-language pairs but puts a claim in one language and a passage in
    another outside anything the NLI data shows, so the shipped model is trained without it (train.py).
    """
    lex = lexical_features(claim, evidence, float(np.dot(claim_vec, ev_vec)))
    return vector_of(lex, claim_vec, ev_vec, dense)


def vector_of(lex: dict[str, float], claim_vec: np.ndarray, ev_vec: np.ndarray, dense: bool = False) -> np.ndarray:
    """pair_vector from features already computed (the judge also reads them by name)."""
    x = np.asarray([lex[k] for k in LEXICAL], dtype=np.float32)
    return np.concatenate([x, claim_vec * ev_vec, np.abs(claim_vec - ev_vec)]) if dense else x
