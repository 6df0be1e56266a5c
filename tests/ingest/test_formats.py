"""HTML (through trafilatura) and Markdown scrapes become clean articles with metadata."""

from __future__ import annotations

from pathlib import Path

from bot.ingest.pipeline import build_document
from bot.settings import Settings

BODY = (
    "Presiden Rusia Vladimir Putin bertemu Kim Jong Un di Pyongyang pada Rabu untuk membahas kerja sama. "
    "Kedua pemimpin menandatangani perjanjian kemitraan strategis yang komprehensif, kata juru bicara Kremlin. "
    "Pertemuan itu berlangsung sekitar dua jam, lebih lama dari rencana semula satu jam."
)
HTML = f"""<!doctype html><html lang="id"><head><title>Putin Bertemu Kim di Pyongyang | Contoh News</title>
<meta property="og:title" content="Putin Bertemu Kim di Pyongyang">
<meta property="og:site_name" content="Contoh News">
<meta name="author" content="Budi Reporter">
<meta property="article:published_time" content="2024-06-19T10:00:00+07:00">
<link rel="canonical" href="https://news.example/putin-kim"></head>
<body><nav><a href="/">Beranda</a> <a href="/dunia">Dunia</a> Login Daftar</nav>
<article><h1>Putin Bertemu Kim di Pyongyang</h1><p>{BODY}</p>
<p>Analis menilai pertemuan ini sebagai sinyal bagi Washington. Hubungi redaksi di redaksi.pribadi@example.com.</p>
<script>alert('x')</script></article>
<aside><h3>Baca juga</h3><ul><li><a href="/a">Timnas Indonesia menang 3-0</a></li></ul></aside>
<footer>Copyright 2024 Contoh News. All rights reserved.</footer></body></html>"""


def test_html_article(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    doc, masked, _ = build_document(path, Settings(_env_file=None))  # type: ignore[call-arg]
    assert BODY.split(". ")[0] in doc.text
    assert "Timnas" not in doc.text and "alert(" not in doc.text and "Beranda" not in doc.text
    assert "redaksi.pribadi@example.com" not in doc.text and masked == 1
    assert doc.title == "Putin Bertemu Kim di Pyongyang"
    assert doc.published == "2024-06-19"
    assert doc.outlet == "Contoh News"
    assert doc.url == "https://news.example/putin-kim"


def test_markdown_article(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"# Putin Bertemu Kim di Pyongyang\n\n**{BODY}** [Sumber](https://x.example)\n", encoding="utf-8")
    doc, _, _ = build_document(path, Settings(_env_file=None))  # type: ignore[call-arg]
    assert doc.title == "Putin Bertemu Kim di Pyongyang"
    assert "**" not in doc.text and "](" not in doc.text and BODY in doc.text
