"""The CI gate: eval/thresholds.toml holds the floors (and ceilings) a run must keep.

Floors are set from what the system really reaches and raised as it improves,
so a failing gate always means something got worse, never that a hope was missed.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from bot.errors import BadInput


def load_thresholds(path: Path) -> dict[str, dict[str, float]]:
    if not path.is_file():
        raise BadInput(f"no such thresholds file: {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"{path}: bad TOML: {exc}") from None
    out: dict[str, dict[str, float]] = {"minimum": {}, "maximum": {}}
    for section in out:
        for key, value in (data.get(section) or {}).items():
            if not isinstance(value, int | float):
                raise BadInput(f"{path}: [{section}] {key} must be a number")
            out[section][key] = float(value)
    return out


def gate(metrics: dict[str, Any], thresholds: dict[str, dict[str, float]]) -> list[str]:
    """One line per broken threshold; a metric that could not be measured breaks its threshold too."""
    failures = []
    for key, floor in thresholds.get("minimum", {}).items():
        value = metrics.get(key)
        if value is None or value < floor:
            failures.append(f"{key} = {value} is below its minimum {floor}")
    for key, ceiling in thresholds.get("maximum", {}).items():
        value = metrics.get(key)
        if value is None or value > ceiling:
            failures.append(f"{key} = {value} is above its maximum {ceiling}")
    return failures
