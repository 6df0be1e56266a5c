"""The chat page in a real headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pdf_support import make_pdf  # type: ignore[import-not-found]
from tests_support import make_settings, service_with_article  # type: ignore[import-not-found]

from bot.components.embeddings import FakeEmbeddings
from bot.service import FactService

from .conftest import run_server

pytestmark = [pytest.mark.browser, pytest.mark.integration]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
XSS_ARTICLE = """Uji Keamanan Halaman Redaksi Tentang Satelit

Artikel ini memuat kode <script>window.__pwned = 1</script> dan gambar <img src=x onerror="window.__pwned = 2"> yang
tidak boleh dijalankan oleh peramban mana pun, kata Budi Santoso, redaktur keamanan, kepada wartawan di Jakarta.
Redaksi menguji apakah teks artikel selalu ditampilkan sebagai teks biasa dan tidak pernah sebagai kode halaman.
"""


def _launch(p):  # type: ignore[no-untyped-def]
    return p.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = _launch(p)
        yield b
        b.close()


def _ask(page, text: str, mode: str = "Question") -> None:  # type: ignore[no-untyped-def]
    page.get_by_label(mode, exact=True).check()
    page.locator("#fb-input textarea").fill(text)
    page.locator("#fb-send").click()


def test_headline_question_and_claim(browser, web_base: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(web_base, wait_until="domcontentloaded")
    page.locator("#fb-input textarea").wait_for(timeout=60_000)
    _ask(page, "who said Russia will help build satellites?")
    bot = page.locator("#fb-chat .message-row").last
    bot.get_by_text("Putin", exact=False).first.wait_for(timeout=30_000)
    sources = page.locator("#fb-sources")
    sources.locator("mark").first.wait_for(timeout=30_000)
    assert "Putin mengatakan Rusia akan membantu Korea Utara membangun satelit" in sources.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "page-question.png"), full_page=True)

    _ask(page, "when was that said?")  # a follow-up: read against the previous turn, and shown as read
    follow = page.locator("#fb-chat .message-row").last
    follow.get_by_text("read as", exact=False).first.wait_for(timeout=30_000)
    assert "satellite" in follow.inner_text().lower() and "no searchable content" not in follow.inner_text()

    _ask(page, "Putin waited 45 minutes for Kim", mode="Claim")
    page.locator("#fb-chat").get_by_text("REFUTED").first.wait_for(timeout=30_000)
    page.locator("#fb-sources .fb-badge").get_by_text("refuted").wait_for(timeout=30_000)
    assert "30 menit" in page.locator("#fb-sources").inner_text()
    page.screenshot(path=str(ARTIFACTS / "page-claim.png"), full_page=True)
    page.close()


def _top(page, selector: str) -> float:  # type: ignore[no-untyped-def]
    return float(page.locator(selector).first.bounding_box()["y"])


def _bottom(page, selector: str) -> float:  # type: ignore[no-untyped-def]
    box = page.locator(selector).first.bounding_box()
    return float(box["y"] + box["height"])


def test_marker_selects_its_card_and_the_followed_answer_is_marked(browser, web_base: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.goto(web_base, wait_until="domcontentloaded")
    page.locator("#fb-input textarea").wait_for(timeout=60_000)
    _ask(page, "who said Russia will help build satellites?")
    page.locator("#fb-src-0-1").wait_for(timeout=30_000)
    _ask(page, "Berapa lama Putin menunggu Kim?")
    page.locator("#fb-src-1-1").wait_for(timeout=30_000)
    rows = page.locator("#fb-chat .bot-row")
    page.wait_for_function("document.querySelectorAll('#fb-chat .bot-row.fb-current').length === 1")
    assert "fb-current" in (rows.nth(1).get_attribute("class") or "")  # the panel follows the newest answer

    rows.nth(0).locator("a[href='#fb-src-0-1']").click()  # [1] of the first answer
    card = page.locator("#fb-src-0-1")
    page.wait_for_function("document.querySelector('#fb-src-0-1.fb-selected') !== null", timeout=15_000)
    assert page.locator("#fb-sources .fb-sources").get_attribute("data-turn") == "0"
    assert "fb-current" in (rows.nth(0).get_attribute("class") or "")
    assert "fb-current" not in (rows.nth(1).get_attribute("class") or "")
    meta = card.locator(".fb-meta").inner_text()
    assert "Tempo" in meta and "2023-09-1" in meta and "/" not in meta  # outlet, date, a file name not a path
    title = card.locator(".fb-title").inner_text()
    assert title and card.inner_text().count(title) == 1
    context = card.locator(".fb-context").inner_text()
    assert context[0].isupper() or context[0] in "“\"'…"  # starts at a sentence or marks its cut
    page.wait_for_function(
        "(() => { const r = document.querySelector('#fb-src-0-1').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; })()"
    )

    with page.expect_download() as got:
        page.locator("#fb-export").click()
    notes = Path(got.value.path()).read_text(encoding="utf-8")
    assert notes.startswith("# factbot fact-check notes")
    assert "## 1. Question: who said Russia will help build satellites?" in notes and "## 2. Question" in notes
    assert (
        "Putin mengatakan Rusia akan membantu Korea Utara membangun satelit" in notes and "— Tempo, 2023-09-1" in notes
    )
    page.screenshot(path=str(ARTIFACTS / "page-selected.png"), full_page=True)
    page.close()


def test_narrow_screen(browser, web_base: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(web_base, wait_until="domcontentloaded")
    page.locator("#fb-input textarea").wait_for(timeout=60_000)
    _ask(page, "Berapa lama Putin menunggu Kim?")
    page.locator("#fb-sources mark").first.wait_for(timeout=30_000)
    assert "30 menit" in page.locator("#fb-sources").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 420  # no sideways scrolling
    # the sources come right after the chat holding the answer, before the input and the examples
    assert _bottom(page, "#fb-chat") <= _top(page, "#fb-sources") + 1
    assert _bottom(page, "#fb-sources") <= min(_top(page, "#fb-input"), _top(page, "#fb-examples"))
    # the chat's toolbar does not cover the first message
    first = page.locator("#fb-chat .message-row").first.bounding_box()
    for button in page.locator("#fb-chat button[aria-label]").all():
        box = button.bounding_box()
        if box and box["y"] < first["y"] + 20:
            assert box["y"] + box["height"] <= first["y"] + 1
    # on a phone, [1] scrolls the page down to its card
    page.locator("#fb-chat a[href='#fb-src-0-1']").click()
    page.wait_for_function(
        "(() => { const c = document.querySelector('#fb-src-0-1.fb-selected'); if (!c) return false;"
        " const r = c.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })()",
        timeout=15_000,
    )
    page.screenshot(path=str(ARTIFACTS / "page-mobile.png"), full_page=True)
    page.close()


@pytest.fixture(scope="module")
def xss_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base, server, thread = run_server(service_with_article(tmp_path_factory.mktemp("xss"), "xss.txt", XSS_ARTICLE))
    yield base
    server.should_exit = True
    thread.join(timeout=10)


def test_article_html_never_executes(browser, xss_base: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(xss_base, wait_until="domcontentloaded")
    page.locator("#fb-input textarea").wait_for(timeout=60_000)
    _ask(page, "Siapa redaktur keamanan yang menguji kode di artikel redaksi?")
    page.locator("#fb-sources mark").first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    text = page.locator("#fb-sources").inner_text() + page.locator("#fb-chat").inner_text()
    assert "Budi Santoso" in text
    assert page.locator("#fb-sources img").count() == 0 and page.locator("#fb-sources script").count() == 0
    page.screenshot(path=str(ARTIFACTS / "page-xss.png"), full_page=True)
    page.close()


@pytest.fixture
def docs_service(tmp_path: Path) -> FactService:
    """An empty store with the fake embedder: the Documents tab needs no answers, only storage."""
    return FactService(make_settings(tmp_path / "store", embedder="fake"), embeddings=FakeEmbeddings())


PDF_PAGES = [
    [
        "Pelabuhan Baru Dibuka untuk Nelayan Pesisir",
        "Jakarta, 12 Maret 2024 - Menteri Kelautan Rina Santoso mengatakan pelabuhan baru akan",
        "melayani 4.000 nelayan setiap bulan mulai April 2024.",
        "Menurut Rina, pembangunan pelabuhan menelan biaya Rp 120 miliar dari anggaran negara.",
    ],
    ["Direktur Jenderal Budi Hartono menambahkan bahwa dermaga kedua akan selesai pada akhir tahun 2025."],
]


def _open_add_articles(browser, base: str):  # type: ignore[no-untyped-def]
    """A page on the (empty) Documents tab with "Add articles" open."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base, wait_until="domcontentloaded")
    page.get_by_role("tab", name="Documents").click()
    page.locator("#fb-doc-status").get_by_text("0 document(s)").wait_for(timeout=30_000)
    page.get_by_text("Add articles").click()
    return page


