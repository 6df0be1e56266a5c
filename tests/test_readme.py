"""README's "How it works" table names every part of bot/ and nothing that is gone."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _table() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## How it works")
    return text[start : text.index("\n## ", start + 3)]


def test_every_module_and_package_of_bot_is_in_the_table() -> None:
    table = _table()
    parts = [
        p.name
        for p in (ROOT / "bot").iterdir()
        if p.name not in {"__init__.py", "py.typed", "__pycache__"} and (p.is_dir() or p.suffix == ".py")
    ]
    missing = [name for name in parts if f"bot/{name}" not in table]
    assert not missing, f"README's How it works table does not mention: {missing}"


def test_every_path_in_the_table_exists() -> None:
    paths = re.findall(r"`(bot/[\w/.]+)`", _table())
    assert paths
    assert [p for p in paths if not (ROOT / p.rstrip("/")).exists()] == []
