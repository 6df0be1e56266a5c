"""Who said it: reporting clauses in English and Indonesian news, resolved to a name the article spells out.

The speaker may come before the verb ("Jordan said", "Merrill wrote:", "Park mengatakan", "Budi, seorang
guru, menambahkan"), after it behind a quote or a comma ('"...," said Rep. Jim Jordan', '"...?" tanya Ani',
"..., ujar Gubernur ... Ridwan Kamil"), or after "according to"/"menurut". Pronoun clauses ("he added",
"katanya", "ujarnya") name nobody, so they resolve to the person quoted or introduced just before; a quote
left without a clause takes the "...," kata X that closes it later in the paragraph. Titles, offices and
places are peeled off by bot/text/names.py; the verbs are data (bot/text/reporting.txt). Nothing here knows
any one story, so "who said" works on any corpus.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from bot.text.acronyms import initials
from bot.text.names import (
    TOKEN,
    has_title,
    is_place,
    looks_like_person,
    name_start,
    person_name,
    places_in,
    word_lists,
)
from bot.text.sentences import sentences_in

# Lowercase words a role description may use between a verb and a name ("kata pengamat politik Budi"),
# but never these: after them the capitalised word is a listener, a place or a new clause.
_NOT_ROLE = (
    r"to|in|at|on|for|with|from|by|that|this|he|she|they|it|we|as|when|after|before|while|and|or|but|who|which"
    r"|kepada|pada|di|ke|dari|dengan|dalam|oleh|bahwa|dia|ia|beliau|mereka|saat|ketika|setelah|sebelum|sambil"
    r"|seraya|dan|atau|tetapi|yang|itu|ini|usai|seusai"
)
_ROLE = rf"(?P<role>(?:(?!(?:{_NOT_ROLE})\b)[a-z][\w'’-]*,?[ \t]+){{0,4}})"
_INTRO_STOP = {"dan", "and", "or", "atau", "serta", "but", "namun", "tetapi", "maupun", "hingga", "to", "di", "in"}
_QUOTE_MARKS = '“”"'


@dataclass(frozen=True)
class Attribution:
    """One reporting clause: who is named as the source, and where the clause stands, so an answer can cite
    the sentence and still say which words named the speaker."""

    speaker: str
    start: int  # offsets of the reporting clause ("said Rep. Jim Jordan", "Park mengatakan") in the sentence
    end: int


def _alt(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The reporting-clause patterns, built once from the data files."""
    verbs, names = word_lists("reporting.txt"), word_lists("names.txt")
    before, after, adverbs = _alt(verbs["before"]), _alt(verbs["after"]), _alt(verbs["adverb"])
    # at most eight words (a longer capitalised run is a list, and the bound keeps matching linear)
    name = rf"(?P<name>{TOKEN}(?:[ \t]+(?:(?:{_alt(names['connector'])})[ \t]+)?{TOKEN}){{0,7}})"  # never spans lines
    start = r"(?<![\w'’.-])"
    degree = r"(?:[A-Z][A-Za-z]{0,3}\.){1,3}"  # "M.Si.", "Ph.D.", "Jr."
    # "Jordan, 59, a Republican, said" / "Sutopo Wibowo, M.Si., menilai"
    appositive = rf"(?:,[ \t]+(?:(?=[a-z\d]|[A-Z]-)[^,“”\"()\n]{{2,120}}?|{degree}(?:,[ \t]+{degree})*),)?"
    # after an office, the person may follow in commas: "menurut Kepala Dinas (DPU) Kota X, Budi Santoso,"
    named_after = (
        rf"(?:[ \t]*\([^()\n]{{1,20}}\))?(?:[ \t]+{TOKEN}){{0,6}}"
        rf"(?:,[ \t]+(?P<apposed>{TOKEN}(?:[ \t]+{TOKEN}){{0,4}})(?=[,.]|$))?"
    )
    pronoun = _alt(verbs["pronoun"])
    return {
        "before": re.compile(
            rf"{start}{name}(?:[ \t]*\([^()\n]{{1,40}}\))?{appositive},?[ \t]+(?:(?:{adverbs})[ \t]+){{0,2}}"
            rf"(?P<verb>{before})\b"
        ),
        "after": re.compile(rf"(?:^|(?<=[,;:\"“”'’—–?!-]))[ \t]*(?P<verb>{after})[ \t]+{_ROLE}{name}{named_after}"),
        "according": re.compile(rf"\b(?P<verb>[Mm]enurut|[Aa]ccording[ \t]+to)[ \t]+{_ROLE}{name}{named_after}"),
        "pronoun": re.compile(
            # "..., katanya" / "...,” ujar dia" close a statement ("lebih jelasnya" is no clause); "he said" anywhere
            rf"(?:(?<=[,;:\"“”'’—–?!-])[ \t]*(?:(?:{after})nya\b|(?:{after})[ \t]+(?:dia|beliau)\b)"
            rf"|\b(?i:{pronoun})[ \t]+(?:(?:{adverbs})[ \t]+){{0,2}}(?:{before})\b)"
        ),
        "intro": re.compile(rf"{start}{name},[ \t]+(?:[A-Z]-[\w.]+,[ \t]+)?(?P<next>[a-z]\w*)"),
        "titled": re.compile(rf"{start}{name}"),
    }


