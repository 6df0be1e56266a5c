"""Articles by URL: `factbot ingest https://…` and the page's URL box fetch the page and clean it.

The fetched page goes through the same readers as a file: HTML through bot/ingest/loaders.py (hidden
elements pruned, then trafilatura finds the article and its metadata), PDF through bot/ingest/pdf.py,
plain text as text; every hostile-article rule applies after that in the pipeline. The document's
`source` is the URL as given; its `url` (the link a citation shows, and the host that can name the
outlet) is the address actually fetched after redirects, never a canonical link the page claims.

Limits: http and https only, a connect/read timeout and an overall deadline (FACTBOT_FETCH_TIMEOUT),
at most FACTBOT_MAX_FILE_BYTES read (checked while reading, not only from Content-Length), five
redirects. Every failure is a BadInput with one line saying what went wrong.
"""

from __future__ import annotations

import logging
import time
from typing import TypeGuard
from urllib.parse import urlsplit

import httpx

from bot.errors import BadInput
from bot.ingest.loaders import _CONTROL, RawDoc, _decode, _from_html
from bot.ingest.visible import strip_invisible
from bot.logs import where
from bot.settings import Settings

USER_AGENT = "factbot/0.1 (fact-check ingest; +https://github.com/)"
MAX_REDIRECTS = 5
_HTML = ("text/html", "application/xhtml+xml")
_TEXT = ("text/plain", "text/markdown")
log = logging.getLogger(__name__)


def is_url(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://"))


def fetch_url(url: str, settings: Settings) -> RawDoc:
    """Fetch and read one article; raises BadInput with the reason it cannot be one."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadInput(f"not an http(s) URL: {url!r}")
    log.info("fetching %s", where(url))
    started = time.monotonic()
    # a failure raises BadInput, which the caller logs as the reason the URL was refused
    data, final_url, ctype, charset = _get(url, settings.fetch_timeout, settings.max_file_bytes)
    log.info(
        "fetched %s: %d bytes, %s, %.0f ms%s",
        where(url),
        len(data),
        ctype or "no content type",
        (time.monotonic() - started) * 1000,
        f", redirected to {where(final_url)}" if final_url != url else "",
    )
    if not data:
        raise BadInput("the page is empty")
    if ctype == "application/pdf" or data.lstrip()[:5].startswith(b"%PDF"):
        from bot.ingest.pdf import read_pdf

        pdf = read_pdf(data, url)
        pdf.meta["url"] = final_url
        return pdf
    if ctype and ctype not in _HTML and ctype not in _TEXT:
        raise BadInput(f"unsupported content type {ctype}: give an HTML page, a PDF or plain text")
    text, warnings = _text(data, charset)
    text, invisible = strip_invisible(text)
    if invisible:
        warnings.append(f"removed {invisible} invisible character(s) (zero-width or bidi controls)")
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > len(sample) // 100:
        raise BadInput("binary junk (control characters), not text")
    kind = "text" if ctype in _TEXT else "html"
    meta: dict[str, str] = {}
    if kind == "html":
        text, meta = _from_html(text, warnings)
    meta["url"] = final_url  # what was fetched, not what the page claims to be
    if not text.strip():
        raise BadInput("no article text found on the page")
    return RawDoc(source=url, text=text, kind=kind, meta=meta, warnings=warnings)


def _text(data: bytes, charset: str | None) -> tuple[str, list[str]]:
    if charset:
        try:
            return data.decode(charset), []
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode(data)


def _get(url: str, timeout: float, max_bytes: int) -> tuple[bytes, str, str, str | None]:
    """(body, final URL, content type, charset); the body is read in pieces so a huge page is cut short."""
    deadline = time.monotonic() + timeout
    host = urlsplit(url).hostname
    try:
        with (
            httpx.Client(
                timeout=httpx.Timeout(timeout),
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": USER_AGENT, "Accept": "text/html, application/pdf, text/plain;q=0.8"},
            ) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code >= 400:
                raise BadInput(f"HTTP {resp.status_code} {resp.reason_phrase} from {host}".rstrip())
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise BadInput(f"page too large ({int(declared) / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit)")
            body = bytearray()
            for piece in resp.iter_bytes():
                body += piece
                if len(body) > max_bytes:
                    raise BadInput(f"page too large (more than {max_bytes / 1e6:.1f} MB limit)")
                if time.monotonic() > deadline:
                    raise BadInput(f"timed out after {timeout:g}s reading {host}")
            ctype, _, params = resp.headers.get("content-type", "").partition(";")
            charset = next(
                (
                    v.strip().strip("\"'")
                    for k, _, v in (p.partition("=") for p in params.split(";"))
                    if k.strip().lower() == "charset"
                ),
                None,
            )
            return bytes(body), str(resp.url), ctype.strip().lower(), charset
    except httpx.TimeoutException:
        raise BadInput(f"timed out after {timeout:g}s fetching {host}") from None
    except httpx.TooManyRedirects:
        raise BadInput(f"more than {MAX_REDIRECTS} redirects from {host}") from None
    except httpx.ConnectError:
        raise BadInput(f"could not connect to {host}") from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise BadInput(f"could not fetch {host}: {type(exc).__name__}") from None
