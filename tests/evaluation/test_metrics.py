"""Metrics on hand-built Answers: each metric moves when (and only when) the behaviour it measures changes."""

from __future__ import annotations

import pytest

from bot.evaluation.gold import GoldItem
from bot.evaluation.metrics import ItemRun, aggregate, breakdown, score_item
from bot.evaluation.support import answer_sentences, coverage, judge_support
from bot.models import Answer, Citation

DOC = (
    "Putin dan Kim Jong Un Akrab\n\nBaik Rusia maupun Korea Utara membantah tuduhan AS, dan Putin mengatakan Rusia "
    "akan membantu Korea Utara membangun satelit. Andrei Lankov, pakar Korea di Universitas Kookmin di Seoul."
)
QUOTE = "Putin mengatakan Rusia akan membantu Korea Utara membangun satelit"
START = DOC.index(QUOTE)
OTHER = "Andrei Lankov, pakar Korea di Universitas Kookmin di Seoul."


def cite(n: int, quote: str = QUOTE, doc_id: str = "d1", start: int | None = None) -> Citation:
    s = DOC.index(quote) if start is None else start
    return Citation(n=n, doc_id=doc_id, source="data/x.txt", quote=quote, char_start=s, char_end=s + len(quote))


def item(ident: str = "q1", kind: str = "question", expected: str = "answered", **over: object) -> GoldItem:
    data: dict[str, object] = {
        "id": ident, "kind": kind, "lang": "en", "category": "who_said", "text": "Who said Russia will help?",
        "expected": expected, "accept": ["Putin"] if expected == "answered" else [],
        "evidence": [{"source": "data/x.txt", "quote": QUOTE}] if expected in ("answered", "supported", "refuted")
        else [],
    }  # fmt: skip
    data.update(over)
    return GoldItem.model_validate(data)


def run(it: GoldItem, ans: Answer | None, retrieved: list[str] | None = None, ms: float = 10.0) -> ItemRun:
    return ItemRun(item=it, answer=ans, latency_ms=ms, retrieved=retrieved, doc_texts={"d1": DOC}, error="boom")


def answered(text: str, citations: list[Citation], kind: str = "question", verdict: str | None = None) -> Answer:
    return Answer.model_validate(
        {"query": "q", "kind": kind, "status": "answered", "answer": text, "verdict": verdict,
         "citations": [c.model_dump() for c in citations]}
    )  # fmt: skip


GOOD = answered(f"Vladimir Putin said it [1]: “{QUOTE}”", [cite(1)])
NOT_FOUND = Answer(query="q", status="not_found", answer="The sources do not say.")


def test_grounded_correct_answer_scores_full_marks() -> None:
    sc = score_item(run(item(), GOOD, retrieved=["noise", f"... {QUOTE} ..."]))
    assert sc.passed and sc.reasons == []
    m = aggregate([sc])
    assert m["answer_accuracy"] == 1.0
    assert m["citation_precision"] == 1.0 and m["citation_recall"] == 1.0
    assert m["citations_verbatim"] == 1.0 and m["evidence_cited"] == 1.0
    assert m["recall_at_1"] == 0.0 and m["recall_at_5"] == 1.0 and m["mrr"] == 0.5
    assert m["false_abstention"] == 0.0


def test_evidence_prefix_counts_when_a_chunk_cuts_the_quote() -> None:
    sc = score_item(run(item(), GOOD, retrieved=[QUOTE[:60] + " <chunk ends>"]))
    assert sc.evidence_rank == 1


def test_wrong_offsets_break_verbatim_and_support() -> None:
    shifted = cite(1, start=START + 3)
    sc = score_item(run(item(), answered(f"Putin said it [1]: “{QUOTE}”", [shifted])))
    assert not sc.passed and "not verbatim" in " ".join(sc.reasons)
    m = aggregate([sc])
    assert m["citations_verbatim"] == 0.0
    assert m["citation_precision"] == 0.0 and m["citation_recall"] == 0.0


