"""Slack's background work logs through `logging` (bot.slack.routes), never print()."""

from __future__ import annotations

import logging

import pytest

from bot.slack.routes import _quietly


def test_background_failure_is_one_error_record(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(text: str) -> None:
        raise RuntimeError("slack said no " + "x" * 500)

    caplog.set_level(logging.DEBUG, logger="bot.slack")
    _quietly(boom, "who said it?")
    errors = [r for r in caplog.records if r.name == "bot.slack.routes" and r.levelno == logging.ERROR]
    assert len(errors) == 1 and "RuntimeError" in errors[0].getMessage() and len(errors[0].getMessage()) < 300
    assert capsys.readouterr().out == ""
