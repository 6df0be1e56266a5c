"""FactService.warm: what the first questions would pay for is paid before a web process takes requests."""

from __future__ import annotations

from pathlib import Path

from tests_support import make_settings

from bot.components.embeddings import FakeEmbeddings
from bot.evidence.speakers import _patterns
from bot.service import FactService
from bot.text.tokens import _stemmer, _tables


def test_warm_compiles_and_loads_what_answering_uses(tmp_path: Path) -> None:
    svc = FactService(make_settings(tmp_path / "store", embedder="fake"), embeddings=FakeEmbeddings())
    for cached in (_patterns, _stemmer, _tables):
        cached.cache_clear()
    svc.warm()  # an empty store: the questions find nothing, yet everything on their way is loaded
    assert _patterns.cache_info().currsize == 1  # reporting-clause patterns (~40 ms to compile)
    assert _tables.cache_info().currsize == 1 and _stemmer.cache_info().currsize == 1
    assert "retriever" in vars(svc) and "chain" in vars(svc)  # store, lexical index and chain are open
