"""`factbot dev fit-claims`: thresholds and refutation gates chosen on dev scores (here, made-up cached scores)."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import pytest

from bot.claims.model import MODEL_PATH
from bot.dev import code_fingerprint
from bot.dev.fit_claims import GATES, fit_thresholds


def cached_scores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: list[list[object]]) -> Path:
    """A copy of the shipped model and a score cache for it, as `collect` would have written it."""
    model = tmp_path / "model.json"
    shutil.copy(MODEL_PATH, model)
    raw = json.loads(model.read_text())
    key = hashlib.sha1(json.dumps([raw["mean"], raw["layers"], GATES, code_fingerprint()]).encode()).hexdigest()[:12]
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / f"factbot-fit-{key}.json").write_text(json.dumps({"sample_dev": rows}))
    return model


def test_gates_only_keeps_the_thresholds_and_picks_the_gate_that_helps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # refute probabilities per gate: a not_enough_info claim is refuted unless the event gate (2 words) is on
    gated = [0.9 if ev < 2 else 0.0 for _, ev in GATES]
    rows: list[list[object]] = [
        ["not_enough_info", 0.1, gated, 0.5, [0.0] * len(GATES)],
        ["refuted", 0.1, [0.9] * len(GATES), 0.5, [0.0] * len(GATES)],
        ["supported", 0.9, [0.0] * len(GATES), 0.95, [1.0] * len(GATES)],
    ]
    model = cached_scores(tmp_path, monkeypatch, rows)
    before = json.loads(model.read_text())
    fit_thresholds(["sample_dev"], model, gates_only=True)
    after = json.loads(model.read_text())
    assert (after["support_threshold"], after["refute_threshold"]) == (
        before["support_threshold"],
        before["refute_threshold"],
    )
    assert after["meta"]["refute_min_event_words"] >= 2  # the only gates that leave the unrelated claim alone
    assert after["meta"]["thresholds_fitted_on"] == ["sample_dev"]