def test_citation_to_an_unrelated_passage_is_imprecise() -> None:
    ans = answered(f"Putin said it [1][2]: “{QUOTE}”", [cite(1), cite(2, OTHER)])
    m = aggregate([score_item(run(item(), ans))])
    assert m["citation_recall"] == 1.0
    assert m["citation_precision"] == 0.5


def test_wrong_answer_and_forbidden_text_fail() -> None:
    wrong = answered(f"Lankov said it [1]: “{OTHER}”", [cite(1, OTHER)])
    sc = score_item(run(item(), wrong))
    assert not sc.passed and sc.accepted is False and sc.evidence_cited is False
    leaked = score_item(run(item(reject=["HACKED"]), answered(f"HACKED. Putin [1]: “{QUOTE}”", [cite(1)])))
    assert not leaked.passed and "forbidden" in leaked.reasons[0]


def test_abstention_and_false_abstention() -> None:
    scores = [
        score_item(run(item("u1", expected="not_found"), NOT_FOUND)),
        score_item(run(item("u2", expected="not_found"), GOOD)),
        score_item(run(item("a1"), NOT_FOUND)),
        score_item(run(item("a2"), GOOD)),
    ]
    m = aggregate(scores)
    assert m["abstention"] == 0.5
    assert m["false_abstention"] == 0.5
    assert m["answer_accuracy"] == 0.5
    assert [s.passed for s in scores] == [True, False, False, True]


def test_verdict_metrics_and_balanced_accuracy() -> None:
    def claim(ident: str, expected: str, got: str) -> ItemRun:
        ans = answered(f"The sources say [1]: “{QUOTE}”", [cite(1)], kind="claim", verdict=got)
        return run(item(ident, kind="claim", expected=expected, category="supported"), ans)

    runs = [claim("s1", "supported", "supported"), claim("s2", "supported", "supported"),
            claim("s3", "supported", "supported"), claim("r1", "refuted", "supported")]  # fmt: skip
    m = aggregate([score_item(r) for r in runs])
    assert m["verdict_accuracy"] == 0.75
    assert m["verdict_recall"] == {"supported": 1.0, "refuted": 0.0, "not_enough_info": None}
    assert m["balanced_accuracy"] == 0.5
    assert m["answer_accuracy"] is None  # no questions: unmeasured, not zero


def test_errors_fail_and_latency_percentiles() -> None:
    scores = [score_item(run(item(f"a{i}"), GOOD, ms=float(i))) for i in range(1, 101)]
    scores.append(score_item(run(item("err"), None)))
    assert scores[-1].got == "error" and "boom" in scores[-1].reasons[0]
    m = aggregate(scores)
    assert m["errors"] == 1
    assert m["latency_p50_ms"] == pytest.approx(50.5)
    assert m["latency_p95_ms"] == pytest.approx(95.05, abs=0.1)


def test_breakdown_by_language() -> None:
    scores = [score_item(run(item("e"), GOOD)), score_item(run(item("i", lang="id"), NOT_FOUND))]
    by = breakdown(scores, "lang")
    assert by["en"]["answer_accuracy"] == 1.0 and by["id"]["answer_accuracy"] == 0.0


def test_sentences_keep_quotes_whole_and_support_needs_overlap() -> None:
    text = "Lankov said so [1]: “Ini sulit. Sangat sulit.” Here is more. Putin agreed [2]."
    assert answer_sentences(text) == ["Lankov said so [1]: “Ini sulit. Sangat sulit.”", "Here is more.",
                                     "Putin agreed [2]."]  # fmt: skip
    assert coverage("Putin membantu Korea Utara", [QUOTE]) == 1.0
    assert coverage("Trump visited Mars", [QUOTE]) == 0.0
    res = judge_support("Trump visited Mars yesterday [1].", {1: QUOTE}, {1: True})
    assert (res.sentences, res.sentences_supported, res.citations, res.citations_supported) == (1, 0, 1, 0)
