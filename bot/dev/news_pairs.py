"""Claims cut out of real sentences, the way a fact-check meets them (FactCC-style pairs for train_claims).

NLI data teaches the claim model the wrong thing about news claims: its annotators
were asked to write hypotheses that share the premise's words without following
from it, so "says most of the sentence, contradicts nothing" counts for little there.
A claim a reader checks is usually a piece of one longer sentence, in other words
or the same ones. From each sentence of a public premise set this makes:

- supported: the sentence's main clause (cut at a clause comma), with a leading
  time or place phrase moved to the end ("In 2019, the club signed two players
  from Spain" -> "the club signed two players from Spain in 2019"); negations the
  sentence has stay, so a negated claim is not refuted for being negated;
- refuted: that claim with one figure changed, one name swapped for another name
  of the set, or its negation toggled (Indonesian and English);
- not_enough_info: that claim against another sentence of the same premise (the
  same topic and often the same names, another statement), when there is one.

Kryscinski et al., "Evaluating the Factual Consistency of Abstractive Text
Summarization" (EMNLP 2020) trained a checker on such rule-made pairs. Noise is
expected (a main clause cut before its condition); the dev suites decide whether
the pairs help (eval/README.md).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from bot.text.names import word_lists
from bot.text.sentences import sentences_in

SEED = 20261207
_CLAUSE = re.compile(r"[,;]\s+")  # a decimal comma has no space after it
_WORD = re.compile(r"\S+")
NUM = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")  # a figure on its own, "12" or "1,35"
_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?")
# phrases that set the time or place of a clause and may stand after it as well as before it
_LEADING = re.compile(r"(?i)^(pada|di|dalam|sejak|selama|setelah|sebelum|in|on|at|during|since|after|before)\b")
# a clause opened by one of these is not a statement of its own ("If the bill passes", "Selain itu", "Untuk ...")
_CONDITION = re.compile(
    r"(?i)^(jika|kalau|apabila|bila|meskipun|walaupun|walau|seandainya|selain|untuk|karena|sebab|ketika|saat|"
    r"sementara|seperti|agar|supaya|namun|tetapi|menurut|according|if|although|though|unless|when|while|because|as|besides|to|"
    r"but|however)\b"
)
_ID_NEG = re.compile(r"\b(tidak|tak|belum|bukan)\s+", re.I)
_ID_VERB = re.compile(r"^(me|ber|di|ter)[a-z]{3,}$")
_NOT_VERBS = frozenset({"tersebut", "terhadap", "termasuk", "terutama", "tertentu", "dirinya", "dimana", "diantara"})
_AUX = re.compile(r"\b(is|are|was|were|will|can|could|has|have|had|does|do|did|should|would)\b(?! not\b)", re.I)
_NOT = re.compile(r"\s*\bnot\b|n't\b", re.I)


def main_clause(sentence: str) -> str | None:
    """The claim a sentence states first: its opening clause (at least five words), with a short leading time or
    place phrase moved behind it; None when the sentence opens with a condition or has no clause to cut."""
    parts = [p.strip() for p in _CLAUSE.split(sentence.strip().rstrip(".!?")) if p.strip()]
    if len(parts) < 2 or _CONDITION.match(parts[0]):
        return None
    lead = ""
    if len(_WORD.findall(parts[0])) <= 5 and _LEADING.match(parts[0]):
        lead, parts = parts[0], parts[1:]
    body = parts[0]
    said = word_lists("reporting.txt")["before"]
    if len(_WORD.findall(body)) < 5 or _CONDITION.match(body) or body.split()[-1].lower() in said:
        return None  # a fragment, or "X mengatakan," whose claim is the clause after it
    if lead:
        body = f"{body} {lead[0].lower()}{lead[1:]}"
    return body[0].upper() + body[1:] + "."


def toggle_negation(claim: str, lang: str = "en") -> str | None:
    """The claim with its first negation removed, or one added; None when neither applies. English: "not" after
    the first auxiliary ("Mr Tanaka is not a student." <-> "Mr Tanaka is a student."; "There is no school": no
    simple flip); Indonesian: "tidak" before the first verb-like word, "bukan" for "adalah"."""
    if lang == "id":
        if _ID_NEG.search(claim):
            return _ID_NEG.sub("", claim, count=1)
        if " adalah " in claim:
            return claim.replace(" adalah ", " bukan ", 1)
        toks = claim.split(" ")
        for i, t in enumerate(toks[1:], start=1):
            if _ID_VERB.match(t) and t not in _NOT_VERBS:
                return " ".join([*toks[:i], "tidak", *toks[i:]])
        return None
    if _NOT.search(claim):
        plain = _NOT.sub("", claim, count=1)
        return re.sub(r"\bwo\b", "will", re.sub(r"\bca\b", "can", plain))
    if re.search(r"(?i)\b(no|never|nothing|nobody|none|neither)\b", claim):
        return None
    m = _AUX.search(claim)
    return claim[: m.end()] + " not" + claim[m.end() :] if m else None


def read_tydi_passages(path: Path) -> list[str]:
    """The English passages of TyDi QA's GoldP train file (sagorbrur/tydiqa-language-specific), reference marks
    such as "[8]:1" removed."""
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    texts = {p["context"] for a in data for p in a["paragraphs"]}
    return sorted(re.sub(r"\[\d+\](?::\d+)?", "", t) for t in texts)


def other_figure(figure: str, rng: random.Random) -> str:
    """Another value for a figure as written: a year-sized number moves by a few, a smaller one is scaled."""
    n = float(figure.replace(",", "."))
    new = n + rng.choice([-3, -2, -1, 1, 2, 3]) if n >= 1000 else n * rng.choice([2, 3, 0.5]) + 1
    return str(int(new)) if float(new).is_integer() else f"{new:g}"


def change_figure(claim: str, rng: random.Random) -> str | None:
    nums = list(NUM.finditer(claim))
    if not nums:
        return None
    m = rng.choice(nums)
    return claim[: m.start()] + other_figure(m.group(0), rng) + claim[m.end() :]


def swap_name(claim: str, sentence: str, names: list[str], rng: random.Random) -> str | None:
    found = list(_NAME.finditer(claim))
    if not found or not names:
        return None
    m = rng.choice(found)
    other = rng.choice(names)
    return None if other in sentence else claim[: m.start()] + other + claim[m.end() :]


def news_pairs(premises: list[str], lang: str, rate: float = 1.0) -> list[tuple[str, str, int]]:
    """(evidence, claim, label) rows, labels as train_claims (0 supported, 1 not_enough_info, 2 refuted), from
    `rate` of the sentences of `premises` (public text in language `lang`)."""
    rng = random.Random(SEED)
    names = sorted({m.group(0) for p in premises for m in _NAME.finditer(p)})
    out: list[tuple[str, str, int]] = []
    for premise in premises:
        sents = [premise[s:e].strip() for s, e in sentences_in(premise)]
        for i, sent in enumerate(sents):
            claim = main_clause(sent) if rng.random() < rate else None
            if claim is None:
                continue
            out.append((sent, claim, 0))
            kind = rng.choice(("figure", "name", "negation"))
            wrong = (
                change_figure(claim, rng) if kind == "figure"
                else swap_name(claim, sent, names, rng) if kind == "name"
                else None
            ) or toggle_negation(claim, lang)  # fmt: skip
            if wrong and wrong != claim:
                out.append((sent, wrong, 2))
            others = [s for j, s in enumerate(sents) if j != i and len(s) > 40]
            if others:
                out.append((rng.choice(others), claim, 1))
    return out
