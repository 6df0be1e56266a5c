"""Speaker attribution patterns (bot/evidence/speakers.py), sentence by sentence, no store."""

from __future__ import annotations

from bot.evidence.speakers import attributions, closing_speaker, full_name, resolve_previous


def test_speaker_patterns() -> None:
    assert [
        a.speaker for a in attributions("dan Putin mengatakan Rusia akan membantu Korea Utara membangun satelit.")
    ] == ["Putin"]
    assert (
        attributions("Jika begitu, tidak perlu bertemu, kata Leif-Eric Easley, profesor di Seoul.")[0].speaker
        == "Leif-Eric Easley"
    )
    assert attributions("Menurut Yoo, Kim memegang kendali.")[0].speaker == "Yoo"
    assert attributions("“Ini preseden penting,” kata Lankov.")[0].speaker == "Lankov"


def test_katanya_resolves_to_the_previous_speaker() -> None:
    doc = "Sesuatu terjadi, kata Mason Richey, seorang profesor. “Sulit dibayangkan,” katanya."
    assert resolve_previous(doc, doc.index("“Sulit")) == "Mason Richey"


def test_quote_closed_later_in_paragraph() -> None:
    doc = "“Korea Utara menyediakan amunisi.” Iran juga, kata Blinken kepada wartawan.\n\nLain."
    assert closing_speaker(doc, doc.index(" Iran")) == "Blinken"


def test_full_name_from_article() -> None:
    assert full_name("Putin", "Presiden Rusia Vladimir Putin datang. Putin berkata.") == "Vladimir Putin"
