"""Follow-up questions ("when was that said?", "dan menurut Kompas?") rewritten into self-contained ones.

Retrieval and the answerer see one question at a time and know nothing of the chat, so a follow-up is
resolved here, before the chain, and deterministically: the previous turn's names, the speaker its answer
named ("X said it [1]" / "X yang mengatakannya [1]") and its topic (what was said or asked about) are
carried into the new text. A text that names its own subject and has no continuation marker stands alone
and is left as it is. The history is data: only names and words are taken from it, instructions inside it
are cut out as in a question, and nothing in it is ever followed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.answer.followup_words import (
    ACCORDING,
    AFTER_PRONOUN,
    AUX,
    BEFORE_PRONOUN_ID,
    EN_MARK,
    FUNCTION,
    GROUP,
    ID_MARK,
    MARKER,
    PARTICLES,
    PEOPLE_ROLES,
    PERSON,
    POSSESSIVE,
    SAY,
    SPEAKER,
    TEXT,
    THING_EN,
    THING_ID,
    TIME_NOUNS,
    TOKEN,
    TRUE,
    WH,
    WH_START,
    WHAT_ABOUT,
    WHO_ELSE,
    WHO_SAID,
)
from bot.answer.history import MAX_TURN_CHARS, Turn, parse_history
from bot.text.instructions import strip_instructions
from bot.text.lang import without_particles

_MAX_TOPIC = 300


@dataclass
class _Context:
    """The previous turn, as far as a follow-up can lean on it."""

    question: str
    lang: str
    names: list[str] = field(default_factory=list)
    said: bool = False  # it asked who said something: its topic is a statement
    topic: str = ""
    speaker: str | None = None


def resolve(text: str, history: Sequence[Turn | dict[str, object]], kind: str = "question") -> str | None:
    """The self-contained question (or claim) `text` stands for after `history`; None when it stands alone.

    Earlier follow-ups in the history are resolved first, in order, so a chain of them keeps its subject.
    """
    ctx: _Context | None = None
    for turn in parse_history(list(history)):
        if turn.kind == "answer":
            who = _speaker(turn.text)
            if ctx is not None and who:
                ctx.speaker = who
            continue
        resolved = _rewrite(turn.text, ctx, turn.kind) if ctx else None
        ctx = _carry(ctx, _context(resolved or turn.text, turn.kind)) if resolved else _context(turn.text, turn.kind)
    return _rewrite(text, ctx, kind) if ctx else None


def _carry(old: _Context | None, new: _Context) -> _Context:
    """A follow-up about the same statement ("when was that said?") keeps it as the topic, and its speaker:
    the previous one if still named, else the person it asked about ("Did X say it?")."""
    if old is None or not old.topic or old.topic not in new.question:
        return new
    new.said, new.topic = old.said, old.topic
    if old.speaker and old.speaker in new.question:
        new.speaker = old.speaker
    else:
        new.speaker = next((n for n in new.names if n not in old.topic), None) if old.said else None
    return new


def _context(text: str, kind: str) -> _Context:
    clean, _ = strip_instructions(" ".join(text.split()))
    clean = without_particles(clean[:MAX_TURN_CHARS])  # "Siapakah yang mengatakan ..." is "Siapa yang ..."
    said = kind == "question" and bool(WHO_SAID.match(clean))
    return _Context(question=clean, lang=_lang(clean, "en"), names=_names(clean), said=said, topic=_topic(clean, kind))


def _topic(question: str, kind: str) -> str:
    body = question.strip().rstrip("?!. ")
    if kind == "question":
        plain = re.sub(rf"^{AUX}\s+", "", _strip_wh(body), count=1, flags=re.I)
        body = WHO_SAID.sub("", body, count=1) if WHO_SAID.match(body) else plain
    return body[:_MAX_TOPIC].strip()


def _strip_wh(text: str) -> str:
    return re.sub(rf"^{WH}\s+", "", text, count=1, flags=re.I)


def _lang(text: str, default: str) -> str:
    words = [w.lower() for w in TOKEN.findall(text)]
    id_hits, en_hits = sum(w in ID_MARK for w in words), sum(w in EN_MARK for w in words)
    if id_hits == en_hits:
        return default
    return "id" if id_hits > en_hits else "en"


def _names(text: str) -> list[str]:
    """Runs of capitalised words that are not question or function words: "Kim Jong Un", "Kompas"."""
    shouting = text.upper() == text
    names: list[str] = []
    last_end = -2
    for m in TOKEN.finditer(text):
        word = re.sub(r"['’]s$", "", m.group(0))
        low = word.lower()
        is_name = len(word) >= 2 and word[0].isupper() and low not in FUNCTION
        is_name = is_name or (not shouting and word.isupper() and len(word) >= 2 and word.isalpha())
        if is_name:
            if names and text[last_end : m.start()] == " ":
                names[-1] += " " + word
            else:
                names.append(word)
            last_end = m.end()
    return names


def _speaker(answer: str) -> str | None:
    """The person an earlier answer said it was ("X said it [1]"), when the name looks like one."""
    m = SPEAKER.match(answer.replace("*", "").replace("_", " "))
    if not m:
        return None
    who = " ".join(m.group("who").split())
    words = who.split()
    if len(words) > 6 or any(ch.isdigit() for ch in who):
        return None
    if not all(w[0].isupper() or w.lower() in PARTICLES for w in words) or not words[0][0].isupper():
        return None
    return who


def _rewrite(text: str, ctx: _Context | None, kind: str) -> str | None:
    if ctx is None:
        return None
    clean = without_particles(" ".join(text.split()))
    body = MARKER.sub("", clean, count=1)
    marked = body != clean
    if not body:
        return None
    lang = _lang(clean, ctx.lang)
    own = _names(body)
    if kind == "claim":  # a claim is only ever given its subject back: "He met Kim in 2023"
        out = _substitute(body, ctx, lang, persons_only=True) if _leading(body, own) else None
    else:
        out = _template(body, ctx, lang, own, marked) or _pronouns(body, ctx, lang, own, marked)
    return out[0].upper() + out[1:] if out else None


def _template(body: str, ctx: _Context, lang: str, own: list[str], marked: bool) -> str | None:
    """The common short forms: "according to X?", "who else said it?", "when was that said?", "and X?"."""
    text = TEXT[lang]
    words = TOKEN.findall(body)
    question = ctx.question.rstrip("?!. ")
    if TRUE.match(body) and ctx.topic:
        return text["true"].format(topic=ctx.topic)
    m = ACCORDING.match(body)
    if m and len(words) <= 8:
        return f"{question}, {m.group('kw').lower()} {m.group('src')}?"
    if WHO_ELSE.match(body) and not own and ctx.topic:
        if ctx.said or re.search(rf"\b{SAY}\b", body, re.I):
            return text["else"].format(topic=ctx.topic)
        return re.sub(r"^(who|siapa)\b", "Who else" if lang == "en" else "Siapa lagi", question, count=1, flags=re.I)
    wh = WH_START.match(body)
    says = re.search(rf"\b{SAY}\b", body, re.I)
    bare = wh is not None and len(words) <= len(wh.group("wh").split()) + (1 if says else 0)
    if wh and not own and ctx.topic and (bare or (says and _pronoun_spans(body))):
        word = wh.group("wh")[0].upper() + wh.group("wh")[1:]
        if ctx.said or (says and ctx.speaker):
            if ctx.speaker:
                return text["said"].format(wh=word, who=ctx.speaker, topic=ctx.topic)
            return text["said_anon"].format(wh=word, topic=ctx.topic)
        rest = _strip_wh(question)
        if lang == "en" and re.match(rf"{AUX}\b", rest, re.I):
            return f"{word} {rest}?"
        return f"{word} {ctx.topic}?"
    about = WHAT_ABOUT.match(body)
    rest = about.group("rest") if about else (body.rstrip("?!. ") if marked else "")
    if rest and own and " ".join(own) == " ".join(TOKEN.findall(rest)):
        who = " and ".join(own) if lang == "en" else " dan ".join(own)
        if ctx.said and ctx.topic:
            return text["did_say"].format(who=who, topic=ctx.topic)
        if ctx.names and ctx.names[0] in question:
            return question.replace(ctx.names[0], who, 1) + "?"
        return f"{question} ({who})?"
    return None


def _leading(body: str, own: list[str]) -> bool:
    """A pronoun that points back: any, in a text without names; else one for people before its first name."""
    first_name = body.find(own[0]) if own else len(body)
    return any(not own or (role in PEOPLE_ROLES and start < first_name) for start, _, role in _pronoun_spans(body))


def _pronouns(body: str, ctx: _Context, lang: str, own: list[str], marked: bool) -> str | None:
    """A text with a pronoun and no name of its own (or one opened by "and"/"dan"): the pronouns are replaced."""
    if not marked and not _leading(body, own):
        return None  # names its own subject, or has nothing that points back
    out = _substitute(body, ctx, lang, persons_only=False)
    carried = [n for n in [ctx.speaker, *ctx.names] if n]
    if out is None:
        out = body
    if carried and not own and not any(n in out for n in carried):
        out = f"{out.rstrip('?!. ')} ({', '.join(dict.fromkeys(carried))})?"
    return None if out == body and not marked else out


def _pronoun_spans(body: str) -> list[tuple[int, int, str]]:
    """(start, end, role) of each pronoun that stands for someone or something earlier."""
    tokens = list(TOKEN.finditer(body))
    spans: list[tuple[int, int, str]] = []
    for i, m in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        after = nxt.group(0).lower() if nxt and not body[m.end() : nxt.start()].strip() else None
        prev = tokens[i - 1].group(0).lower() if i else None
        later_that = any(t.group(0).lower() in ("that", "bahwa") for t in tokens[i + 1 :])
        role = _role(m.group(0).lower(), prev, after, later_that)
        if role:
            start = tokens[i - 1].start() if prev == "hal" and role == "thing" else m.start()  # "hal itu"
            spans.append((start, m.end(), role))
    return spans


def _role(low: str, prev: str | None, after: str | None, later_that: bool) -> str | None:
    """`after` is the next word when nothing but spaces comes between; `later_that`: "it ... that" is empty."""
    if low in PERSON or (low == "her" and (after is None or after in FUNCTION)):
        return "person"
    if low in GROUP:
        return "group"
    if low in POSSESSIVE or low == "her":
        return POSSESSIVE.get(low, "person") + "'s"
    if low == "it":
        return None if later_that else "thing"
    if low in THING_EN:
        if after is None or after in AFTER_PRONOUN:
            return "thing"
        return "det" if _determiner(after, prev) else None  # "that summit": points back, nothing to replace
    if low in THING_ID:
        if prev is None or prev in BEFORE_PRONOUN_ID or prev == "hal":
            return "thing"
        return "det" if low != "begitu" and _determiner(prev, None) else None
    if low.endswith("nya") and re.fullmatch(SAY, low, re.I):
        return "say_he" if low == "katanya" else "say_it"
    return None


def _determiner(noun: str, before: str | None) -> bool:
    """Whether a demonstrative goes with `noun` ("that summit", "pertemuan itu"), not "said that the ..."."""
    low = re.sub(r"['’]s$", "", noun.lower())
    said_that = before is not None and re.fullmatch(SAY, before, re.I) is not None
    return not said_that and low not in FUNCTION and low not in TIME_NOUNS


def _substitute(body: str, ctx: _Context, lang: str, persons_only: bool) -> str | None:
    person = ctx.speaker or (ctx.names[0] if ctx.names and not ctx.said else None)
    group = (" and " if lang == "en" else " dan ").join(ctx.names[:3]) if len(ctx.names) > 1 else person
    out, at, changed = [], 0, False
    for start, end, role in _pronoun_spans(body):
        word = body[start:end]
        if role == "person" and person:
            new = person
        elif role == "group" and group:
            new = group
        elif role.endswith("'s") and (owner := person if role == "person's" else group):
            new = f"{owner}'s"
        elif persons_only:
            continue
        elif role == "thing" and ctx.topic:
            new = ctx.topic
        elif role == "say_it" and ctx.topic:
            new = f"{word[:-3]} {ctx.topic}"
        elif role == "say_he" and person:
            new = f"kata {person}"
        else:
            continue
        out += [body[at:start], new]
        at, changed = end, True
    return "".join([*out, body[at:]]) if changed else None
