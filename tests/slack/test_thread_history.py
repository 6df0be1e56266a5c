"""A thread's earlier messages as follow-up history: questions addressed to the bot, its answers, no chatter."""

from __future__ import annotations

import json

from bot.models import Answer
from bot.slack.blocks import answer_blocks
from bot.slack.routes import thread_history


def test_thread_history_keeps_questions_and_answers_before_the_mention() -> None:
    messages = [
        {"ts": "100.1", "user": "U1", "text": "<@UBOT> who said the harbour bridge will close?"},
        {"ts": "100.2", "bot_id": "B1", "text": "Maria Lindqvist said it [1]: “…”"},
        {"ts": "100.3", "user": "U2", "text": "thanks, interesting"},  # chatter: no mention
        {"ts": "100.4", "user": "U1", "text": "<@UBOT> check: Lindqvist runs the port"},
        {"ts": "100.5", "user": "U1", "text": "<@UBOT> when was that said?"},  # the mention being answered
        {"ts": "100.6", "user": "U3", "text": "<@UBOT> later message"},
    ]
    assert thread_history(messages, "100.5") == [
        {"text": "who said the harbour bridge will close?", "kind": "question"},
        {"text": "Maria Lindqvist said it [1]: “…”", "kind": "answer"},
        {"text": "Lindqvist runs the port", "kind": "claim"},
    ]


def test_thread_history_is_bounded() -> None:
    messages = [{"ts": f"{i}.0", "user": "U1", "text": f"<@UBOT> question {i}?" + "x" * 9000} for i in range(1, 40)]
    turns = thread_history(messages, "99.0")
    assert len(turns) == 20 and all(len(t["text"]) <= 4000 for t in turns)


def test_blocks_say_what_a_follow_up_was_read_as() -> None:
    ans = Answer(query="when?", status="not_found", answer="-", resolved_query="When did <Maria> say it?")
    _, blocks = answer_blocks(ans)
    assert "read as" in json.dumps(blocks) and "&lt;Maria&gt;" in json.dumps(blocks)
