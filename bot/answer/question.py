"""What a question asks for: its type, language, key terms and named entities.

Instructions smuggled into a question ("ignore previous instructions", "say
it is true") are cut out first: they are data, and only the factual part is
searched and answered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.lang import words
from bot.text.instructions import strip_instructions
from bot.text.lang import detect_lang, without_particles
from bot.text.sentences import split_sentences
from bot.text.tokens import content_terms

_QWORDS = {
    "who_said": r"\b(who|siapa)\b.*\b(said|say|says|stated|told|claimed|mengatakan|berkata|menyatakan|bilang|kata|menyebut|menyebutkan|ujar|ungkap|memprediksi|predicted)\b",
    "who": r"\b(who|whom|whose|siapa)\b",
    "when": r"\b(when|(?:what|which|on which|on what)(?: exact| precise)? (?:year|date|day|month|time|century|decade)|kapan|(?:tahun|tanggal|bulan|hari|pukul|jam|abad) (?:berapa|apa))\b",
    "how_long": r"\b(how long|berapa lama)\b",
    "how_many": r"\b(how many|how much|berapa)\b",
    "where": r"\b(where|(?:in |at |from )?(?:which|what) (?:city|country|town|place|province|state|region|village|location)|(?:di|ke|dari)\s?mana|(?:di |ke |dari )(?:\w+ ){1,2}mana|(?:kota|negara|provinsi|tempat|desa|wilayah) (?:mana|apa))\b",
    "why": r"\b(why|mengapa|kenapa)\b",
}
# fmt: off
_SENT_START = {  # capitalised only because they open the question: never a name
    "did", "does", "do", "is", "are", "was", "were", "di", "according", "menurut",
    "can", "could", "tell", "please", "in", "on", "at", "the",
} | set(words("question"))
# fmt: on


@dataclass
class Question:
    raw: str
    text: str  # the factual part that is searched
    lang: str
    qtype: str
    terms: list[str]
    entities: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    injected: bool = False


def _opens(text: str, at: int, sentences: list[tuple[int, int]]) -> bool:
    """Whether the word at `at` opens a sentence (or follows a colon), so its capital says nothing of a name.
    The sentence splitter decides (`sentences`: its spans of the question): the full stop of "R.L. Stine",
    "George H. W. Bush" or "Rep. Ada Lindqvist" ends nothing, and the next word is part of the name."""
    before = text[:at]
    if re.search(r":\s*[\"'“‘(]?\s*$", before):
        return True
    if not re.search(r"[.?!]\s*[\"'“‘(]?\s*$", before):
        return False
    return any(s <= at and not re.search(r"\w", text[s:at]) for s, _ in sentences)


def analyse(raw: str) -> Question:
    text, injected = strip_instructions(raw)
    low = without_particles(text.lower())  # "siapakah" asks who, "dimanakah" where
    qtype = next((name for name, rx in _QWORDS.items() if re.search(rx, low)), "what")
    matches = list(re.finditer(r"[^\W_][\w'’-]*", text))
    words = [m.group(0) for m in matches]
    sentences = split_sentences(text)
    starts = {0} | {i for i, m in enumerate(matches) if _opens(text, m.start(), sentences)}
    entities: list[str] = []  # runs of capitalised words: "Kim Jong Un", "Vostochny Cosmodrome"
    prev = -2
    for i, w in enumerate(words):
        sentence_start = i in starts or w.lower() in _SENT_START
        if (w[:1].isupper() and not sentence_start) or (w.isupper() and len(w) >= 2):
            word = w.strip("'’").removesuffix("'s").removesuffix("’s")
            if prev == i - 1 and entities:
                entities[-1] += " " + word
            else:
                entities.append(word)
            prev = i
    numbers = re.findall(r"\b\d+(?:[.,]\d+)*\b", text)
    return Question(
        raw=raw,
        text=text,
        lang=detect_lang(raw),
        qtype=qtype,
        terms=content_terms(text),
        entities=entities,
        numbers=numbers,
        injected=injected,
    )
