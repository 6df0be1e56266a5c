"""Who said it: reporting patterns in Indonesian and English, resolved to a full name in the article.

"katanya"/"ujarnya"/"he said" name nobody, so they resolve to the person the
article quoted or named just before.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_NAME = r"((?:[A-Z][\w'’.-]*)(?:[ \t]+(?:[A-Z][\w'’.-]*|bin|van|de|al))*)"  # a name never spans lines
_VERBS_ID = r"(?:mengatakan|menyatakan|berkata|menyebutkan|menegaskan|menambahkan|memprediksi|berpendapat|mencatat|melaporkan|menulis|menuduh|membantah)"
_AFTER = re.compile(rf"\b(?:kata|ujar|ungkap|tutur|jelas|tambah|tegas|said|says|told)\s+{_NAME}")
_BEFORE = re.compile(
    rf"{_NAME}(?:\s+(?:juga|pun|telah|kemudian|also))?\s+(?:{_VERBS_ID}|said|says|stated|told|added|predicted)\b"
)
_MENURUT = re.compile(rf"\b(?:[Mm]enurut|[Aa]ccording to)\s+{_NAME}")
_PRONOUN = re.compile(r"\b(katanya|ujarnya|tambahnya|ungkapnya|jelasnya|tuturnya|he said|she said)\b", re.I)
# fmt: off
_NOT_NAMES = {
    "Namun", "Tetapi", "Dan", "Baik", "Jika", "Ini", "Itu", "Para", "Sementara", "Sebagai", "Kedua", "Dalam",
    "Pada", "Di", "Ia", "Dia", "Mereka", "The", "But", "And", "He", "She", "They", "It", "Media", "Presiden",
    "Menteri", "Pemimpin", "Profesor", "Rusia", "Korea", "Utara", "Selatan", "AS", "Amerika", "Serikat", "Cina",
    "China", "Kantor", "Beberapa", "Berbicara", "Melansir", "Sebelum", "Setelah",
}
# fmt: on


@dataclass
class Attribution:
    speaker: str
    start: int  # offsets of the reporting clause inside the sentence
    end: int


def _clean_name(name: str) -> str | None:
    parts = [p.strip(",.") for p in name.split()]
    while parts and parts[0] in _NOT_NAMES:
        parts.pop(0)
    while parts and parts[-1] in _NOT_NAMES:
        parts.pop()
    return " ".join(parts[:4]) or None


def attributions(sentence: str) -> list[Attribution]:
    """Reporting clauses in one sentence, with the span each one covers."""
    out: list[Attribution] = []
    for m in _BEFORE.finditer(sentence):
        name = _clean_name(m.group(1))
        if name:
            out.append(Attribution(name, m.start(1) + m.group(1).find(name.split()[0]), len(sentence)))
    for rx in (_AFTER, _MENURUT):
        for m in rx.finditer(sentence):
            name = _clean_name(m.group(1))
            if name:
                out.append(Attribution(name, 0, len(sentence)))
    return out


def pronoun_speaker(sentence: str) -> bool:
    return bool(_PRONOUN.search(sentence))


_INTRODUCED = re.compile(
    r"\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,2})(?=,| yang | menambahkan| juga| berpendapat| melihat| memprediksi)"
)
# fmt: off
_INSTITUTION = {
    "Universitas", "University", "Institut", "Institute", "Pusat", "Dewan", "Kantor", "Media", "Korea", "Hubungan",
    "Internasional", "Seorang", "Profesor", "Presiden", "Menteri", "Amerika", "Serikat",
}
# fmt: on


def resolve_previous(doc_text: str, before: int) -> str | None:
    """The last person quoted or introduced before offset `before` (for "katanya")."""
    window = doc_text[max(0, before - 1500) : before]
    names = [a.speaker for s in re.split(r"(?<=[.!?”\"])\s+", window) for a in attributions(s)]
    last_sentence = re.split(r"(?<=[.!?”\"])\s+", window.strip())[-1] if window.strip() else ""
    introduced = [m for m in _INTRODUCED.findall(last_sentence) if not set(m.split()) & _INSTITUTION]
    if introduced and not attributions(last_sentence):
        return introduced[-1]  # "Seorang Profesor ..., Yakov Zinberg, ... melihat ..." then “...,” katanya
    return names[-1] if names else None


def full_name(short: str, doc_text: str) -> str:
    """ "Putin" -> "Vladimir Putin": the article's most frequent fuller spelling (titles and countries dropped);
    a family name that comes first ("Kim") takes the commonest name it starts."""
    last = short.split()[-1]
    ending = Counter(
        cand
        for m in re.finditer(rf"((?:[A-Z][\w'’-]*[ \t]+){{1,2}}){re.escape(last)}\b", doc_text)
        if (cand := _clean_name(m.group(0))) and cand.endswith(short) and cand != short and len(cand.split()) <= 3
    )
    starting = Counter() if " " in short else Counter(
        m.replace("-", " ") for m in re.findall(rf"\b{re.escape(short)}(?:[ -][A-Z][a-z]+){{1,2}}\b", doc_text)
    )
    for counts in (ending, starting):
        if counts:  # ties go to the longer, then the earlier spelling
            return max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    return short


def closing_speaker(doc_text: str, after: int) -> str | None:
    """For a quote split over sentences: the "…,” kata X" that closes the paragraph after offset `after`."""
    end = doc_text.find("\n\n", after)
    rest = doc_text[after : end if end >= 0 else len(doc_text)]
    names = [a.speaker for a in attributions(rest)]
    return names[0] if names and _AFTER.search(rest) else None
