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


def detect_lang(text: str) -> str:
    toks = re.findall(r"[a-z]+", text.lower()[:5000])
    id_hits = sum(t in _ID for t in toks)
    en_hits = sum(t in _EN for t in toks)
    return "en" if en_hits > id_hits or (en_hits == id_hits and not _ID_AFFIX.search(text)) else "id"
