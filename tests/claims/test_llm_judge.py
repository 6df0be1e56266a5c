"""The optional LLM judge seam, driven by a fake callable (no model, no network)."""

from __future__ import annotations

import json

from bot.claims.llm_judge import LLMJudge, RulesJudge, parse_reply
from bot.retrieval.types import SentenceHit

CLAIM = "Putin said Russia would help North Korea build satellites"


def test_rules_judge_is_the_default_shape(hits: list[SentenceHit]) -> None:
    assert RulesJudge()(CLAIM, hits).verdict == "supported"


def test_llm_judge_sees_the_prompt_file_and_cites_shown_passages(hits: list[SentenceHit]) -> None:
    prompts: list[str] = []

    def fake(prompt: str) -> str:
        prompts.append(prompt)
        return json.dumps({"verdict": "supported", "evidence": [1], "explanation": "Putin said so"})

    res = LLMJudge(fake)(CLAIM, hits)
    assert "Reply with JSON only" in prompts[0] and CLAIM in prompts[0] and "[1] " in prompts[0]
    assert res.verdict == "supported" and res.answer_text == "Supported: Putin said so [1]."
    assert res.evidence[0].doc.text[res.evidence[0].char_start : res.evidence[0].char_end] == res.evidence[0].text


def test_llm_judge_falls_back_on_garbage_or_invented_citations(hits: list[SentenceHit]) -> None:
    res = LLMJudge(lambda _: "I think it is true")(CLAIM, hits)
    assert res.verdict == "supported" and any("LLM judge" in w for w in res.warnings)
    bad = json.dumps({"verdict": "refuted", "evidence": [99], "explanation": "x"})
    assert LLMJudge(lambda _: bad)(CLAIM, hits).verdict == "supported"


def test_disagreement_with_rules_is_flagged(hits: list[SentenceHit]) -> None:
    reply = json.dumps({"verdict": "not_enough_info", "evidence": [], "explanation": "unclear"})
    res = LLMJudge(lambda _: reply)(CLAIM, hits)
    assert res.verdict == "not_enough_info" and any("disagree" in w for w in res.warnings)


def test_parse_reply() -> None:
    assert parse_reply('```json\n{"verdict": "Refuted", "evidence": [2, 2]}\n```', 3) == ("refuted", [2], "refuted")
