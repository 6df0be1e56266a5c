"""The chat page in a real headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests_support import service_with_article  # type: ignore[import-not-found]

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

    _ask(page, "Putin and Kim met at the Vostochny Cosmodrome in 2022", mode="Claim")
    page.locator("#fb-chat").get_by_text("REFUTED").first.wait_for(timeout=30_000)
    page.locator("#fb-sources .fb-badge").get_by_text("refuted").wait_for(timeout=30_000)
    assert "2023" in page.locator("#fb-sources").inner_text()
    page.screenshot(path=str(ARTIFACTS / "page-claim.png"), full_page=True)
    page.close()


def test_narrow_screen(browser, web_base: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(web_base, wait_until="domcontentloaded")
    page.locator("#fb-input textarea").wait_for(timeout=60_000)
    _ask(page, "Berapa lama Putin menunggu Kim?")
    page.locator("#fb-sources mark").first.wait_for(timeout=30_000)
    assert "30 menit" in page.locator("#fb-sources").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 420  # no sideways scrolling
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
