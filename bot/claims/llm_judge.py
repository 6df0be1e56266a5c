"""The judge seam: the learned judge by default, an optional LLM judge behind the same protocol.

The LLM judge is off unless a caller builds one with a callable (prompt -> text);
it sees the fallback judge's cited passages plus the best retrieved ones, must
answer in JSON, and may only cite passages it was shown, so citations stay
verbatim. Anything malformed falls back to the fallback judge's verdict.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from typing import Protocol

from bot.claims.learned import ClaimResult
from bot.logs import preview
from bot.models import VERDICTS
from bot.prompts_loader import load_prompt
from bot.retrieval.types import SentenceHit

PROMPT = "claim_judge.txt"  # in prompts/, shipped as package data (bot.prompts_loader)
_VERDICTS = set(VERDICTS)
log = logging.getLogger(__name__)


class Judge(Protocol):
    def __call__(self, claim: str, hits: list[SentenceHit]) -> ClaimResult: ...


class LLMJudge:
    def __init__(self, llm: Callable[[str], str], fallback: Judge, max_passages: int = 8, prompt: str = PROMPT) -> None:
        self.llm = llm
        self.fallback = fallback
        self.max_passages = max_passages
        self.template = load_prompt(prompt)

    def prompt(self, claim: str, passages: list[SentenceHit]) -> str:
        listed = "\n".join(f"[{i}] {h.text}" for i, h in enumerate(passages, 1))
        return self.template.replace("{claim}", claim).replace("{passages}", listed)

    def __call__(self, claim: str, hits: list[SentenceHit]) -> ClaimResult:
        base = self.fallback(claim, hits)
        passages = list(base.evidence)
        seen = {(h.doc.doc_id, h.char_start) for h in passages}
        for h in sorted(hits, key=lambda x: x.score, reverse=True):
            if len(passages) >= self.max_passages:
                break
            if (h.doc.doc_id, h.char_start) not in seen:
                passages.append(h)
                seen.add((h.doc.doc_id, h.char_start))
        try:
            reply = parse_reply(self.llm(self.prompt(claim, passages)), len(passages))
        except (ValueError, KeyError, TypeError) as exc:
            log.warning(
                "LLM judge reply unusable for %s (%s: %s); falling back to the learned judge (%s)",
                preview(claim),
                type(exc).__name__,
                preview(str(exc), 80),
                base.verdict,
            )
            base.warnings.append("The LLM judge gave no usable answer; the learned judge's verdict is shown.")
            return base
        verdict, cited, explanation = reply
        evidence = [passages[i - 1] for i in cited]
        marks = "".join(f"[{n}]" for n in range(1, len(evidence) + 1))
        word = {"supported": "Supported", "refuted": "Refuted", "not_enough_info": "Not enough information"}[verdict]
        text = f"{word}: {explanation.rstrip('.')} {marks}".rstrip() + "."
        warnings = list(base.warnings)
        if verdict != base.verdict:
            log.info("LLM judge (%s) and learned judge (%s) disagree on %s", verdict, base.verdict, preview(claim))
            warnings.append(f"The LLM judge ({verdict}) and the learned judge ({base.verdict}) disagree.")
        if verdict != "not_enough_info" and not evidence:
            log.warning(
                "LLM judge said %s for %s without citing a passage; falling back to the learned judge (%s)",
                verdict,
                preview(claim),
                base.verdict,
            )
            return base
        return ClaimResult(verdict, text, evidence, warnings)  # type: ignore[arg-type]


def parse_reply(reply: str, n_passages: int) -> tuple[str, list[int], str]:
    """(verdict, 1-based passage numbers, explanation); raises ValueError on anything off-contract."""
    m = re.search(r"\{.*\}", reply, re.S)
    if not m:
        raise ValueError("no JSON object in the reply")
    data = json.loads(m.group(0))
    verdict = str(data["verdict"]).strip().lower()
    if verdict not in _VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}")
    cited = [int(x) for x in data.get("evidence", [])]
    if any(not 1 <= i <= n_passages for i in cited):
        raise ValueError("cites a passage it was not shown")
    return verdict, list(dict.fromkeys(cited)), str(data.get("explanation", "")).strip() or verdict
