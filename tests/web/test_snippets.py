"""Card context: whole sentences when they fit, whole words when not, never the headline twice or flagged text."""

from __future__ import annotations

from bot.web.snippets import body_floor, clear_of, snippet_bounds

TEXT = (
    "Jembatan Baru Dibuka\n\n"
    "Warga menunggu sejak pagi. Wali kota membuka jembatan itu pada Senin, kata juru bicara Dinas Pekerjaan Umum. "
    "Jembatan sepanjang 300 meter itu menghubungkan dua kecamatan. Biayanya mencapai 40 miliar rupiah."
)


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def test_whole_sentences_when_they_fit() -> None:
    s, e = _span(TEXT, "Wali kota membuka jembatan itu pada Senin")
    cut = snippet_bounds(TEXT, s, e, budget=120, floor=body_floor(TEXT, "Jembatan Baru Dibuka", s))
    shown = TEXT[cut.start : cut.end]
    assert shown.startswith("Warga menunggu") and shown.endswith("dua kecamatan.")
    assert not cut.clipped_before and not cut.clipped_after


def test_word_boundaries_when_a_sentence_is_too_long() -> None:
    s, e = _span(TEXT, "juru bicara")
    cut = snippet_bounds(TEXT, s, e, budget=12)
    assert cut.clipped_before and cut.clipped_after
    assert TEXT[cut.start - 1] == " " and TEXT[cut.end] == " "  # whole words at both ends
    assert TEXT[cut.start : cut.end] == "Senin, kata juru bicara Dinas"
    s, e = _span(TEXT, "membuka jembatan")  # a sentence start within reach is used
    cut = snippet_bounds(TEXT, s, e, budget=12)
    assert TEXT[cut.start : cut.end] == "Wali kota membuka jembatan itu pada"
    assert not cut.clipped_before and cut.clipped_after


def test_never_mid_word_for_any_budget() -> None:
    s, e = _span(TEXT, "jembatan itu pada Senin")
    for budget in range(0, 200, 3):
        cut = snippet_bounds(TEXT, s, e, budget=budget)
        assert cut.start <= s and cut.end >= e
        assert cut.start == 0 or not (TEXT[cut.start - 1].isalnum() and TEXT[cut.start].isalnum())
        assert cut.end == len(TEXT) or not (TEXT[cut.end - 1].isalnum() and TEXT[cut.end].isalnum())
        assert TEXT[cut.start : cut.end] == TEXT[cut.start : cut.end].strip()


def test_the_headline_is_left_to_the_card_title() -> None:
    s, e = _span(TEXT, "Warga menunggu sejak pagi.")
    floor = body_floor(TEXT, "Jembatan Baru Dibuka", s)
    cut = snippet_bounds(TEXT, s, e, floor=floor)
    assert TEXT[cut.start :].startswith("Warga") and not cut.clipped_before
    assert body_floor(TEXT, "Jembatan Baru Dibuka", 3) == 0  # a quote from the headline keeps it


def test_flagged_text_stays_out_of_the_context() -> None:
    s, e = _span(TEXT, "Jembatan sepanjang 300 meter")
    flagged = [_span(TEXT, "Wali kota membuka jembatan itu pada Senin, kata juru bicara Dinas Pekerjaan Umum.")]
    floor, ceiling = clear_of(flagged, s, e, 0, len(TEXT))
    cut = snippet_bounds(TEXT, s, e, floor=floor, ceiling=ceiling)
    assert "Wali kota" not in TEXT[cut.start : cut.end]
    assert TEXT[cut.start : cut.end].startswith("Jembatan sepanjang")


def test_quote_at_the_very_ends() -> None:
    s, e = _span(TEXT, "Biayanya mencapai 40 miliar rupiah.")
    cut = snippet_bounds(TEXT, s, e, budget=0)
    assert (cut.start, cut.end) == (s, e) and not cut.clipped_after
