""" "Who is X?": the question names a person and asks what they are, so the answer is X's description.

A plain "who" question asks for a person ("Who accompanied X?") and gets the person the sentence names.
Asked of a name alone ("Who is Lena Håkansson?", "Siapakah R.L. Stine?"), that rule answered with another
capitalised run of the sentence (the "Baltic" of "a historian of Baltic trade"), a confident span that is not
the answer. Here the
answer is what the sentence says X is: an apposition ("X, a professor at ...", "Seorang profesor ..., X"),
a copula ("X adalah ...", "X is ...") or the office written before the name ("Menteri Luar Negeri X"). When
the sentence gives none of these, no span is named and the sentence is quoted as it stands.
"""

from __future__ import annotations

import re

from bot.evidence.align import content_words
from bot.evidence.slots import Slot, titles

_COPULA = re.compile(r"\b(?:adalah|ialah|merupakan|is|was|has been|had been|became|menjadi)\s+", re.I)
# fmt: off
# between a name and its copula: the name's other forms ("X (born 1920), atau dikenal dengan panggilan Y, adalah")
_ALIAS_WORDS = frozenset([
    "atau", "paling", "dikenal", "dengan", "panggilan", "nama", "juga", "alias",
    "or", "also", "known", "as", "better", "aka",
])
_HONORIFICS = frozenset([  # before a name, but no description of the person
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "fr", "st", "jr", "sr",
    "ir", "drs", "dra", "hj", "h", "haji", "hajah", "kh", "bapak", "ibu", "pak", "bu", "sdr", "saudara",
])
# fmt: on
_WINDOW = 160  # characters between a name and its copula at most
_CLAUSE_END = re.compile(r"[,;:.!?()\"“”]|\s(?:yang|who|which|and|dan|but|tetapi|namun)\s")
_MAX_WORDS = 14
_RELATIVE = frozenset(["yang", "who", "which", "whose", "that", "where", "di", "ketika", "when"])


def identity_of(question: str, entities: list[str]) -> str | None:
    """The person a "who is X?" question asks about, or None for any other question: its only content words
    are one name, and that name is no office ("Siapa Perdana Menteri Inggris?" asks for a person)."""
    if len(entities) != 1:
        return None
    name = entities[0]
    parts = {w.lower() for w in re.split(r"[\s.-]+", name) if w}
    if parts & titles():
        return None
    said = {w.lower() for w in content_words(question)}
    return name if said and said <= parts else None


def _trimmed(text: str, start: int, end: int) -> Slot | None:
    """The span [start, end) without surrounding spaces and commas; None when empty or too long to be a role."""
    while start < end and text[start] in " ,\t":
        start += 1
    while end > start and text[end - 1] in " ,\t":
        end -= 1
    words = text[start:end].split()
    if not words or len(words) > _MAX_WORDS:
        return None
    return Slot("description", start, end, text[start:end])


def description(sentence: str, name: str) -> Slot | None:
    """What the sentence says `name` is, or None. The name is found whole, else by its last word."""
    at = sentence.find(name)
    if at < 0:
        last = name.split()[-1]
        found = re.search(rf"\b{re.escape(last)}\b", sentence)
        if not found or len(last) < 3:
            return None
        at, end = found.start(), found.end()
    else:
        end = at + len(name)
    after = sentence[end:]
    m = _COPULA.search(after[:_WINDOW])
    if m and _only_aliases(after[: m.start()]):  # "X adalah penulis ...", "X (1920-1999) was a writer ..."
        rest = end + m.end()
        stop = _CLAUSE_END.search(sentence, rest)
        span = _trimmed(sentence, rest, stop.start() if stop else len(sentence))
        if span and not re.match(r"[^\W\d_]+(?:ed|ing)\b", span.text):  # "X is expected to ...": no role
            return span
    before = sentence[:at]
    if before.rstrip().endswith(","):  # "Seorang profesor di Universitas Y, X, ..."
        cut = before.rstrip()[:-1]
        begin = max(cut.rfind(","), cut.rfind("("), cut.rfind("“"), cut.rfind('"')) + 1
        span = _trimmed(sentence, begin, len(cut))
        if span and len(span.text.split()) >= 2 and _describes(span.text):
            return span
    if after.startswith(", "):  # "X, a professor at Y, said ..."
        stop = re.search(r"[,;:.!?()]", sentence[end + 2 :])
        close = end + 2 + stop.start() if stop else len(sentence)
        if close == len(sentence) or sentence[close] in ",.":  # closed by a comma or the sentence's end
            span = _trimmed(sentence, end + 2, close)
            # a lower-case apposition, not the next name of a list nor a relative clause ("yang ...", "who ...")
            if span and not span.text[:1].isupper() and span.text.split()[0].lower() not in _RELATIVE:
                return span
    return _office(sentence, before, at)


def _only_aliases(between: str) -> bool:
    """Whether the text between a name and a copula only names the same person again: parentheses, other
    capitalised forms and alias words, so the copula's subject is still the name."""
    bare = re.sub(r"\([^()]*\)", " ", between)
    return all(w[:1].isupper() or w.lower() in _ALIAS_WORDS for w in re.findall(r"[^\W\d_]+", bare))


def _describes(text: str) -> bool:
    """A description holds a common word or an office; "Ada Lindqvist, Tomas Brenner" is a list of names."""
    return any(not w[:1].isupper() or w.lower().strip(".") in titles() for w in text.split())


def _office(sentence: str, before: str, at: int) -> Slot | None:
    """The office written before the name, capitalised words within it kept: "Presiden Rusia X",
    "Menteri Luar Negeri X"; nothing when the words before the name hold no title."""
    start = max(before.rfind(c) for c in ',;:(“"') + 1  # the office is in the same clause as the name
    words = [w for w in re.finditer(r"\S+", before) if w.start() >= start][-6:]
    first = None
    for w in reversed(words):
        token = w.group(0).strip(".")
        if token.lower() in titles():
            first = w.start()
        elif not token[:1].isupper():
            break
    if first is None:
        return None
    span = _trimmed(sentence, first, at)  # "Ir." or "Dr." alone says nothing of what the person is
    return span if span and any(w.lower().strip(".") not in _HONORIFICS for w in span.text.split()) else None
