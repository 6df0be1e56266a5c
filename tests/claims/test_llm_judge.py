"""The optional LLM judge seam, driven by a fake callable (no model, no network), over the learned judge."""

from __future__ import annotations

import json
import logging

import pytest

from bot.claims.learned import ClaimResult, LearnedJudge
from bot.claims.llm_judge import LLMJudge, parse_reply
from bot.components.embeddings import FakeEmbeddings
from bot.retrieval.types import SentenceHit

CLAIM = "The mayor said the budget adds 200 teachers."


def judge(reply: str, seen: list[str] | None = None) -> LLMJudge:
    def fake(prompt: str) -> str:
        if seen is not None:
            seen.append(prompt)
        return reply

    return LLMJudge(fake, fallback=LearnedJudge(FakeEmbeddings()))


def test_llm_judge_sees_the_prompt_file_and_cites_shown_passages(hits: list[SentenceHit]) -> None:
    prompts: list[str] = []
    res = judge(json.dumps({"verdict": "supported", "evidence": [1], "explanation": "the mayor said so"}), prompts)(
        CLAIM, hits
    )
    assert "Reply with JSON only" in prompts[0] and CLAIM in prompts[0] and "[1] " in prompts[0]
    assert res.verdict == "supported" and res.answer_text == "Supported: the mayor said so [1]."
    assert res.evidence[0].doc.text[res.evidence[0].char_start : res.evidence[0].char_end] == res.evidence[0].text


def test_llm_judge_falls_back_on_garbage_or_invented_citations(hits: list[SentenceHit]) -> None:
    base: ClaimResult = LearnedJudge(FakeEmbeddings())(CLAIM, hits)
    res = judge("I think it is true")(CLAIM, hits)
    assert res.verdict == base.verdict and any("LLM judge" in w for w in res.warnings)
    bad = json.dumps({"verdict": "refuted", "evidence": [99], "explanation": "x"})
    assert judge(bad)(CLAIM, hits).verdict == base.verdict


def test_disagreement_with_the_learned_judge_is_flagged(hits: list[SentenceHit]) -> None:
    base = LearnedJudge(FakeEmbeddings())(CLAIM, hits)
    other = "refuted" if base.verdict != "refuted" else "supported"
    reply = json.dumps({"verdict": other, "evidence": [1], "explanation": "unclear"})
    res = judge(reply)(CLAIM, hits)
    assert res.verdict == other and any("disagree" in w for w in res.warnings)


def test_parse_reply_contract() -> None:
    assert parse_reply('x {"verdict": "Refuted", "evidence": [2, 2], "explanation": "no"} y', 3) == (
        "refuted",
        [2],
        "no",
    )
    for bad in ("nothing", '{"verdict": "maybe"}', '{"verdict": "supported", "evidence": [4]}'):
        try:
            parse_reply(bad, 3)
        except (ValueError, KeyError):
            continue
        raise AssertionError(bad)


def test_fallback_is_logged_with_a_short_claim_prefix(
    hits: list[SentenceHit], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.claims")
    judge("I think it is true")(CLAIM, hits)
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == 1 and "falling back to the learned judge" in warned[0]
    assert CLAIM not in warned[0] and CLAIM[:20] in warned[0]
