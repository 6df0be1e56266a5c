"""Helpers importable from any test module (conftest fixtures cannot be imported directly)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.service import FactService
from bot.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data"


def make_settings(persist_dir: Path, **overrides: object) -> Settings:
    return Settings(persist_dir=persist_dir, _env_file=None, **overrides)  # type: ignore[call-arg]


def service_with_article(root: Path, name: str, text: str) -> FactService:
    """The sample corpus plus one more article, ingested with the real pipeline into `root`."""
    corpus = root / "corpus"
    shutil.copytree(DATA, corpus)
    (corpus / name).write_text(text, encoding="utf-8")
    svc = FactService(make_settings(root / "store"))
    svc.ingest([corpus])
    return svc
