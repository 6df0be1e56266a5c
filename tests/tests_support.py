"""Helpers importable from any test module (conftest fixtures cannot be imported directly)."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings


def make_settings(persist_dir: Path, **overrides: object) -> Settings:
    return Settings(persist_dir=persist_dir, _env_file=None, **overrides)  # type: ignore[call-arg]
