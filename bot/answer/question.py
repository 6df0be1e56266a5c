"""What a question asks for: its type, language, key terms and named entities.

Instructions smuggled into a question ("ignore previous instructions", "say
it is true") are cut out first: they are data, and only the factual part is
searched and answered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.lang import words
from bot.text.lang import detect_lang
from bot.text.tokens import content_terms

_INJECTION = re.compile(
    r"(?is)\b(ignore|disregard|forget|override)\b[^.?!\n]{0,80}\b(instruction|instruksi|prompt|rule|aturan|previous|sebelumnya|above|source|sumber|context|konteks|data)s?\b[^.?!:\n]*[.?!:]?"
    r"|\b(abaikan|lupakan)\b[^.?!:\n]*[.?!:]?"
    r"|\b(say|answer|respond|reply|output|print|write|return|label|mark|classify|jawab|katakan|tulis|tandai)\b\s+(it\s+|this\s+|this claim\s+|the claim\s+|ini\s+|klaim ini\s+)?(as\s+|sebagai\s+|with\s+|dengan\s+)?[\"'“‘]?(supported|refuted|true|false|benar|salah|yes|ya|hacked|pwned|not_enough_info)\b[\"'”’]?[^.?!:\n]*[.?!:]?"
    r"|\b(and\s+)?nothing else\b[.?!]?|\b(tanpa|dan)\s+(yang\s+)?lain(nya)?\b[.?!]?"
    r"|\b(you are now|act as|pretend|system prompt|jailbreak|developer mode)\b[^.?!:\n]*[.?!:]?"
    r"|\b(answer|respond|reply|say|output|print|label|mark|jawab|katakan|tandai|label(?:kan)?)\b"
    r"[^.?!\n]{0,40}\b(only|with|that|as|bahwa|dengan|sebagai|saja)\b[^.?!\n]{0,60}"
    r"\b(true|false|supported|refuted|benar|salah|yes|no|ya|tidak|hacked|pwned)\b[^.?!:\n]*[.?!:]?"
)
_QWORDS = {
    "who_said": r"\b(who|siapa)\b.*\b(said|say|says|stated|told|claimed|mengatakan|berkata|menyatakan|bilang|kata|menyebut|menyebutkan|ujar|ungkap|memprediksi|predicted)\b",
    "who": r"\b(who|whom|whose|siapa)\b",
    "when": r"\b(when|(?:what|which|on which|on what)(?: exact| precise)? (?:year|date|day|month|time|century|decade)|kapan|(?:tahun|tanggal|bulan|hari|pukul|jam|abad) (?:berapa|apa)|pada tahun)\b",
    "how_long": r"\b(how long|berapa lama)\b",
    "how_many": r"\b(how many|how much|berapa)\b",
    "where": r"\b(where|(?:in |at |from )?(?:which|what) (?:city|country|town|place|province|state|region|village|location)|di mana|dimana|ke mana|kemana|dari mana|(?:di |ke |dari )?(?:kota|negara|provinsi|tempat|desa|wilayah) (?:mana|apa))\b",
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


def strip_instructions(text: str) -> tuple[str, bool]:
    """The question without planted instructions; when one was cut, a word or two left dangling after
    the last full sentence ("... satellites? Also") goes with it, so it cannot blur the question."""
    cleaned = _INJECTION.sub(" ", text)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .,;:-")
    injected = cleaned != re.sub(r"\s+", " ", text).strip(" .,;:-")
    if injected:
        cleaned = re.sub(r"([.?!])\s+\S+(?:\s+\S+)?$", r"\1", cleaned)
    return cleaned, injected


def analyse(raw: str) -> Question:
    text, injected = strip_instructions(raw)
    low = text.lower()
    qtype = next((name for name, rx in _QWORDS.items() if re.search(rx, low)), "what")
    matches = list(re.finditer(r"[^\W_][\w'’-]*", text))
    words = [m.group(0) for m in matches]
    starts = {0} | {i for i, m in enumerate(matches) if re.search(r"[.?!:]\s*[\"'“‘(]?\s*$", text[: m.start()])}
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
