from __future__ import annotations

from bot.text.lang import detect_lang
from bot.text.sentences import split_sentences
from bot.text.tokens import content_terms, expand_terms, phrases_in, search_groups, translate_phrases, translates


def test_sentences_keep_offsets_and_closing_quotes() -> None:
    text = "“Ini penting,” kata Lankov. Dr. Kim datang pada 13 Sep. 2023? Ya!\n\nParagraf baru tanpa titik"
    spans = split_sentences(text)
    sents = [text[s:e] for s, e in spans]
    assert sents[0] == "“Ini penting,” kata Lankov."
    assert "Dr. Kim" in sents[1]
    assert sents[-1] == "Paragraf baru tanpa titik"


def test_terms_meet_across_languages() -> None:
    en = expand_terms(content_terms("who said Russia will help build satellites?"))
    idn = set(content_terms("Putin mengatakan Rusia akan membantu Korea Utara membangun satelit"))
    assert all(group & idn for group in en)


def test_english_inflections_reach_the_lexicon() -> None:
    (group,) = expand_terms(["accompanied"])
    assert "damping" in group


def test_phrases_are_translated() -> None:
    assert "perdana menteri" in translate_phrases("What did the Prime Minister say?")


def test_a_phrase_adds_nothing_the_words_already_say() -> None:
    """"North Korea" already reaches "korea" and "utara" word by word: appending "korea utara" again would
    make those words outweigh the rest of the question."""
    assert translate_phrases("Who said Russia will help North Korea build satellites?").endswith("satellites?")


def test_phrases_are_found_by_their_words() -> None:
    found = dict(phrases_in("Then the prime   minister spoke"))
    assert "perdana menteri" in found["prime minister"]
    assert "prime minister" not in dict(phrases_in("a prime number and a minister"))


def test_search_keeps_the_likeliest_translations() -> None:
    (every,) = expand_terms(["help"])
    (few,) = expand_terms(["help"], limit=2)
    assert "bantu" in few and few < every
    assert len(few) <= 3  # the word itself and two translations


def test_language_detection() -> None:
    assert detect_lang("Siapa yang mengatakan Rusia akan membantu?") == "id"
    assert detect_lang("Who said Russia will help build satellites?") == "en"
    # a short question: its opening question word decides, particle or not
    assert detect_lang("Kapan Sense and Sensibility dirilis?") == "id"
    assert detect_lang("Dimana kantor pusat General Motors?") == "id"
    assert detect_lang("Siapakah R.L. Stine?") == "id"
    assert detect_lang("What is Bank Indonesia?") == "en"


def test_only_english_text_goes_through_the_lexicon() -> None:
    """ "air" is water in Indonesian: an Indonesian question must not search for "udara" (English air)."""
    english = {v for g in search_groups("How clean is the air in the capital?", 2) for v in g}
    indonesian = {v for g in search_groups("Seberapa bersih air di ibu kota?", 2) for v in g}
    assert "udara" in english
    assert "udara" not in indonesian and "air" in indonesian
    assert not translates("Seberapa bersih air di ibu kota?") and translates("How clean is the air?")
