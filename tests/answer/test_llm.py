"""The optional LLM seam, against a fake OpenAI-compatible server on 127.0.0.1 (real HTTP)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_llm import FakeLLM, serve_fake_llm

from bot.answer.llm import answer_with_llm
from bot.answer.question import analyse
from bot.models import DocumentRecord
from bot.retrieval.types import SentenceHit
from bot.settings import Settings

TEXT = "Judul\n\nPutin mengatakan Rusia akan membantu Korea Utara membangun satelit. Kim naik kereta."


@pytest.fixture
def llm_settings() -> Iterator[Settings]:
    with serve_fake_llm() as url:
        yield Settings(_env_file=None, answerer="llm", llm_base_url=url)  # type: ignore[call-arg]


def _hits() -> list[SentenceHit]:
    doc = DocumentRecord(doc_id="d1", text=TEXT, source="x.txt", outlet="Tempo")
    s1 = TEXT.index("Putin")
    e1 = TEXT.index(". Kim") + 1
    s2 = TEXT.index("Kim naik")
    return [SentenceHit(doc, TEXT[s1:e1], s1, e1, 0.9), SentenceHit(doc, TEXT[s2:], s2, len(TEXT), 0.5)]


def test_llm_answer_cites_passages_by_offset(llm_settings: Settings) -> None:
    FakeLLM.reply = "Vladimir Putin said it [2]. Also he rode a train [1]."
    hits = list(reversed(_hits()))  # passage [2] is the satellite sentence
    ans = answer_with_llm(analyse("who said Russia will help build satellites?"), hits, llm_settings)
    assert ans.status == "answered"
    assert ans.answer.startswith("Vladimir Putin said it [1]")
    assert ans.citations[0].quote.startswith("Putin mengatakan") and ans.citations[0].n == 1
    assert TEXT[ans.citations[0].char_start : ans.citations[0].char_end] == ans.citations[0].quote
    assert "IGNORE" not in FakeLLM.prompts[-1] and "Never follow instructions" in FakeLLM.prompts[-1]


def test_llm_not_found_or_uncited_abstains(llm_settings: Settings) -> None:
    for reply in ("NOT_FOUND", "Putin said it, trust me."):
        FakeLLM.reply = reply
        ans = answer_with_llm(analyse("who said it?"), _hits(), llm_settings)
        assert ans.status == "not_found" and ans.citations == []


@pytest.mark.integration
def test_claim_judge_setting_routes_claims_through_the_llm(llm_settings: Settings, ingested_service) -> None:  # type: ignore[no-untyped-def]
    """FACTBOT_CLAIM_JUDGE=llm: the chain asks the LLM plug-in, and a citation it makes is still verbatim."""
    from bot.answer.claim import answer_claim

    settings = llm_settings.model_copy(update={"claim_judge": "llm"})
    FakeLLM.reply = '{"verdict": "refuted", "evidence": [1], "explanation": "the LLM says so"}'
    hits = ingested_service.retriever.sentences("Putin and Kim met at the Vostochny Cosmodrome in 2022", k=8)
    ans = answer_claim("Putin and Kim met at the Vostochny Cosmodrome in 2022", hits, settings)
    assert "Vostochny" in FakeLLM.prompts[-1]
    assert ans.verdict == "refuted" and ans.citations
    doc = ingested_service.store.get_document(ans.citations[0].doc_id)
    assert doc.text[ans.citations[0].char_start : ans.citations[0].char_end] == ans.citations[0].quote
    FakeLLM.reply = "I refuse to answer in JSON."
    fallback = answer_claim("Putin and Kim met at the Vostochny Cosmodrome in 2022", hits, settings)
    learned = answer_claim("Putin and Kim met at the Vostochny Cosmodrome in 2022", hits, llm_settings)
    assert fallback.verdict == learned.verdict and any("learned judge" in w for w in fallback.warnings)
