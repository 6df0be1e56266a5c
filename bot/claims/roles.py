"""Offices in claims and passages: "Siti Rahma adalah Menteri Keuangan" against "Menteri Luar Negeri Siti Rahma".

A claim that gives a person an office is refuted by a passage that gives the same person another office of the
same kind: both "Menteri", one for defence, the other for foreign affairs. The pair model cannot see this (every
word but the field aligns), so the offices are read here: the title and field words that stand before a name
in the passage (the title and field lists of bot/text/names.txt), and in the claim either those or the words
after "adalah / is / as / sebagai". Only a different field under the same title counts, and across languages
only a field the article itself uses in an office ("Menteri Pertahanan ..." elsewhere in it), since the lexicon
does not know every field's translation ("Foreign" / "Luar Negeri"): a field it cannot recognise is no
evidence of anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.evidence.align import word_in
from bot.evidence.speakers import same_person
from bot.text.names import TOKEN, has_title, person_name, word_lists

_RUN = re.compile(rf"(?<![\w'’.-]){TOKEN}(?:[ \t]+(?:of[ \t]+|for[ \t]+)?{TOKEN}){{1,9}}")
_PREDICATE = re.compile(
    r"\s(?:adalah|ialah|merupakan|menjabat sebagai|sebagai|is|was|as|serves as|served as)\s+"
    r"(?:the\s+|a\s+|an\s+|seorang\s+)?(?P<role>[^,.;:()]+)",
    re.I,
)


@dataclass(frozen=True)
class Office:
    person: str
    titles: frozenset[str]  # lower-case title words ("menteri", "minister")
    fields: frozenset[str]  # lower-case field words ("pertahanan", "defence")
    text: str  # the office as written


def _words(role: str) -> tuple[frozenset[str], frozenset[str]]:
    lists = word_lists("names.txt")
    toks = [t.strip(".,'’s") for t in re.findall(r"[\w'’.-]+", role)]
    titles = frozenset(t.lower() for t in toks if t.capitalize() in lists["title"] or t in lists["title"])
    fields = frozenset(t.lower() for t in toks if t.capitalize() in lists["portfolio"] or t in lists["portfolio"])
    return titles, fields - titles


def offices_in(text: str) -> list[Office]:
    """Offices written before a name: "Menteri Luar Negeri Siti Rahma", "US Secretary of Labor Jane Doe"."""
    return list(_offices(text))


@lru_cache(maxsize=1024)
def _offices(text: str) -> tuple[Office, ...]:
    out = []
    for m in _RUN.finditer(text):
        raw = m.group(0)
        who = person_name(raw)
        if not who or not has_title(raw):
            continue
        at = raw.rfind(who.split()[0])
        role = raw[:at].strip() if at > 0 else ""
        titles, fields = _words(role)
        if titles:
            out.append(Office(who, titles, fields, role))
    return tuple(out)


def claimed_office(claim: str) -> Office | None:
    """The office a claim gives its subject: "X adalah Menteri Pertahanan", "X is the defence minister", "X ...
    as foreign minister", or a title before the name ("Defence Minister X accompanied ...")."""
    written = offices_in(claim)
    if written:
        return written[0]
    pred = _PREDICATE.search(claim)
    run = _RUN.match(claim.strip()) or re.match(rf"{TOKEN}", claim.strip())
    if not pred or not run:
        return None
    who = person_name(run.group(0))
    titles, fields = _words(pred.group("role"))
    return Office(who, titles, fields, pred.group("role").strip()) if who and titles else None


def other_office(claimed: Office, passage: str, article: str) -> Office | None:
    """The passage's office for the claim's person when it is the same title with another field, else None.
    A field of the claim counts against the passage only if the article's own offices use it (in either
    language the claim is written in), so an untranslated field never refutes; and an article that elsewhere
    gives the person the claimed office does not refute it (it says both)."""
    if not claimed.fields:
        return None
    offices = _offices(article)
    for o in offices:
        if same_person(o.person, claimed.person) and all(word_in(f, o.text) for f in claimed.fields):
            return None
    known = " ".join(o.text for o in offices)
    for office in offices_in(passage):
        if not same_person(office.person, claimed.person) or not office.fields:
            continue
        if not any(word_in(t, office.text) for t in claimed.titles):
            continue  # another kind of office ("Profesor" for "duta besar"): a person may hold both
        unsaid = [f for f in claimed.fields if not word_in(f, office.text)]
        if unsaid and all(word_in(f, known) for f in unsaid):
            return office
    return None