def _quoted(sentence: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks; a closing mark with no opener quotes from the start (a quote that
    began in an earlier sentence)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(sentence):
        if ch not in _QUOTE_MARKS:
            continue
        prev = sentence[i - 1] if i else " "
        if ch == "“" or (ch == '"' and opened is None and (prev.isspace() or prev in "([—–-")):
            opened = i
        else:
            spans.append((0 if opened is None else opened, i))
            opened = None
    if opened is not None:
        spans.append((opened, len(sentence)))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e + 1 for s, e in spans)


def attributions(sentence: str) -> list[Attribution]:
    """Reporting clauses in one sentence outside its quotation marks, in reading order."""
    return list(_attributions(sentence))


@lru_cache(maxsize=8192)  # a who-said question asks about the same ~40 sentences from features, answer and disagreement
def _attributions(sentence: str) -> tuple[Attribution, ...]:
    found: list[Attribution] = []
    pats = _patterns()
    places = places_in(sentence)
    for kind in ("before", "after", "according"):
        for m in pats[kind].finditer(sentence):
            raw = m.group("name")
            role = m.groupdict().get("role") or ""
            who = person_name(raw, titled=bool(role.strip()), places=places)
            name_end = m.start("name") + len(raw.rstrip("."))
            apposed = m.groupdict().get("apposed")
            if apposed and (role.strip() or has_title(raw) or not who) and person_name(apposed):
                who, name_end = person_name(apposed), m.start("apposed") + len(apposed.rstrip("."))
            if not who:
                continue
            if kind == "before":
                before_name = sentence[: m.start("name")].rstrip()
                if before_name.split()[-1:] in (["in"], ["di"], ["at"], ["from"], ["ke"]):
                    continue  # "analysts in Nairobi said": a place, not the speaker
                if is_place(who) and before_name and before_name[-1] not in ',;:“"(':
                    continue  # "media pemerintah Prancis menyebutkan": the country qualifies the speaker
                found.append(Attribution(who, m.start("name") + name_start(raw), m.end("verb")))
            else:
                found.append(Attribution(who, m.start("verb"), name_end))
    quotes = _quoted(sentence)  # a clause inside quotation marks is the quoted person's, not the source's
    found = sorted((a for a in found if not _inside(quotes, a.start, a.end)), key=lambda a: a.start)
    kept: list[Attribution] = []
    for a in found:  # one clause, one speaker
        if not any(a.start < k.end and k.start < a.end for k in kept):
            kept.append(a)
    return tuple(kept)


