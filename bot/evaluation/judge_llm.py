"""Optional LLM-judged citation support (faithfulness), for answers an overlap test cannot judge.

The token-overlap judge under-credits a correct English paraphrase of an
Indonesian quote; an LLM reads both languages. It only runs when an LLM
backend is configured (FACTBOT_ANSWERER=llm) and is never the default: the
CI gate must not depend on a remote model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tqdm import tqdm

from bot.errors import BadInput
from bot.evaluation.support import answer_sentences, is_claim_sentence, markers
from bot.settings import Settings

PROMPT = Path(__file__).with_name("judge_prompt.txt")


def render(sentence: str, quotes: list[str]) -> str:
    passages = "\n".join(f"- {q}" for q in quotes) or "- (none)"
    return PROMPT.read_text(encoding="utf-8").format(passages=passages, sentence=sentence)


def parse_verdict(reply: str) -> bool:
    words = reply.strip().split()
    return bool(words) and words[0].strip(".,:!\"'").upper() == "YES"


def judge_report(report: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """LLM-judged citation recall (share of answer sentences its citations support) over answered items."""
    if settings.answerer != "llm":
        raise BadInput("the LLM judge needs an LLM backend: set FACTBOT_ANSWERER=llm")
    from bot.answer.llm import complete

    supported = total = failed = 0
    per_item: dict[str, float] = {}
    items = [i for i in report["items"] if i.get("cited")]
    for item in tqdm(items, desc="llm-judge", unit="item", leave=False):
        quotes = {c["n"]: c["quote"] for c in item["cited"] if c.get("verbatim")}
        ok = n = 0
        for sent in answer_sentences(item["answer"]):
            if not is_claim_sentence(sent):
                continue
            n += 1
            cited = [quotes[m] for m in dict.fromkeys(markers(sent)) if m in quotes]
            if not cited:
                continue
            try:
                ok += parse_verdict(complete(render(sent, cited), settings))
            except Exception:
                failed += 1
        if n:
            per_item[item["id"]] = round(ok / n, 4)
            supported, total = supported + ok, total + n
    return {
        "model": f"{settings.llm_backend}:{settings.llm_model}",
        "citation_recall": round(supported / total, 4) if total else None,
        "sentences": total,
        "backend_failures": failed,
        "per_item": per_item,
    }
