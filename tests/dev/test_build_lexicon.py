"""bot/dev/build_lexicon.py on a miniature WordNet and Wordnet Bahasa: which translations are kept, in which
order, and how stems, irregular forms and phrases come out. The real build reads the full files (see
eval/README.md); the format here is theirs, only smaller."""

from __future__ import annotations

import json
from pathlib import Path

from bot.dev.build_lexicon import build, write

# sense_key synset_offset sense_number tag_count, as in WordNet 3.0's index.sense
INDEX_SENSE = """\
build%1:07:00:: 04998530 1 2
build%2:36:00:: 01654628 1 123
build%2:36:09:: 01655505 2 4
build%2:30:05:: 00253277 9 0
say%2:32:00:: 01009240 1 300
help%2:41:00:: 02547586 1 50
prime_minister%1:18:00:: 10467179 1 3
meet%2:41:00:: 02023107 1 80
abraham_lincoln%1:18:00:: 11094770 1 0
lincoln%1:18:00:: 11094770 1 0
jesus%1:18:00:: 11091650 1 5
london%1:15:00:: 08860123 1 4
eat%2:34:00:: 01168468 1 60
train%1:06:00:: 04468005 1 10
grey%1:18:00:: 11036140 1 0
ate%1:18:00:: 09502945 1 0
"""
# data.noun: which noun synsets are instances (@i) of persons (lexicographer file 18)
DATA_NOUN = """\
  1 This software and database is being provided ... (licence header lines start with spaces)
10467179 18 n 01 prime_minister 0 001 @ 10468559 n 0000 | the person who is head of state
11094770 18 n 02 Lincoln 0 Abraham_Lincoln 0 001 @i 10467179 n 0000 | 16th President of the United States
11091650 18 n 01 Jesus 0 001 @i 10467179 n 0000 | a teacher and prophet
08860123 15 n 01 London 0 001 @i 08524735 n 0000 | the capital of the United Kingdom
09502945 18 n 01 Ate 0 001 @i 09505418 n 0000 | goddess of criminal rashness
"""
BAHASA = """\
# Wordnet Bahasa\tind\thttp://wn-msa.sourceforge.net/\tMIT
04998530-n\tind:lemma\ttubuh
01654628-v\tind:lemma\tmembangun
01655505-v\tind:lemma\tmembangun
01655505-v\tind:lemma\tmendirikan
00253277-v\tind:lemma\tmenetak
01009240-v\tind:lemma\tmengatakan
01009240-v\tind:lemma\tkata
01009240-v\tind:lemma\tmengutarakan
09999999-n\tind:lemma\tutara
02547586-v\tind:lemma\tmembantu
02547586-v\tind:lemma\tbantuan
10467179-n\tind:lemma\tperdana menteri
10467179-n\tind:def\tkepala pemerintahan
02023107-v\tind:lemma\tbertemu
11094770-n\tind:lemma\tabraham lincoln
11094770-n\tind:lemma\tlincoln
11091650-n\tind:lemma\tyesus
08860123-n\tind:lemma\tlondon
01168468-v\tind:lemma\tmakan
09502945-n\tind:lemma\tate
04468005-n\tind:lemma\tkereta api
04468005-n\tind:lemma\tkereta
04468005-n\tind:lemma\tprime minister
11036140-n\tind:lemma\tzane grey
"""


def _wordnet(tmp_path: Path) -> tuple[Path, Path]:
    wn = tmp_path / "wordnet-3.0"
    wn.mkdir()
    (wn / "index.sense").write_text(INDEX_SENSE, encoding="utf-8")
    (wn / "data.noun").write_text(DATA_NOUN, encoding="utf-8")
    (wn / "verb.exc").write_text("met meet\nbuilt build\nate eat\n", encoding="utf-8")
    (wn / "noun.exc").write_text("", encoding="utf-8")
    (wn / "adj.exc").write_text("", encoding="utf-8")
    bahasa = tmp_path / "wn-data-ind.tab"
    bahasa.write_text(BAHASA, encoding="utf-8")
    return wn, bahasa


