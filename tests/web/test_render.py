"""Chat bubbles link their [n] markers to cards; a card shows its title once and names where it came from."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from bot.models import Answer, Citation, DocumentRecord
from bot.web.render import chat_markdown, sources_html

TITLE = "Jembatan Baru Dibuka"
TEXT = f"{TITLE}\n\nWarga menunggu sejak pagi. Wali kota membuka jembatan itu pada Senin. Biayanya 40 miliar rupiah."
DOC = DocumentRecord(doc_id="d1", text=TEXT, title=TITLE, outlet="Harian Kota", source="/tmp/gradio/9f/jembatan.txt")


def _service() -> Any:
    return SimpleNamespace(store=SimpleNamespace(get_document=lambda doc_id: DOC if doc_id == "d1" else None))


def _cite(quote: str, **kw: Any) -> Citation:
    start = TEXT.index(quote)
    return Citation(
        n=1,
        doc_id="d1",
        title=TITLE,
        outlet="Harian Kota",
        source=DOC.source,
        published="2024-05-01",
        quote=quote,
        char_start=start,
        char_end=start + len(quote),
        **kw,
    )


def test_markers_link_to_the_cards_of_their_answer() -> None:
    ans = Answer(query="q", status="answered", answer="Senin [1], not [7] <b>x</b>.", citations=[_cite("Senin")])
    md = chat_markdown(ans, turn=3)
    assert "[\\[1\\]](#fb-src-3-1)" in md and "[7]" in md and "#fb-src-3-7" not in md
    assert "<b>" not in md and "&lt;b&gt;" in md


def test_card_has_id_title_once_file_name_and_whole_sentences() -> None:
    ans = Answer(query="q", status="answered", answer="x [1]", citations=[_cite("membuka jembatan itu")])
    html = sources_html(_service(), ans, turn=2)
    assert "id='fb-src-2-1'" in html and "data-turn='2'" in html and "Sources for answer 3" in html
    assert html.count(TITLE) == 1
    assert "jembatan.txt" in html and "/tmp/gradio" not in html.replace("title='/tmp/gradio/9f/jembatan.txt'", "")
    context = html.split("class='fb-context'>")[1]
    assert context.startswith("Warga menunggu") and "…" not in context


def test_a_quote_from_the_headline_shows_the_headline_once() -> None:
    ans = Answer(query="q", status="answered", answer="x [1]", citations=[_cite("Jembatan Baru Dibuka")])
    html = sources_html(_service(), ans)
    assert html.count(TITLE) == 1 and f"<mark>{TITLE}</mark>" in html and "fb-title" not in html


def test_original_link_when_the_url_is_known() -> None:
    ans = Answer(
        query="q",
        status="answered",
        answer="x [1]",
        citations=[_cite("Senin", url="https://example.org/a?b=1&c='2'", page=4)],
    )
    html = sources_html(_service(), ans)
    assert "href='https://example.org/a?b=1&amp;c=&#x27;2&#x27;'" in html and "rel='noopener noreferrer'" in html
    assert "p. 4" in html
