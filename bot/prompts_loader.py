"""Read the LLM prompt templates (prompts/answer.txt, prompts/claim_judge.txt) wherever factbot runs.

The templates live in the top-level prompts/ folder, outside bot/. Reading them by a path relative to a
module (``Path(__file__).parents[2] / "prompts"``) only works in a source checkout or an editable
install: an installed wheel has no such folder, so LLM mode broke there. pyproject ships the folder as
the package ``bot.prompts`` (package-dir + package-data), and this module reads it with
importlib.resources, which works in a wheel, a zip or an editable install alike. A plain source checkout
on PYTHONPATH (nothing installed, e.g. running the tests) has no ``bot.prompts`` to import, so there
the folder next to bot/ is read instead.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from bot.errors import FactbotError

PACKAGE = "bot.prompts"
_CHECKOUT = Path(__file__).resolve().parent.parent / "prompts"


def find_prompt(name: str) -> Traversable:
    """The template file called `name` (e.g. "answer.txt"); FactbotError, one line, when there is none."""
    if not name or name != Path(name).name or name.startswith((".", "_")):
        raise FactbotError(f"prompt name {name!r} is not a plain file name like 'answer.txt'")
    try:
        folder: Traversable = resources.files(PACKAGE)
        where = f"package {PACKAGE}"
    except ModuleNotFoundError:
        folder, where = _CHECKOUT, f"{_CHECKOUT} (source checkout; {PACKAGE} is not installed)"
    found = folder.joinpath(name)
    if not found.is_file():
        raise FactbotError(f"prompt template {name!r} is missing from {where}; reinstall factbot")
    return found


def load_prompt(name: str) -> str:
    """The text of the prompt template `name`, read as UTF-8."""
    return find_prompt(name).read_text(encoding="utf-8")
