"""The LangChain runnable every surface calls: prepare -> retrieve -> answer (or judge) -> verify.

Questions and claims share retrieval; the answerer is the deterministic
extractive one unless settings pick the optional LLM plug-in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from langchain_core.runnables import Runnable, RunnableConfig

from bot.answer.citations import flag_warning, verify
from bot.answer.extractive import answer_question
from bot.answer.question import analyse
from bot.models import Answer
from bot.text.instructions import strip_instructions

if TYPE_CHECKING:
    from bot.service import FactService


class Step(Runnable[dict[str, Any], Any]):
    """One named step of the chain. A RunnableLambda inspects its function's signature and opens a child
    run at every call (~0.7 ms for the three steps, ~3% of a question at 100k chunks); a step opens one
    (and is traced) only when the caller attached callback handlers."""

    def __init__(self, fn: Callable[[dict[str, Any]], Any]) -> None:
        self.fn = fn
        self.name = fn.__name__

    def invoke(self, input: dict[str, Any], config: RunnableConfig | None = None, **kwargs: Any) -> Any:  # noqa: A002
        if _handlers(config):
            return self._call_with_config(self.fn, input, config)
        return self.fn(input)


def _handlers(config: RunnableConfig | None) -> bool:
    callbacks = (config or {}).get("callbacks")
    if callbacks is None:
        return False
    return bool(callbacks if isinstance(callbacks, list) else getattr(callbacks, "handlers", None))


def build_chain(service: FactService) -> Runnable[dict[str, Any], Answer]:
    settings = service.settings

    def prepare(inp: dict[str, Any]) -> dict[str, Any]:
        text = " ".join(str(inp["text"]).split())
        warnings = []
        if len(text) > settings.max_query_chars:
            text = text[: settings.max_query_chars]
            warnings.append(f"text truncated to {settings.max_query_chars} characters")
        return {**inp, "text": text, "warnings": warnings}

    def retrieve(inp: dict[str, Any]) -> dict[str, Any]:
        if inp["kind"] == "claim":
            q_text, injected = strip_instructions(inp["text"])
            inp["claim"] = q_text
            if injected:
                inp["warnings"].append(
                    "Instructions inside the claim were ignored; only its factual content was judged."
                )
        else:
            inp["question"] = analyse(inp["text"])
            q_text = inp["question"].text or inp["text"]
        hits = service.retriever.sentences(q_text, k=max(8, inp["k"]), coverage=inp["kind"] == "claim")
        # planted instructions are never evidence: the answerer and the judge never see them, and a flagged
        # document that was retrieved at all is named in the warnings
        for doc in {h.doc.doc_id: h.doc for h in hits if h.doc.flagged_spans}.values():
            note = flag_warning(doc)
            if note not in inp["warnings"]:
                inp["warnings"].append(note)
        inp["hits"] = [h for h in hits if h.doc.citable(h.char_start, h.char_end)]
        return inp

    def respond(inp: dict[str, Any]) -> Answer:
        if inp["kind"] == "claim":
            from bot.answer.claim import answer_claim

            ans = answer_claim(inp["claim"], inp["hits"], settings, service.embeddings)
        elif settings.answerer == "llm":
            from bot.answer.llm import answer_with_llm

            ans = answer_with_llm(inp["question"], inp["hits"], settings)
        else:
            ans = answer_question(inp["question"], inp["hits"], service.retriever.vocab, service.retriever.idf)
        ans = ans.model_copy(update={"query": inp["text"], "warnings": inp["warnings"] + ans.warnings})
        return verify(ans, service.retriever.docs)

    return Step(prepare) | Step(retrieve) | Step(respond)
