"""The Markdown a fact-checker pastes into a story file: every [n] keeps its quote, outlet, date and link."""

from __future__ import annotations

from datetime import datetime

from bot.models import Answer, Citation
from bot.web.export import citation_line, conversation_markdown, export_filename, md_escape

WHEN = datetime(2024, 5, 6, 7, 8, 9)


def _cite(**kw: object) -> Citation:
    base: dict[str, object] = {
        "n": 1,
        "doc_id": "abc",
        "title": "Jembatan Baru Dibuka",
        "outlet": "Harian Kota",
        "source": "/tmp/gradio/123/jembatan.txt",
        "published": "2024-05-01",
        "quote": "Wali kota membuka jembatan itu pada Senin",
        "char_start": 0,
        "char_end": 41,
    }
    base.update(kw)
    return Citation.model_validate(base)


def test_citation_line_has_quote_outlet_date_title_and_link() -> None:
    line = citation_line(_cite(url="https://example.org/jembatan"))
    assert line == (
        "[1] “Wali kota membuka jembatan itu pada Senin” — Harian Kota, 2024-05-01. *Jembatan Baru Dibuka*. "
        "<https://example.org/jembatan>"
    )


def test_without_a_url_the_file_name_is_named_not_the_server_path() -> None:
    line = citation_line(_cite(page=3))
    assert "p. 3" in line and line.endswith("Source: `jembatan.txt`") and "/tmp" not in line


def test_article_text_cannot_become_markdown() -> None:
    line = citation_line(_cite(quote="[click](javascript:alert(1)) # *bold* <b>x</b>", url="javascript:alert(1)"))
    assert "](" not in line.replace("\\](", "") and "<b>" not in line and "javascript:alert(1)>" not in line
    assert md_escape("a_b *c*") == "a\\_b \\*c\\*"


def test_conversation_keeps_order_markers_verdicts_and_follow_up_reading() -> None:
    q = Answer(query="Kapan jembatan dibuka?", status="answered", answer="Pada Senin [1].", citations=[_cite()])
    c = Answer(
        query="Jembatan dibuka Selasa",
        kind="claim",
        status="answered",
        verdict="refuted",
        answer="Refuted: the article says Senin [1].",
        citations=[_cite()],
        warnings=["sources disagree"],
    )
    f = Answer(
        query="siapa yang membukanya?",
        status="not_found",
        answer="Not in the sources.",
        resolved_query="siapa yang membuka jembatan?",
    )
    md = conversation_markdown([q, c, f], when=WHEN)
    assert md.startswith("# factbot fact-check notes (2024-05-06 07:08)")
    assert md.index("## 1. Question: Kapan") < md.index("## 2. Claim: Jembatan") < md.index("## 3. Question")
    assert "Pada Senin [1]." in md and "**Verdict: REFUTED**" in md and "> ⚠️ sources disagree" in md
    assert "*Read as:* siapa yang membuka jembatan?" in md and "**Not in the sources.**" in md
    assert md.count("- [1] “Wali kota membuka jembatan itu pada Senin”") == 2


def test_empty_conversation_and_file_name() -> None:
    assert "No questions asked yet" in conversation_markdown([], when=WHEN)
    assert export_filename(WHEN) == "factbot-notes-20240506-070809.md"
