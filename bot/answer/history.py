"""The history a follow-up question leans on: earlier turns, oldest first, validated the same way everywhere.

The web API, the chat page, Slack threads and Python callers all pass turns through parse_history, so a
bad history is refused alike (BadInput: a one-line 4xx on the web, exit 2 in the CLI) and its size is
bounded before any of it is read. Turns are data, never instructions.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.errors import BadInput

MAX_TURNS = 20
MAX_TURN_CHARS = 4000


class Turn(BaseModel):
    """One earlier message, oldest first: the user's question or claim, or factbot's reply (kind "answer")."""

    model_config = ConfigDict(extra="ignore")
    text: str = Field(min_length=1, max_length=MAX_TURN_CHARS, description="What was asked, claimed or answered.")
    kind: Literal["question", "claim", "answer"] = "question"

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value


def parse_history(raw: object) -> list[Turn]:
    """Validated turns; BadInput (one line) for anything else, so every surface refuses bad history alike."""
    if raw is None:
        return []
    if not isinstance(raw, list | tuple):
        raise BadInput('history must be a list of {"text", "kind"} turns, oldest first')
    if len(raw) > MAX_TURNS:
        raise BadInput(f"history has {len(raw)} turns; at most {MAX_TURNS} are accepted")
    turns = []
    for i, item in enumerate(raw):
        try:
            turns.append(item if isinstance(item, Turn) else Turn.model_validate(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = "".join(f".{x}" for x in err.get("loc", ()))
            raise BadInput(f"history[{i}]{where}: {err.get('msg', 'invalid')}") from None
    return turns
