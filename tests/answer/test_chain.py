"""The chain every surface calls: three named steps, traced as LangChain runs when a caller attaches callbacks."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler

from bot.service import FactService


class Runs(BaseCallbackHandler):
    def __init__(self) -> None:
        self.names: list[str] = []

    def on_chain_start(self, serialized: Any, inputs: Any, *, run_id: UUID, **kwargs: Any) -> None:
        self.names.append(str(kwargs.get("name") or (serialized or {}).get("name")))


def test_the_steps_run_in_order_and_are_traced_only_when_asked(ingested_service: FactService) -> None:
    inp = {"text": "  Who said  Russia will help build satellites? ", "kind": "question", "k": 5}
    plain = ingested_service.chain.invoke(dict(inp))
    runs = Runs()
    traced = ingested_service.chain.invoke(dict(inp), config={"callbacks": [runs]})
    assert plain == traced and plain.query == "Who said Russia will help build satellites?"  # prepare ran
    assert plain.status == "answered" and plain.citations  # retrieve and respond ran
    assert [n for n in runs.names if n in ("prepare", "retrieve", "respond")] == ["prepare", "retrieve", "respond"]
