"""Logging for the whole package: module loggers (`logging.getLogger(__name__)`), one configuration here.

Every module logs under `bot.*` (the web server's request lines under `factbot.web`); `configure(level)`
is called once by the `factbot` CLI (its `--log-level` option or FACTBOT_LOG_LEVEL) and again by
`factbot serve`, which defaults to INFO so each request shows as one line. Records go to stderr, so they
never mix with an answer or JSON on stdout. Third-party libraries stay at WARNING whatever the level.

What may be logged: file names, URLs without their query string, counts, reasons, exception class
names, and at most `preview()` of a question, claim or article, never a whole text body.
"""

from __future__ import annotations

import logging
import sys
from urllib.parse import urlsplit, urlunsplit

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_LEVEL = "WARNING"
OURS = ("bot", "factbot")  # module loggers, and bot/web/server.py's "factbot.web"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
PREVIEW_CHARS = 40


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time of the record (tests and CliRunner swap it)."""

    def __init__(self) -> None:
        super().__init__()
        self.addFilter(_quiet_libraries)

    @property  # type: ignore[override]
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def _quiet_libraries(record: logging.LogRecord) -> bool:
    """Our records at the configured level; other libraries' only from WARNING up, even those that set their
    own loggers' level lower (bm25s logs index building at DEBUG)."""
    ours = record.name in OURS or record.name.startswith(tuple(f"{n}." for n in OURS))
    return ours or record.levelno >= logging.WARNING


def level_number(level: str | int | None, default: str = DEFAULT_LEVEL) -> int:
    """`"info"`, `"INFO"`, 20 or None (the default) as a logging level; anything else is a ValueError."""
    if level is None or level == "":
        level = default
    if isinstance(level, int):
        return level
    name = level.strip().upper()
    if name not in LEVELS:
        raise ValueError(f"unknown log level {level!r}: use one of {', '.join(LEVELS)}")
    return int(logging.getLevelName(name))


def configure(level: str | int | None = None, default: str = DEFAULT_LEVEL) -> int:
    """One stderr handler on the root logger (replacing the one an earlier call installed), our loggers at
    `level` (or `default` when None), everything else at WARNING. Safe to call more than once; returns the
    level set."""
    number = level_number(level, default)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _Stderr)]:
        root.removeHandler(handler)
    handler = _Stderr()
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    for name in OURS:
        logging.getLogger(name).setLevel(number)
    return number


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    """A short one-line prefix of a user's or an article's text, quoted: enough to tell records apart."""
    flat = "".join(ch if ch.isprintable() else " " for ch in " ".join(str(text).split()))
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def where(path: object) -> str:
    """A file path as given, or a URL without query string and fragment (they can carry tokens)."""
    text = str(path)
    if text.lower().startswith(("http://", "https://")):
        parts = urlsplit(text.strip())
        text = urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, "", ""))
    return "".join(ch if ch.isprintable() else "?" for ch in text[:300])
