"""Features of one candidate sentence for one question, the same for every corpus and language.

They describe how the sentence relates to the question (meaning, word overlap,
names, the asked-for kind of answer), never which words or names occur, so a
model fitted on public QA data carries over to a newsroom's own articles.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from bot.evidence.align import Text, align, word_in
from bot.evidence.slots import answer_slots, titles, wanted_kinds
from bot.retrieval.types import SentenceHit
from bot.text.sentences import sentences_in
from bot.text.tokens import STOP, stem, translates

BASE_FEATURES = (
    "dense",  # cosine(question, sentence), e5
    "dense_gap",  # dense minus the best candidate's dense
    "dense_rank",  # 1 / (1 + rank by dense)
    "chunk",  # fused (dense + BM25) score of the best chunk holding the sentence, relative to the top chunk
    "align",  # share of the question's content words the sentence says (forms, stems, lexicon)
    "align_idf",  # the same, rare words weighing more
    "align_ctx",  # share said by the sentence, the one before it or the title
    "names",  # share of the question's names and numbers in the sentence or the two before it
    "names_doc",  # share of them anywhere in the document
    "typed",  # the question asks for a kind of answer (who/when/where/how many)
    "slot",  # ... and the sentence holds such a span that the question does not already give
    "slot_miss",  # typed question, no such span
    "length",  # log of the sentence length in characters
    "title",  # the sentence is the article's headline (it names the topic, rarely the answer)
    "bigrams",  # share of the question's word pairs the sentence repeats (phrases, not just words)
    "focus",  # share of the question's words other than its names that the sentence (or the one before) says
)
# Each base feature also relative to the best candidate's value for the same question: "the most aligned
# sentence here" matters more than an absolute level that differs between corpora and languages.
FEATURES = BASE_FEATURES + tuple(f"{k}_rel" for k in BASE_FEATURES)
# Words of the question phrase itself ("how long", "berapa lama"): asked for, never expected in the answer.
QUESTION_PHRASE = frozenset(["long", "many", "much", "lama", "banyak", "jumlah", "besar", "kali", "nama", "name"])


@dataclass
class QuestionView:
    """What the features need from an analysed question."""

    text: str
    qtype: str
    names: list[str]  # names and numbers the answer must be about

    @property
    def typed(self) -> bool:
        return bool(wanted_kinds(self.qtype))


def _context(hit: SentenceHit, n: int = 2) -> tuple[str, ...]:
    """The title and the n sentences before the hit (a pronoun or "the two leaders" names who it means), as
    pieces: alignment normalises each sentence once, though it is also the context of the next two."""
    text = hit.doc.text
    before = sentences_in(text, max(0, hit.char_start - 600), hit.char_start)[-n:]
    return (hit.doc.title or "", *(text[s:e] for s, e in before))


def _name_parts(names: list[str]) -> list[list[str]]:
    """Each name's own words (titles and function words dropped), split once per question, not per candidate."""
    return [
        [p for p in re.split(r"[-\s]", name) if p and p.lower() not in STOP and p.lower() not in titles()]
        for name in names
    ]


def _name_share(parts: list[list[str]], text: Text, normalise: bool = True) -> float:
    """Share of the question's names (`_name_parts`) said in the text: a name counts when any of its own
    words is there. A whole article's words are taken as written (`normalise` off: see align.word_in)."""
    if not parts:
        return 1.0
    return sum(1 for name in parts if name and any(word_in(w, text, normalise=normalise) for w in name)) / len(parts)


def _has_speaker(hit: SentenceHit) -> bool:
    """A who-said answer needs a speaker: a reporting clause here, "katanya"/"he said" resolved backwards, or a
    quote closed later in the paragraph ("...," kata X)."""
    from bot.evidence.speakers import attributions, closing_speaker, pronoun_speaker, resolve_previous

    if attributions(hit.text):
        return True
    if pronoun_speaker(hit.text):
        return bool(resolve_previous(hit.doc.text, hit.char_start))
    return bool(closing_speaker(hit.doc.text, hit.char_end))


def _pairs(text: str) -> set[tuple[str, str]]:
    toks = [stem(w.lower()) for w in re.findall(r"[^\W_]+", text)]
    return set(zip(toks, toks[1:], strict=False))


def featurize(
    q: QuestionView, hits: list[SentenceHit], idf: dict[str, float], default_idf: float
) -> list[dict[str, float]]:
    """One feature dict per hit, in the hits' order."""
    if not hits:
        return []
    best = max(h.features.get("dense_s", 0.0) for h in hits)
    order = sorted(range(len(hits)), key=lambda i: -hits[i].features.get("dense_s", 0.0))
    rank = {i: r for r, i in enumerate(order)}
    function_words = STOP
    out = []
    in_doc: dict[str, float] = {}
    q_pairs = _pairs(q.text)
    name_words = {w.lower() for n in q.names for w in re.split(r"[-\s]", n) if w}
    name_parts = _name_parts(q.names)
    tr = translates(q.text)
    for i, h in enumerate(hits):
        if h.doc.doc_id not in in_doc:
            in_doc[h.doc.doc_id] = _name_share(name_parts, h.doc.text, normalise=False)
        ctx = _context(h)
        al = align(q.text, h.text)
        weights = {w: idf.get(stem(w.lower()), default_idf) for w in al.aligned + al.missing}
        total = sum(weights.values())
        in_ctx = {w for w in al.missing if word_in(w, ctx, tr)}  # only what the sentence lacks is looked up
        focus_words = [
            w for w in al.aligned + al.missing if w.lower() not in name_words and w.lower() not in QUESTION_PHRASE
        ]
        focus_got = sum(1 for w in focus_words if w in al.aligned or w in in_ctx)
        slot = (
            _has_speaker(h)
            if q.qtype == "who_said"
            else q.typed and bool(answer_slots(h.text, q.qtype, q.text, function_words))
        )
        dense = h.features.get("dense_s", 0.0)
        out.append(
            {
                "dense": dense,
                "dense_gap": dense - best,
                "dense_rank": 1.0 / (1 + rank[i]),
                "chunk": h.features.get("chunk", 0.0),
                "align": al.coverage,
                "align_idf": sum(weights[w] for w in al.aligned) / total if total else 0.0,
                "align_ctx": (len(al.aligned) + len(in_ctx)) / max(1, len(al.aligned) + len(al.missing)),
                "names": _name_share(name_parts, (*ctx, h.text)),
                "names_doc": in_doc[h.doc.doc_id],
                "typed": float(q.typed),
                "slot": float(slot),
                "slot_miss": float(q.typed and not slot),
                "length": math.log(1 + len(h.text)),
                "focus": focus_got / len(focus_words) if focus_words else 1.0,
                "bigrams": len(q_pairs & _pairs(h.text)) / len(q_pairs) if q_pairs else 0.0,
                "title": float(
                    h.char_start == 0 and bool(h.doc.title) and h.text.strip() == (h.doc.title or "").strip()
                ),
            }
        )
    for k in BASE_FEATURES:
        top = max(f[k] for f in out)
        for f in out:
            f[f"{k}_rel"] = f[k] - top
    return out
