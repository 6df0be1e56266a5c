"""The span an answer names: of several spans of the asked-for kind, the one next to the question's words."""

from __future__ import annotations

import pytest

from bot.answer.extractive import _best_slot
from bot.answer.question import analyse
from bot.evidence.slots import answer_slots
from bot.text.tokens import STOP


@pytest.mark.parametrize(
    ("sentence", "question", "span"),
    [
        (
            "The president will meet Chancellor Anna Berg of Austria and the Prime Minister of Norway, Lars Dahl.",
            "Who is the Prime Minister of Norway?",
            "Lars Dahl",
        ),
        (
            "Presiden akan bertemu Kanselir Austria Anna Berg dan Perdana Menteri Norwegia Lars Dahl pada Senin.",
            "Siapa nama Perdana Menteri Norwegia?",
            "Lars Dahl",
        ),
        (  # the span that holds the noun the question names its answer by
            "Rina Sari menjadi dosen di Kota Baru sejak 2001, lama setelah lulus dari Universitas Lembah Hijau.",
            "Di universitas mana Rina Sari pernah kuliah?",
            "Universitas Lembah Hijau",
        ),
        (  # a span before the question's words counts too
            "Anna Berg met the press in Vienna, while Lars Dahl, the prime minister of Norway, stayed home.",
            "Who is the prime minister of Norway?",
            "Lars Dahl",
        ),
    ],
)
def test_the_span_nearest_the_question_words_is_named(sentence: str, question: str, span: str) -> None:
    q = analyse(question)
    slots = answer_slots(sentence, q.qtype, q.text, STOP)
    assert len(slots) >= 2 and slots[0].text != span  # the first span would be the wrong one
    assert _best_slot(slots, q, sentence).text == span


def test_without_the_question_words_the_first_span_leads() -> None:
    q = analyse("Who chaired the meeting?")
    sentence = "Anna Berg and Lars Dahl spoke first."
    slots = answer_slots(sentence, q.qtype, q.text, STOP)
    assert _best_slot(slots, q, sentence) == slots[0]
