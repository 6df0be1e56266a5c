"""Typed slots: what could answer who / when / where / how many, in English and Indonesian."""

from __future__ import annotations

from bot.evidence.slots import answer_slots, asked_noun, dates, names, noun_slots, numbers, wanted_kinds


def test_dates_in_both_languages() -> None:
    got = [s.text for s in dates("Pertemuan berlangsung 14 Maret 2021 pukul 10.00 WIB, lalu lagi pada Selasa.")]
    assert "14 Maret 2021" in got and "pukul 10.00 WIB" in got and "Selasa" in got
    got = [s.text for s in dates("The council met on March 3, 1999 and again last week.")]
    assert "March 3, 1999" in got and "last week" in got
    # a month and its year are not a month and a day: "November 2013" is not "November 20"
    assert [s.text for s in dates("In November 2013 the estate settled.")] == ["November 2013"]
    assert [s.text for s in dates("Pada Maret 2023 dan June 3rd.")] == ["Maret 2023", "June 3rd"]
    # centuries, millennia and years before the era answer "when" too
    assert [s.text for s in dates("Musik itu muncul pada abad ke-17an, kota itu pada milenium ke-3 SM.")] == [
        "abad ke-17an",
        "milenium ke-3 SM",
    ]
    assert [s.text for s in dates("Built in the 18th century, walls from 500 BC.")] == ["18th century", "500 BC"]


def test_numbers_exclude_the_parts_of_a_date() -> None:
    got = [s.text for s in numbers("On 12 June 2020 some 25 ribu people and 3.5 percent voted.")]
    assert "12" not in got and "2020" not in got
    assert "25" in got and "ribu" in got and "3.5 percent" in got


def test_names_drop_titles_and_country_words_before_a_person() -> None:
    text = "Gubernur Jawa Tengah Ganjar Pranowo bertemu Rep. Jim Jordan dan John F. Kennedy di Kanada."
    got = {(s.kind, s.text) for s in names(text)}
    assert ("person", "Jim Jordan") in got
    assert ("person", "John F. Kennedy") in got
    assert ("place", "Kanada") in got
    assert not any(s.text.startswith(("Rep", "Gubernur")) for s in names(text))


def test_a_lone_capitalised_word_opening_a_sentence_is_no_name() -> None:
    text = "Sekitar seratus warga hadir. Meanwhile the mayor left."
    assert not names(text)


def test_answer_slots_must_add_something_the_question_lacks() -> None:
    question = "On which exact day in March did the council vote?"
    assert not answer_slots("The council voted in March.", "when", question)
    assert [s.text for s in answer_slots("The council voted on March 3.", "when", question)] == ["March 3"]


def test_untyped_questions_take_any_sentence() -> None:
    assert wanted_kinds("what") == () and wanted_kinds("why") == ()
    assert "date" in wanted_kinds("when") and "number" in wanted_kinds("how_many")


def test_a_headline_in_title_case_yields_no_name_runs() -> None:
    assert names("Wali Kota Sambut Menteri di Bandung, Apa Tujuan Kunjungan Ini?") == []
    assert {s.text for s in names("He met North Korean leader Kim in South Korea.")} >= {"Kim", "South Korea"}


def test_a_name_the_question_already_gives_is_no_answer() -> None:
    text = "Presiden Amerika Joe Biden dan pemimpin Korea Selatan Yoon Suk Yeol bertemu di Seoul."
    got = [s.text for s in answer_slots(text, "who", "Who met Biden in Seoul?")]
    assert got == ["Yoon Suk Yeol"]


def test_a_name_run_that_opens_with_the_question_s_words_answers_with_the_rest() -> None:
    text = "Demikian dikemukakan Dirjen Geologi dan Sumber Daya Mineral Departemen ESDM Simon Sembiring, Rabu (19/10)."
    got = answer_slots(text, "who", "Siapa nama Dirjen Geologi dan Sumber Daya Mineral Departemen ESDM?")
    assert [(s.kind, s.text) for s in got] == [("person", "Simon Sembiring")]
    assert text[got[0].start : got[0].end] == "Simon Sembiring"
    got = answer_slots(
        "Menteri Luar Negeri Finlandia Erkki Tuomioja tiba.", "who", "Siapa Menteri Luar Negeri Finlandia?"
    )
    assert [s.text for s in got] == ["Erkki Tuomioja"]
    # a run the question says in full is no answer at all
    assert answer_slots("Presiden Otoritas Palestina tiba.", "who", "Siapakah Presiden Otoritas Palestina?") == []


def test_the_noun_a_question_names_its_answer_by_is_no_echo() -> None:
    assert asked_noun("Di universitas manakah dia mengajar?") == "universitas"
    assert asked_noun("Which city hosted the summit?") == "city"
    assert asked_noun("What did the mayor say?") is None and asked_noun("Siapa yang menang?") is None
    text = "Kata Leif Easley, profesor di Universitas Ewha di Seoul."
    got = [(s.kind, s.text) for s in answer_slots(text, "where", "Di universitas mana Leif Easley menjadi profesor?")]
    assert ("org", "Universitas Ewha") in got


def test_a_what_x_question_is_answered_by_the_name_that_holds_x() -> None:
    text = "Sejak 1990 ia menjabat Wakil Ketua Partai Rakyat Maju (PRM) yang berkuasa, kata Rina Sari."
    assert [s.text for s in noun_slots(text, "Apa nama partai yang dipimpin Budi Santoso?")] == ["Partai Rakyat Maju"]
    assert [
        s.text for s in noun_slots("The final was held at Riverside Stadium.", "Which stadium hosted the final?")
    ] == ["Riverside Stadium"]
    assert noun_slots(text, "Apa yang dikatakan Rina Sari?") == []  # no noun asked by
    assert noun_slots("Partai Rakyat Maju menang.", "Apa nama Partai Rakyat Maju?") == []  # the question's own name
