"""bot/logs.py and the CLI's --log-level / FACTBOT_LOG_LEVEL: one stderr handler, our loggers at the level."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from bot.cli import _register, app, main
from bot.logs import configure, preview, where
from bot.settings import get_settings

runner = CliRunner()


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level, {n: logging.getLogger(n).level for n in ("bot", "factbot")})
    get_settings.cache_clear()
    yield
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)
    get_settings.cache_clear()


def test_configure_installs_one_stderr_handler_and_sets_our_level(capsys: pytest.CaptureFixture[str]) -> None:
    configure("info")
    configure("INFO")  # a second call replaces, never doubles, the handler
    ours = [h for h in logging.getLogger().handlers if type(h).__name__ == "_Stderr"]
    assert len(ours) == 1
    assert logging.getLogger("bot").level == logging.INFO and logging.getLogger("factbot").level == logging.INFO
    assert logging.getLogger().level == logging.WARNING  # third-party libraries stay quiet
    logging.getLogger("bot.ingest.pipeline").info("accepted x.txt")
    logging.getLogger("bot.ingest.pipeline").debug("not shown")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "INFO bot.ingest.pipeline: accepted x.txt" in captured.err and "not shown" not in captured.err
    assert configure(None) == logging.WARNING and configure(None, default="INFO") == logging.INFO
    with pytest.raises(ValueError, match="unknown log level"):
        configure("loud")


def test_preview_and_where_keep_log_lines_short_and_safe() -> None:
    text = "Who said\nRussia will help build satellites for North Korea in the coming years?"
    shown = preview(text)
    assert len(shown) <= 42 and "\n" not in shown and shown.startswith("'Who said Russia")
    assert where("https://user:pw@example.com/a/b?token=secret#x") == "https://example.com/a/b"
    assert where("data/001.txt") == "data/001.txt"


def test_cli_log_level_option_and_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    _register()
    res = runner.invoke(app, ["--log-level", "debug", "dev", "--help"])
    assert res.exit_code == 0, res.output
    assert logging.getLogger("bot").level == logging.DEBUG
    monkeypatch.setenv("FACTBOT_LOG_LEVEL", "error")
    get_settings.cache_clear()
    assert runner.invoke(app, ["dev", "--help"]).exit_code == 0
    assert logging.getLogger("bot").level == logging.ERROR
    assert runner.invoke(app, ["--log-level", "INFO", "dev", "--help"]).exit_code == 0  # the option wins
    assert logging.getLogger("bot").level == logging.INFO


def test_bad_log_level_setting_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FACTBOT_LOG_LEVEL", "loud")
    monkeypatch.setattr(sys, "argv", ["factbot", "dev", "--help"])
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("factbot: error: bad setting FACTBOT_LOG_LEVEL") and len(err.splitlines()) == 1


def test_other_libraries_log_only_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    configure("DEBUG")
    chatty = logging.getLogger("somelib")
    chatty.setLevel(logging.DEBUG)  # as bm25s does
    chatty.debug("building index")
    chatty.warning("disk almost full")
    logging.getLogger("bot.x").debug("ours at debug")
    err = capsys.readouterr().err
    assert "building index" not in err and "disk almost full" in err and "ours at debug" in err
