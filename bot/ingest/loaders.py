"""Read one file into raw text, refusing what is not an article (empty, binary, huge).

HTML goes through trafilatura, which removes page chrome and reports the
page's own metadata; text and Markdown are read as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import BadInput

SUPPORTED = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
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
                problems.append((str(p), "folder holds no .txt, .md or .html files"))
            files.extend(f for f in found if not any(part.startswith(".") for part in f.relative_to(p).parts))
        elif p.suffix.lower() in SUPPORTED:
            files.append(p)
        else:
            problems.append((str(p), f"unsupported file type {p.suffix or '(none)'}: use .txt, .md or .html"))
    return files, problems


def _decode(data: bytes) -> tuple[str, list[str]]:
    if b"\x00" in data[:65536]:
        raise BadInput("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise BadInput("not UTF-8 and not readable as Windows-1252 text")
    return text, ["not UTF-8: read as Windows-1252"]


def load(path: Path, max_bytes: int) -> RawDoc:
    """Raise BadInput with a reason a user can act on."""
    size = path.stat().st_size
    if size == 0:
        raise BadInput("empty file")
    if size > max_bytes:
        raise BadInput(f"file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit)")
    text, warnings = _decode(path.read_bytes())
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > len(sample) // 100:
        raise BadInput("binary junk (control characters), not text")
    kind = SUPPORTED.get(path.suffix.lower(), "text")
    meta: dict[str, str] = {}
    if kind == "html":
        text, meta = _from_html(text)
    elif kind == "markdown":
        text = _from_markdown(text)
    if not text.strip():
        raise BadInput("no readable text")
    return RawDoc(source=str(path), text=text, kind=kind, meta=meta, warnings=warnings)


def _from_html(html: str) -> tuple[str, dict[str, str]]:
    import trafilatura

    result = trafilatura.bare_extraction(
        html, output_format="python", include_comments=False, include_tables=False, with_metadata=True
    )
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
