"""Answering: question analysis, extractive answers with citations, abstention, and the LangChain chain."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def _weights() -> dict[str, Any]:
    return tomllib.loads(resources.files(__name__).joinpath("weights.toml").read_text(encoding="utf-8"))


def weights(section: str) -> dict[str, float]:
    """One section of weights.toml (the answerer's hand-set guards, in one file), read once for all modules."""
    return {k: float(v) for k, v in _weights()[section].items()}
