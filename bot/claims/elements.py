"""The checkable parts of a claim and of an evidence passage, on one bilingual vocabulary.

A claim becomes groups (each must be found in the evidence: a term with its
Indonesian variants, an entity id, a name), plus quantities, dates, roles,
speakers and polarity, which are compared by value so they can also conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.answer.question import strip_instructions
from bot.claims.aliases import Mention, find_mentions, table
from bot.claims.normalize import _SMALL, DatePart, Quantity, date_parts, quantities
from bot.claims.roles import RoleFact, role_facts, speakers
from bot.claims.terms import variants
from bot.text.lang import detect_lang
from bot.text.tokens import STOP, stem

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_NEGATION = re.compile(
    r"(?<!\w)(tidak|tak|bukan|belum|gagal|tanpa|never|not|no|none|neither|nor|fail(?:ed|s)?|"
    r"(?:mem)?bantah|membantah|dibantah|menolak|tolak|den(?:y|ied|ies)|refus(?:e|ed|es)|reject(?:ed|s)?|"
    r"\w+n't)(?!\w)",
    re.I,
)
_LOCATIVE = re.compile(
    r"(?i)\b(?:in|to|at|from|di|ke|menuju|dari|on to|onto|(?:depart|leave|left|head|bound|set off|fly|flew)\w*\s+for)"
    r"\s+(?:the\s+)?$"
)
NEGATION_SCOPE = 5  # words after a negator that it governs
_SCOPE_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_NOT_NEGATION = re.compile(r"(?i)\b(?:tidak hanya|bukan hanya|tak lama|not only|no longer than|tidak lain)\b")
_WH = {
    "who",
    "what",
    "when",
    "where",
    "why",
    "how",
    "which",
    "whom",
    "siapa",
    "apa",
    "kapan",
    "mengapa",
    "kenapa",
    "bagaimana",
    "berapa",
    "dimana",
    "manakah",
    "siapakah",
    "kapankah",
}
_AUX = {
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "apakah",
    "benarkah",
    "betulkah",
    "apa benar",
    "is it true that",
    "true or false",
}
# Words a claim uses that carry no checkable content (speech verbs, verdict words, framing, positions in time).
_CLAIM_STOP_WORDS = """claim klaim true false benar salah reportedly berkata menyatakan stated claimed states one ones
    two both kedua dua satu first-ever ever reported dilaporkan laporan according stating statement supported refuted
    between among amongst aboard during via upon while after before setelah sebelum"""
_CLAIM_STOP = set(_CLAIM_STOP_WORDS.split())


@dataclass(frozen=True)
class Group:
    kind: str  # term | entity | name
    keys: frozenset[str]
    surface: str
    weight: float
    etype: str = ""  # entity type for kind == "entity"
    locative: bool = False  # "in/to/di/ke X": a place the claim puts something at
    negated: bool = False  # inside a negator's scope in the claim
    pos: int = 0  # where the claim says it


@dataclass
class ClaimInfo:
    raw: str
    text: str
    lang: str
    groups: list[Group]
    quantities: list[Quantity]
    dates: list[DatePart]
    roles: list[RoleFact]
    speakers: set[str]
    negated: bool
    question: str = ""  # "" | "yes_no" | "wh"
    injected: bool = False
    mentions: list[Mention] = field(default_factory=list)
    passive: bool = False


@dataclass
class Passage:
    """One sentence or two adjacent ones; offsets are into the document text."""

    doc_id: str
    start: int
    end: int
    text: str
    tokens: list[tuple[frozenset[str], int, int]]
    keys: set[str]
    mentions: list[Mention]
    quantities: list[Quantity]
    dates: list[DatePart]
    negators: list[tuple[int, int]]  # negation scopes
    speakers: set[str]
    roles: list[RoleFact]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for k in range(s, e):
            chars[k] = " "
    return "".join(chars)


def negated(text: str) -> bool:
    return bool(_NEGATION.search(_NOT_NEGATION.sub(" ", text)))


def negation_scopes(text: str) -> list[tuple[int, int]]:
    """Spans a negator governs: the next few words up to a clause break ("tidak berencana memberikan bantuan")."""
    masked = _NOT_NEGATION.sub(lambda m: " " * len(m.group(0)), text)
    out = []
    for m in _NEGATION.finditer(masked):
        end = m.end()
        for n, wm in enumerate(_SCOPE_WORD.finditer(masked, m.end())):
            if n >= NEGATION_SCOPE or re.search(r"[,.;:!?”\"]", masked[end : wm.start()]):
                break
            end = wm.end()
        out.append((m.start(), end))
    return out


def in_scopes(pos: int, scopes: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in scopes)


def analyse_claim(raw: str) -> ClaimInfo:
    text, injected = strip_instructions(" ".join(raw.split()))
    first = text.split(" ", 1)[0].lower() if text else ""
    question = ""
    if first in _WH or (text.endswith("?") and first not in _AUX):
        question = "wh" if first in _WH else "yes_no"
    for aux in sorted(_AUX, key=len, reverse=True):
        if text.lower().startswith(aux + " "):
            text, question = text[len(aux) + 1 :], "yes_no"
            break
    text = text.rstrip("?").strip()
    lang = detect_lang(text)
    ms = find_mentions(text)
    scopes = negation_scopes(text)
    spk = speakers(text, ms)
    roles = role_facts(text, ms, claim=True)
    qs, ds = quantities(text), date_parts(text)
    groups: list[Group] = []
    seen: set[frozenset[str]] = set()
    ents = table()
    for m in ms:
        if m.id in spk:
            continue
        keys = frozenset({"e:" + m.id})
        if keys in seen:
            continue
        seen.add(keys)
        loc = bool(_LOCATIVE.search(text[: m.start]))
        loc = loc or any(o.type == "place" and 0 <= m.start - o.end <= 2 for o in ms)  # "Bangkok, Thailand"
        weight = 1.0 if m.type == "role" else 1.5
        groups.append(
            Group("entity", keys, m.surface, weight, ents[m.id].type, loc, in_scopes(m.start, scopes), m.start)
        )
    rest = _blank(
        text, [(m.start, m.end) for m in ms] + [(q.start, q.end) for q in qs] + [(d.start, d.end) for d in ds]
    )
    for wm in _WORD.finditer(rest):
        w = wm.group(0)
        low = w.lower()
        if low in STOP or low in _CLAIM_STOP or low in _SMALL or len(w) < 2 or stem(low) in STOP:
            continue
        keys, known = variants(w)
        if keys in seen:
            continue
        seen.add(keys)
        sentence_start = wm.start() == 0 or bool(re.search(r"[.!?:]\s*$", rest[: wm.start()]))
        if w[0].isupper() and not sentence_start and not known:
            groups.append(Group("name", keys, w, 1.5, negated=in_scopes(wm.start(), scopes), pos=wm.start()))
        else:
            weight = 1.0 if (known or lang == "id" or w.isdigit()) else 0.6
            groups.append(Group("term", keys, w, weight, negated=in_scopes(wm.start(), scopes), pos=wm.start()))
    passive = bool(re.search(r"(?i)\b(?:was|were|is|are|been|being)\s+\w+\s+by\b|\bdi\w+\s+oleh\b", text))
    return ClaimInfo(raw, text, lang, groups, qs, ds, roles, spk, negated(text), question, injected, ms, passive)


def analyse_passage(doc_id: str, doc_text: str, start: int, end: int) -> Passage:
    text = doc_text[start:end]
    ms = find_mentions(text)
    tokens: list[tuple[frozenset[str], int, int]] = []
    ents = table()
    for m in ms:
        tokens.append((frozenset({"e:" + m.id, *("e:" + i for i in ents[m.id].implies)}), m.start, m.end))
    for wm in _WORD.finditer(text):
        low = wm.group(0).lower()
        tokens.append((frozenset({low, stem(low), *low.split("-")}), wm.start(), wm.end()))
    tokens.sort(key=lambda t: t[1])
    keys = {k for ks, _, _ in tokens for k in ks}
    negs = negation_scopes(text)
    return Passage(
        doc_id,
        start,
        end,
        text,
        tokens,
        keys,
        ms,
        quantities(text),
        date_parts(text),
        negs,
        speakers(text, ms),
        role_facts(text, ms),
    )
