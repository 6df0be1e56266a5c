"""Soft alignment and the corpus vocabulary: word forms, stems, CLDR names, one-letter variants."""

from __future__ import annotations

from bot.evidence.align import align, word_in
from bot.evidence.vocab import CorpusVocab


def test_word_forms_align() -> None:
    assert word_in("accelerating", "accelerated sea-level rise was detected")
    assert word_in("didampingi", "Menteri itu mendampingi presiden")
    assert not word_in("veto", "The council voted in March.")


def test_alignment_reports_what_is_missing() -> None:
    al = align("Which bridge did the engineers close?", "Engineers closed the old bridge on Monday.")
    assert al.coverage == 1.0
    al = align("Which bridge did the engineers paint?", "Engineers closed the old bridge on Monday.")
    assert al.missing == ["paint"] and 0 < al.coverage < 1


def test_vocab_knows_names_across_languages_and_spellings() -> None:
    vocab = CorpusVocab.from_text("Pada bulan Maret, delegasi Jerman tiba di Moskow pada hari Selasa.")
    assert vocab.has_word("Germany")  # CLDR: Germany / Jerman
    assert vocab.has_word("March") and vocab.has_word("Tuesday")
    assert vocab.has_word("Moscow")  # one letter changed
    assert not vocab.has_word("Nairobi")
    assert vocab.has_name("Menteri Jerman") and not vocab.has_name("Presiden Kenya")


def test_vocab_fuzzy_match_is_one_edit_keeping_the_first_letter() -> None:
    vocab = CorpusVocab.from_text("garis parti wilayah selatan amerika serikat")
    assert not vocab.has_name("Paris")  # garis: first letter differs; parti: two edits
    assert not vocab.has_name("Presiden Prancis")  # "selatan" of "Wilayah Selatan Prancis" is not France
    assert vocab.has_name("Partai") and vocab.has_name("United States")


def test_an_indonesian_word_is_not_read_as_its_english_homograph() -> None:
    """ "air" (water) in an Indonesian question must not align with "udara" (the English word's translation)."""
    assert align("clean air", "udara bersih").coverage == 1.0
    assert "air" in align("air bersih di kota", "udara bersih di kota").missing


def test_the_unit_a_question_asks_in_is_not_a_word_the_sentence_lacks() -> None:
    # "tahun berapa" asks for a year: the sentence gives "2017", not the word "tahun"
    al = align("Tahun berapakah film itu dirilis?", "Film ini dirilis di Amerika Serikat pada 20 Desember 2017.")
    assert al.missing == [] and al.coverage == 1.0
    assert "year" not in align("In what year was the bridge opened?", "The bridge opened in 1932.").missing
    assert "long" not in align("How long did the strike last?", "The strike lasted six weeks.").missing
    # "berapa tahun" (how many years) keeps "tahun": the answer is a count of them
    assert "tahun" in align("Berapa tahun masa jabatannya?", "Masa jabatannya lima periode.").missing


def test_an_english_word_matches_its_indonesian_compound_only_whole() -> None:
    from bot.evidence.align import compound_in

    assert word_in("train", "Kereta api pertama setelah pandemi membawa kuda.")
    assert word_in("hospital", "Korban dibawa ke rumah sakit terdekat.")
    assert not compound_in("hospital", "Rumah itu milik warga yang sakit.")  # both words, not the phrase
    assert align("The train carried horses.", "Kereta api itu membawa kuda.").coverage == 1.0


def test_english_prepositions_meet_their_indonesian_forms() -> None:
    """WordNet has no prepositions; the Indonesian pack gives them ("after" / "setelah")."""
    assert word_in("after", "Sekolah dibuka kembali setelah banjir surut.")
    assert word_in("during", "Jalan ditutup selama dua hari.")
    assert not word_in("after", "Sekolah dibuka kembali sebelum banjir surut.")
    assert "after" in align("The school reopened after the flood.", "Sekolah dibuka kembali setelah banjir.").aligned


def test_language_names_and_honorifics_meet_their_indonesian_forms() -> None:
    """CLDR's language names ("Japanese" / "Jepang") and the pack's honorifics ("Mr" / "Pak")."""
    assert word_in("Japanese", "Dia belajar bahasa Jepang setiap pagi.")
    assert word_in("Ukrainian", "Tentara Ukraina bertahan di kota itu.")
    assert word_in("Mr", "Pak Tanaka bukan murid.")
    assert not word_in("Japanese", "Dia belajar bahasa Prancis setiap pagi.")


def test_a_text_of_pieces_says_a_word_when_one_piece_does() -> None:
    """A candidate's context is looked up piece by piece (its title and the sentences before it), each piece's
    answer remembered: asking again, or asking of a tuple holding that piece, gives the same answer."""
    title, before = "Pertemuan di Ibu Kota", "Presiden didampingi dua menteri."
    assert word_in("accompanied", (title, before))  # "didampingi" by the lexicon, in the second piece
    assert word_in("accompanied", (title, before))
    assert not word_in("accompanied", (title,))
    assert word_in("menteri", (title, before), translate=False)
    assert not word_in("gubernur", (title, before))
    assert word_in("UN", ("Sidang PBB dimulai.",)) and not word_in("UN", ("Sidang dimulai.",))
    assert word_in("Susanto", "Kata Susantonya tadi.", normalise=False)  # as written: the prefix rule still meets it
