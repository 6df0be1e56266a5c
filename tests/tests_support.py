"""Helpers importable from any test module (conftest fixtures cannot be imported directly)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.models import DocumentRecord
from bot.retrieval.types import SentenceHit
from bot.service import FactService
from bot.settings import Settings
from bot.text.sentences import split_sentences

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


def sentence_hits(*docs: DocumentRecord) -> list[SentenceHit]:
    """Every sentence of the documents as a retrieval hit, the way the store keeps them (for judge tests)."""
    return [
        SentenceHit(doc=d, text=d.text[s:e], char_start=s, char_end=e, score=1.0 - 0.01 * i)
        for d in docs
        for i, (s, e) in enumerate(split_sentences(d.text))
    ]