def test_documents_panel_uploads_lists_previews_and_deletes(browser, docs_service: FactService, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "rilis-pelabuhan.pdf"
    pdf.write_bytes(make_pdf(PDF_PAGES))
    base, server, thread = run_server(docs_service)
    try:
        page = _open_add_articles(browser, base)
        page.locator("#fb-files input[type=file]").set_input_files(str(pdf))
        page.locator("#fb-ingest").click()
        page.locator("#fb-ingest-log").get_by_text("Ingested 1 new").wait_for(timeout=60_000)
        table = page.locator("#fb-doc-table")
        named = table.get_by_text("rilis-pelabuhan.pdf").filter(visible=True).first  # the upload's own name
        named.wait_for(timeout=30_000)
        assert "/tmp" not in table.inner_text() and "gradio" not in table.inner_text()
        [doc] = docs_service.documents()
        assert doc.source == "rilis-pelabuhan.pdf" and doc.pages == 2

        page.locator("#fb-doc-search input, #fb-doc-search textarea").first.fill("no such outlet")
        page.locator("#fb-doc-find").click()
        page.locator("#fb-doc-status").get_by_text("0 document(s) match").wait_for(timeout=30_000)
        page.locator("#fb-doc-search input, #fb-doc-search textarea").first.fill("pelabuhan")
        page.locator("#fb-doc-find").click()
        page.locator("#fb-doc-status").get_by_text("1 document(s) match").wait_for(timeout=30_000)

        named.click()
        preview = page.locator("#fb-doc-preview")
        preview.get_by_text("dermaga kedua", exact=False).wait_for(timeout=30_000)
        assert "2 pages" in preview.inner_text() and "Rina Santoso" in preview.inner_text()
        page.screenshot(path=str(ARTIFACTS / "page-documents.png"), full_page=True)

        page.locator("#fb-doc-delete").click()
        page.locator("#fb-doc-status").get_by_text("Delete “Pelabuhan Baru").wait_for(timeout=10_000)
        page.locator("#fb-doc-cancel").click()  # asked, then not done
        page.locator("#fb-doc-delete").click()
        page.locator("#fb-doc-confirm").click()
        page.locator("#fb-doc-status").get_by_text("Deleted").wait_for(timeout=30_000)
        assert docs_service.documents() == [] and docs_service.stats()["chunks"] == 0
        assert "rilis-pelabuhan.pdf" not in table.inner_text()
        page.locator("#fb-stats").get_by_text("0 documents").wait_for(timeout=10_000)
        page.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


LINKED = b"""<!doctype html><html><head><meta charset="utf-8"><title>Ferry service resumes</title>
<meta property="og:site_name" content="Island Post"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Ferry service resumes</h1><p>The ferry operator said on Friday that crossings to the island would
resume on Sunday after the storm damage to the jetty was repaired.</p><p>About 400 residents had been cut off
for a week, the island's council said.</p></article></body></html>"""


@pytest.fixture
def article_site() -> Iterator[str]:
    """A local web server with one article, as a newsroom would paste a link to it."""
    from http_support import QuietHandler, local_server

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            code, body = (200, LINKED) if self.path == "/ferry.html" else (404, b"not found")
            self.send_body(code, "text/html; charset=utf-8", body)

    with local_server(Handler) as base:
        yield base


def test_documents_panel_fetches_pasted_links(browser, docs_service: FactService, article_site: str) -> None:  # type: ignore[no-untyped-def]
    base, server, thread = run_server(docs_service)
    try:
        page = _open_add_articles(browser, base)
        page.locator("#fb-fetch").click()  # nothing pasted: told what to do, nothing stored
        page.locator("#fb-ingest-log").get_by_text("Paste http(s) article links").wait_for(timeout=30_000)
        links = f"{article_site}/ferry.html\n{article_site}/gone.html\nnot-a-link"
        page.locator("#fb-urls textarea").fill(links)
        page.locator("#fb-fetch").click()
        log = page.locator("#fb-ingest-log")
        log.get_by_text("Ingested 1 new").wait_for(timeout=60_000)
        assert "gone.html" in log.inner_text() and "not-a-link" in log.inner_text()  # each failure named
        page.locator("#fb-doc-table").get_by_text("Ferry service resumes").filter(visible=True).first.wait_for(
            timeout=30_000
        )
        [doc] = docs_service.documents()
        assert doc.outlet == "Island Post" and doc.source == f"{article_site}/ferry.html"
        page.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
