"""The precision a "when" question asks for, and whether a stated date gives it."""

from __future__ import annotations

import pytest

from bot.answer.granularity import asked, precise_enough


@pytest.mark.parametrize(
    ("question", "level"),
    [
        ("On which exact day in March did the council vote?", "day"),
        ("Pada tanggal berapa dewan itu memilih?", "day"),
        ("In which month did the council vote?", "month"),
        ("Tahun berapa dewan itu dibentuk?", "year"),
        ("Tahun berapakah dewan itu dibentuk?", "year"),  # the particle marks the question, nothing more
        ("Pada bulan apakah dewan itu memilih?", "month"),
        ("When did the council vote?", None),
        ("Kapan dewan itu memilih?", None),
    ],
)
def test_the_asked_precision(question: str, level: str | None) -> None:
    assert asked(question) == level


@pytest.mark.parametrize(
    ("date", "level", "ok"),
    [
        ("Maret", "day", False),
        ("13 September 2023", "day", True),
        ("Senin", "day", True),
        ("13/9", "day", True),
        ("Maret", "month", True),
        ("2023", "month", False),
        ("September 2023", "year", True),
        ("Maret", "year", False),
    ],
)
def test_a_date_is_precise_enough_or_not(date: str, level: str, ok: bool) -> None:
    assert precise_enough(date, level) is ok


def test_a_question_asking_a_day_is_not_answered_with_a_month(tmp_path: object) -> None:
    from pathlib import Path

    from tests_support import make_settings

    from bot.service import FactService

    root = Path(str(tmp_path))
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "vote.txt").write_text(
        "Council vote\\n\\nIn March, the harbour council voted to close the old pier for repairs.\\n\\n"
        "The repairs will take two years, the council said.",
        encoding="utf-8",
    )
    svc = FactService(make_settings(root / "store"))
    svc.ingest([corpus])
    month = svc.ask("In which month did the harbour council vote to close the old pier?")
    assert month.status == "answered" and month.answer.startswith("March")
    day = svc.ask("On which exact day in March did the harbour council vote to close the old pier?")
    assert day.status == "not_found" and not day.citations
