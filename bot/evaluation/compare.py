"""Compare a report with the previous one in the same folder: metric deltas and items that flipped.

A single number going up can hide individual regressions; listing the items
that went pass -> fail is what tells the team what a change broke.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.evaluation.metrics import METRIC_KEYS

# For these, lower is better; everything else, higher is better.
LOWER_IS_BETTER = frozenset({"false_abstention", "latency_p50_ms", "latency_p95_ms"})


def load_previous(out_dir: Path) -> dict[str, Any] | None:
    path = out_dir / "report.json"
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, OSError):
        return None
    return data if isinstance(data, dict) and "metrics" in data else None


def archive_previous(out_dir: Path, previous: dict[str, Any]) -> Path:
    """Keep the old report under history/ so the trend is never lost."""
    stamp = str(previous.get("meta", {}).get("created", "unknown")).replace(":", "").replace("+", "_")
    dest = out_dir / "history" / f"report-{stamp}.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(previous, ensure_ascii=False, indent=2), encoding="utf-8")
    return dest


def compare(previous: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    deltas = []
    for key in METRIC_KEYS:
        old, new = previous.get("metrics", {}).get(key), current.get("metrics", {}).get(key)
        if old is None and new is None:
            continue
        delta = None if old is None or new is None else round(new - old, 4)
        better = None
        if delta:
            better = (delta < 0) if key in LOWER_IS_BETTER else (delta > 0)
        deltas.append({"metric": key, "previous": old, "current": new, "delta": delta, "better": better})
    old_items = {i["id"]: i for i in previous.get("items", [])}
    new_items = {i["id"]: i for i in current.get("items", [])}
    flipped_to_fail: list[dict[str, Any]] = []
    flipped_to_pass: list[dict[str, Any]] = []
    for ident, item in new_items.items():
        old = old_items.get(ident)
        if old is None or bool(old.get("passed")) == bool(item.get("passed")):
            continue
        row = {
            "id": ident,
            "category": item.get("category"),
            "text": item.get("text"),
            "was": old.get("got"),
            "now": item.get("got"),
            "reasons": item.get("reasons", []),
        }
        (flipped_to_pass if item.get("passed") else flipped_to_fail).append(row)
    return {
        "previous_created": previous.get("meta", {}).get("created"),
        "previous_commit": previous.get("meta", {}).get("commit"),
        "deltas": deltas,
        "flipped_to_fail": flipped_to_fail,
        "flipped_to_pass": flipped_to_pass,
        "added_items": sorted(set(new_items) - set(old_items)),
        "removed_items": sorted(set(old_items) - set(new_items)),
    }
