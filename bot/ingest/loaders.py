"""Read one file into raw text, refusing what is not an article (empty, binary, huge).

Text in any common encoding is decoded (a byte-order mark for UTF-16/32, else
charset detection), so only true binary junk is refused. Only what a reader
sees is kept: invisible characters go from every file, hidden elements from
HTML pages (bot/ingest/visible.py) before trafilatura removes page chrome and
reports the page's own metadata; text and Markdown are read as they are.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import BadInput
from bot.ingest.visible import describe, parse, prune, strip_invisible

SUPPORTED = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",  # bot/ingest/pdf.py
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class RawDoc:
    source: str
    text: str
    kind: str
    meta: dict[str, str] = field(default_factory=dict)  # what the file itself declares (HTML meta tags)
    warnings: list[str] = field(default_factory=list)


def discover(paths: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand folders recursively; return supported files and (path, reason) for the rest."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for p in paths:
        if not p.exists():
            problems.append((str(p), "no such file or directory"))
        elif p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
            if not found:
                problems.append((str(p), "folder holds no .txt, .md, .html or .pdf files"))
            files.extend(f for f in found if not any(part.startswith(".") for part in f.relative_to(p).parts))
        elif p.suffix.lower() in SUPPORTED:
            files.append(p)
        else:
            problems.append((str(p), f"unsupported file type {p.suffix or '(none)'}: use .txt, .md, .html or .pdf"))
    return files, problems


_BOMS = [  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# charset-normalizer tells Western codepages apart poorly (it often says cp1250 for cp1252 text); for the Latin
# script one reading is as good as another, and Windows-1252 is what newsroom tools actually write.
_WESTERN = re.compile(r"^(?:cp125[02]|cp1257|latin_1|iso8859_(?:1|2|3|4|9|10|13|14|15|16)|mac_\w+|cp85[08])$")


def _encoding_name(codec: str) -> str:
    m = re.fullmatch(r"cp(125\d)", codec)
    return f"Windows-{m.group(1)}" if m else codec.replace("_", "-").upper()


def _nul_layout(data: bytes) -> str | None:
    """UTF-16/32 without a BOM shows its NULs at fixed positions (Latin text); anything else with NULs is binary."""
    head = data[:4096]
    n = len(head)
    if n < 4:
        return None
    zero = [sum(1 for b in head[k::4] if b == 0) / max(1, len(head[k::4])) for k in range(4)]
    if zero[1] > 0.9 and zero[2] > 0.9 and zero[3] > 0.9 and zero[0] < 0.5:
        return "utf-32-le"
    if zero[0] > 0.9 and zero[1] > 0.9 and zero[2] > 0.9 and zero[3] < 0.5:
        return "utf-32-be"
    odd, even = (zero[1] + zero[3]) / 2, (zero[0] + zero[2]) / 2
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes -> text: a BOM decides, then UTF-8, then UTF-16/32 by NUL layout, then charset detection."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), ([] if codec == "utf-8" else [f"read as {codec.upper()}"])
            except UnicodeDecodeError:
                raise BadInput(f"has a {codec.upper()} byte-order mark but is not valid {codec.upper()}") from None
    if b"\x00" in data[:65536]:
        layout = _nul_layout(data)
        if layout is None:
            raise BadInput("binary file (NUL bytes), not text")
        try:
            return data.decode(layout), [f"no byte-order mark: read as {layout.upper()}"]
        except UnicodeDecodeError:
            raise BadInput("binary file (NUL bytes), not text") from None
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    guess = best.encoding if best is not None else None
    codec = "cp1252" if guess is None or guess.startswith(("utf_16", "utf_32")) or _WESTERN.match(guess) else guess
    text = data.decode(codec, errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise BadInput("not text in UTF-8, UTF-16, UTF-32 or any common 8-bit or CJK encoding")
    return text, [f"not UTF-8: read as {_encoding_name(codec)}"]


def load(path: Path, max_bytes: int) -> RawDoc:
    """Raise BadInput with a reason a user can act on."""
    if path.suffix.lower() == ".pdf":
        from bot.ingest.pdf import load_pdf

        return load_pdf(path, max_bytes)
    size = path.stat().st_size
    if size == 0:
        raise BadInput("empty file")
    if size > max_bytes:
        raise BadInput(f"file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit)")
    text, warnings = _decode(path.read_bytes())
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > len(sample) // 100:
        raise BadInput("binary junk (control characters), not text")
    text, invisible = strip_invisible(text)
    text, controls = _CONTROL.subn("", text)  # a stray control character is invisible too (and breaks lxml)
    if invisible + controls:
        warnings.append(f"removed {invisible + controls} invisible character(s) (zero-width, bidi or control)")
    kind = SUPPORTED.get(path.suffix.lower(), "text")
    meta: dict[str, str] = {}
    if kind == "html":
        text, meta = _from_html(text, warnings)
    elif kind == "markdown":
        text = _from_markdown(text)
    if not text.strip():
        raise BadInput("no readable text")
    return RawDoc(source=str(path), text=text, kind=kind, meta=meta, warnings=warnings)


def _from_html(page: str, warnings: list[str]) -> tuple[str, dict[str, str]]:
    """Prune what readers cannot see (bot/ingest/visible.py), then let trafilatura find the article."""
    import trafilatura

    tree = parse(page)
    if tree is None:
        return "", {}
    note = describe(*prune(tree))
    if note:
        warnings.append(note)
    try:
        result = trafilatura.bare_extraction(
            tree, output_format="python", include_comments=False, include_tables=False, with_metadata=True
        )
    except (ValueError, TypeError, RecursionError) as exc:  # a page lxml parsed but trafilatura cannot walk
        raise BadInput(f"HTML could not be read ({type(exc).__name__})") from None
    if result is None:
        return "", {}
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    meta = {k: str(data[k]) for k in ("title", "date", "sitename", "author", "url") if data.get(k)}
    return str(data.get("text") or ""), meta


def _from_markdown(text: str) -> str:
    """Keep the words, drop Markdown markup that would otherwise end up in quotes."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links -> their text
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)  # headings
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)  # bold
    return text