def pronoun_speaker(sentence: str) -> bool:
    """A clause whose speaker is a pronoun: "he said", "she told reporters", "katanya", "ujar dia"."""
    return bool(_patterns()["pronoun"].search(sentence))


def _introduced(sentence: str) -> list[str]:
    """People a sentence introduces outside quotes: "Siti Rahma, seorang profesor ...", "..., Dewi
    Lestari, yang ...", or a titled subject ("Profesor Budi Santoso menilai ...")."""
    quotes = _quoted(sentence)
    places = places_in(sentence)
    out: list[tuple[int, str]] = []
    pats = _patterns()
    for m in pats["intro"].finditer(sentence):
        who = person_name(m.group("name"), places=places)
        if who and m.group("next") not in _INTRO_STOP and not _inside(quotes, m.start(), m.end()):
            out.append((m.start(), who))
    for m in pats["titled"].finditer(sentence):
        who = person_name(m.group("name"), places=places)
        if who and has_title(m.group("name")) and not _inside(quotes, m.start(), m.end()):
            out.append((m.start(), who))
    return [who for _, who in sorted(out) if looks_like_person(who)]


def resolve_previous(doc_text: str, before: int) -> str | None:
    """The person a pronoun clause means: the last one quoted or introduced before offset `before`."""
    start = max(0, before - 1500)
    sentences = sentences_in(doc_text, start, before)
    for s, e in reversed(sentences):
        sent = doc_text[s:e]
        named = attributions(sent)
        if named:
            return named[-1].speaker
        introduced = _introduced(sent)
        if introduced:
            return introduced[0]  # the sentence's subject comes first
    return None


def _headline(line: str) -> bool:
    """A title-cased line ("Wali Kota Tinjau Pasar di ...", "Jordan Says Clinton Knew"): its capitals are no names."""
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    if not 3 <= len(words) <= 20 or line.rstrip().endswith(".") or ". " in line:
        return False  # headlines are short and end without a full stop
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


@lru_cache(maxsize=2048)  # asked again for the same speaker and article by the answer and the disagreement check
def full_name(short: str, doc_text: str) -> str:
    """ "Clyburn" -> "Jim Clyburn": the article's most frequent fuller spelling, titles and places dropped;
    a family name that comes first ("Park", "Nguyen") takes the commonest name it starts."""
    toks = short.split()
    places = places_in(doc_text)
    text = "\n".join("" if _headline(line) else line for line in doc_text.split("\n"))
    connect = _alt(word_lists("names.txt")["connector"])
    ending: Counter[str] = Counter()
    lead = rf"(?<![\w'’.-])((?:{TOKEN}[ \t]+(?:(?:{connect})[ \t]+)?){{1,6}})"
    for m in re.finditer(rf"{lead}{re.escape(toks[-1])}(?![\w'’-])", text):
        cand = person_name(m.group(0), places=places)
        if cand and cand != short and cand.split()[-len(toks) :] == toks and looks_like_person(cand):
            ending[cand] += 1  # "Jim Jordan" for "Jordan", never "Partai Buruh Selandia Baru" for "Selandia Baru"
    starting: Counter[str] = Counter()
    if len(toks) == 1:
        for m in re.finditer(rf"(?<![\w'’.-]){re.escape(short)}(?:[ \t]+{TOKEN}){{1,2}}", text):
            cand = person_name(m.group(0), places=places)
            if cand and cand != short and cand.split()[0] == short and looks_like_person(cand):
                starting[cand] += 1
    for counts in (ending, starting):
        if counts:  # ties go to the longer, then the earlier spelling
            return max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    return short


_PARAGRAPH_END = re.compile(r"\n[ \t]*\n|(?<=[.!?…\"”’])[ \t]*\n")


@lru_cache(maxsize=512)
def _paragraph_breaks(doc_text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _PARAGRAPH_END.finditer(doc_text))


