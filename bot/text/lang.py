"""Cheap language guess (Indonesian vs English) from function words: enough to pick weights and wording."""

from __future__ import annotations

import re

from bot.lang import words

# Function words of each language, plus the words that open a question (bot/lang/packs).
# fmt: off
_ID = {
    "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "pada", "akan", "tidak", "kata", "bahwa", "mana",
    "ke", "oleh", "adalah", "selama", "dalam", "telah", "sudah", "juga", "kepada", "karena",
    "sebagai", "para", "bersama", "saat", "setelah", "sebelum", "tentang", "tahun", "bulan", "hari", "lalu",
} | set(words("question", "id"))
_EN = {
    "the", "and", "of", "to", "in", "is", "that", "for", "with", "said", "was", "on", "will", "did", "does", "do",
    "are", "were", "a", "an", "by", "from", "his", "her", "their", "has", "have", "had", "it", "at", "as", "be",
    "about", "would", "after", "before",
} | set(words("question", "en"))
# fmt: on


_ID_AFFIX = re.compile(r"\b((me[mn]?|ber|di|ter|pe[mn]?)\w{3,}(kan|an|nya|i)|(meng|meny|mem|men)[a-z]{3,})\b", re.I)


_QUESTION_ID = frozenset(words("question", "id"))
_QUESTION_EN = frozenset(words("question", "en"))
_PARTICLE = re.compile(
    rf"\b({'|'.join(sorted(_QUESTION_ID | {'mana', 'lama'}, key=len, reverse=True))})\s?"
    rf"(?:{'|'.join(words('question_particles', 'id'))})\b",
    re.I,
)


def without_particles(text: str) -> str:
    """Question words without their enclitic particle: "Siapakah" -> "Siapa", "di provinsi manakah" ->
    "di provinsi mana", "berapa lamakah" -> "berapa lama" (the particle only marks the question)."""
    return _PARTICLE.sub(r"\1", text)


def detect_lang(text: str) -> str:
    """'id' or 'en'. A question's opening question word counts twice: a short question ("Kapan Sense and
    Sensibility dirilis?", "Dimana kantor pusat General Motors?") has few other function words to go by."""
    toks = re.findall(r"[a-z]+", without_particles(text[:5000].lower()))
    id_hits = sum(t in _ID for t in toks)
    en_hits = sum(t in _EN for t in toks)
    if toks and toks[0] in _QUESTION_ID:
        id_hits += 1
    elif toks and toks[0] in _QUESTION_EN:
        en_hits += 1
    return "en" if en_hits > id_hits or (en_hits == id_hits and not _ID_AFFIX.search(text)) else "id"