def test_frequent_senses_rank_first_and_rare_ones_are_dropped(tmp_path: Path) -> None:
    lex = build(*_wordnet(tmp_path), senses=3, translations=10)
    # the verb (123 tagged uses, and a second sense sharing "membangun") outranks the physique noun (2)
    assert lex["build"][0] == "bangun"
    assert "tubuh" in lex["build"]
    assert lex["build"].index("bangun") < lex["build"].index("tubuh")
    assert "tetak" not in lex["build"] and "menetak" not in lex["build"]  # sense 9 of 9: beyond --senses 3


def test_translations_are_capped(tmp_path: Path) -> None:
    lex = build(*_wordnet(tmp_path), senses=3, translations=1)
    assert lex["build"] == ["bangun"]


def test_a_stem_that_lands_on_another_word_keeps_the_whole_word(tmp_path: Path) -> None:
    lex = build(*_wordnet(tmp_path), senses=3, translations=10)
    assert "kata" in lex["say"]  # mengatakan -> kata, itself a translation of "say"
    assert "utara" not in lex["say"]  # mengutarakan would stem to "utara" (north)
    assert "mengutarakan" in lex["say"]


def test_translations_whose_stem_differs_carry_it(tmp_path: Path) -> None:
    """A translation kept whole (or one the stemmer takes further) is stored with its stem, which searching
    compares with the corpus's stems; one that is already its own stem is not listed."""
    lex = build(*_wordnet(tmp_path), senses=3, translations=10)
    assert lex["_stems"]["mengutarakan"] == "utara"
    assert "kata" not in lex["_stems"]


def test_the_shipped_stems_are_the_stemmers() -> None:
    """`translation_stem` reads the shipped list instead of running the stemmer: the same stems, for a sample
    of the lexicon's translations (the list is stale if the stemmer or the lexicon changed without a rebuild)."""
    import random

    from bot.text.tokens import lexicon, stem, translation_stem

    values = sorted({v for found in lexicon().values() for v in found})
    for v in random.Random(0).sample(values, 400):
        assert translation_stem(v) == stem(v), v


def test_irregular_forms_and_phrases(tmp_path: Path) -> None:
    lex = build(*_wordnet(tmp_path), senses=3, translations=10)
    assert lex["met"] == lex["meet"] == ["temu"]
    assert lex["built"] == lex["build"]
    assert lex["_phrases"] == {"prime minister": "perdana menteri"}  # definitions are not lemmas


def test_names_that_only_spell_themselves_are_left_out(tmp_path: Path) -> None:
    """Names come from the user's articles, not from the package: an entry whose only translation is the word
    itself, or a person's name whose forms only spell it again, says nothing; a real translation stays."""
    lex = build(*_wordnet(tmp_path), senses=3, translations=10)
    assert "london" not in lex and "lincoln" not in lex
    assert "abraham lincoln" not in lex["_phrases"]
    assert lex["jesus"] == ["yesus"]
    assert lex["ate"] == lex["eat"] == ["makan"]  # the goddess ("ate" -> "ate") gives way to the verb's past


def test_write_produces_the_file_the_package_reads(tmp_path: Path) -> None:
    wn, bahasa = _wordnet(tmp_path)
    out = tmp_path / "lexicon.json"
    counts = write(wn, bahasa, 3, 10, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert counts["words"] == sum(1 for k in data if not k.startswith("_")) > 0
    assert counts["phrases"] == 1
    assert "WordNet" in data["_doc"]


def test_the_shipped_lexicon_is_the_generated_one() -> None:
    """The package's lexicon carries the builder's provenance and no hand-added entry format."""
    from bot.text.tokens import LEXICON_PATH

    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    assert "build_lexicon.py" in data["_doc"]
    assert set(k for k in data if k.startswith("_")) == {
        "_doc",
        "_senses",
        "_translations",
        "_phrases",
        "_compounds",
        "_stems",
    }
    assert len(data) > 20_000  # a general dictionary, not a list for one corpus


def test_a_word_translated_by_several_words_becomes_a_compound(tmp_path: Path) -> None:
    lex = build(*_wordnet(tmp_path), senses=3, translations=10)
    compounds = lex["_compounds"]
    assert isinstance(compounds, dict)
    assert compounds["train"] == "kereta api" and lex["train"] == ["kereta"]  # the single word stays a word
    # "prime minister" is an English lemma copied into Wordnet Bahasa, not an Indonesian translation
    assert "grey" not in compounds  # "zane grey" only spells the word again inside a name
    assert "build" not in compounds  # single-word translations only