def _paragraph_start(doc_text: str, at: int) -> int:
    """Where the paragraph holding offset `at` starts: the end of the last break in doc_text[:at], found in the
    article's breaks (listed once) instead of scanning from the top for every sentence asked about. A break
    that runs past `at` is matched again on the cut text, exactly as a scan of doc_text[:at] would."""
    breaks = _paragraph_breaks(doc_text)
    k = bisect_right([e for _, e in breaks], at)  # breaks wholly before `at`
    start = breaks[k - 1][1] if k else 0
    if k < len(breaks) and breaks[k][0] < at:
        cut = [m.end() for m in _PARAGRAPH_END.finditer(doc_text, breaks[k][0], at)]
        start = cut[-1] if cut else start
    return start


def closes_before(sentence: str, start: int) -> bool:
    """A clause at `start` that closes what came before it ('...," kata X', '..., the mayor said'), not one
    that opens a new statement ("Park mengatakan ...")."""
    head = sentence[:start].rstrip()
    return len(head) > 3 and head[-1] in ",”\"’'?!—–-:"


def governed(sentence: str, clause: Attribution) -> str:
    """The part of the sentence a reporting clause credits to its speaker: what precedes a closing clause,
    what follows an opening one."""
    return sentence[: clause.start] if closes_before(sentence, clause.start) else sentence[clause.end :]


def credits(doc_text: str, start: int, end: int) -> list[tuple[str, str]]:
    """Who the sentence doc_text[start:end] credits, each (full name, the part credited to them). A sentence
    without a clause of its own is credited whole to the speaker its pronoun clause or a later closing clause
    gives; none when there is no such speaker."""
    text = doc_text[start:end]
    found = [(full_name(a.speaker, doc_text), governed(text, a)) for a in attributions(text)]
    if found:
        return found
    who = resolve_previous(doc_text, start) if pronoun_speaker(text) else closing_speaker(doc_text, end)
    return [(full_name(who, doc_text), text)] if who else []


def _opens_quote(sentence: str) -> bool:
    return sentence[:1] == "“" or (sentence[:1] == '"' and sentence[1:2] not in ("", " "))


def closing_speaker(doc_text: str, after: int) -> str | None:
    """The speaker of a sentence that has no clause of its own (it ends at offset `after`): the '...," kata X'
    that closes its quote or statement later in the same paragraph, else, for a quotation, the clause of the
    sentence just before it ('"Why?" Mr. Clyburn said. "Nobody explained it."'). A new quote or a clause that
    opens a new statement ("Park mengatakan ...") ends the search; a pronoun clause resolves backwards."""
    end_m = _PARAGRAPH_END.search(doc_text, after)
    end = end_m.start() if end_m else len(doc_text)
    for s, e in sentences_in(doc_text, after, end):
        sent = doc_text[s:e]
        if _opens_quote(sent):
            break  # a new quote: its clause is not this sentence's
        found = attributions(sent)
        pron = _patterns()["pronoun"].search(sent)
        if found:
            return found[0].speaker if closes_before(sent, found[0].start) else None
        if pron:
            return resolve_previous(doc_text, after) if closes_before(sent, pron.start()) else None
    before = sentences_in(doc_text, _paragraph_start(doc_text, after), after)
    if not before or not _opens_quote(doc_text[before[-1][0] : before[-1][1]]):
        return None
    for s, e in reversed(before[:-1]):  # a quote that goes on after its speaker's clause
        sent = doc_text[s:e]
        found = attributions(sent)
        if found:
            return found[-1].speaker
        if pronoun_speaker(sent):
            return resolve_previous(doc_text, s)
        if not _opens_quote(sent):
            break
    return None


def same_person(a: str, b: str) -> bool:
    """ "Widodo" and "Joko Widodo" are one person, "AP" and "Associated Press" one agency; two names with no
    word in common are two."""
    if any(x.isupper() and initials(y) == x for x, y in ((a, b), (b, a))):
        return True
    words = [{w.lower() for w in re.findall(r"[^\W\d_]{2,}", name)} for name in (a, b)]
    return bool(words[0] & words[1])
