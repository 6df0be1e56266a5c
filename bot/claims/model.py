"""The shipped claim model: a small softmax network over pair features, run with numpy only.

bot/claims/model.json holds the input standardisation, the layers, the class
order and the verdict thresholds, all fitted by bot/dev/train_claims.py on public
NLI train splits (thresholds on the dev suites); nothing is fitted at run time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PATH = Path(__file__).parent / "model.json"
CLASSES = ("supported", "not_enough_info", "refuted")


def logits(layers: list[tuple[np.ndarray, np.ndarray]], x: np.ndarray) -> np.ndarray:
    """The network's output before softmax for standardised inputs `x`: relu between layers."""
    h = x
    for i, (w, b) in enumerate(layers):
        h = h @ w + b
        if i < len(layers) - 1:
            h = np.maximum(h, 0.0)
    return h


@dataclass
class ClaimModel:
    mean: np.ndarray
    scale: np.ndarray
    layers: list[tuple[np.ndarray, np.ndarray]]  # (W: in x out, b: out); relu between, softmax at the end
    support_threshold: float
    refute_threshold: float
    meta: dict[str, Any]

    def probs(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities (rows: pairs; columns: CLASSES)."""
        h = logits(self.layers, (np.atleast_2d(x).astype(np.float32) - self.mean) / self.scale)
        h = h - h.max(axis=1, keepdims=True)
        e = np.exp(h)
        return e / e.sum(axis=1, keepdims=True)  # type: ignore[no-any-return]

    def to_json(self) -> dict[str, Any]:
        return {
            "classes": list(CLASSES),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "layers": [{"W": w.round(5).tolist(), "b": b.round(5).tolist()} for w, b in self.layers],
            "support_threshold": self.support_threshold,
            "refute_threshold": self.refute_threshold,
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ClaimModel:
        if tuple(data["classes"]) != CLASSES:
            raise ValueError(f"claim model classes {data['classes']} are not {CLASSES}")
        return cls(
            mean=np.asarray(data["mean"], dtype=np.float32),
            scale=np.asarray(data["scale"], dtype=np.float32),
            layers=[
                (np.asarray(layer["W"], dtype=np.float32), np.asarray(layer["b"], dtype=np.float32))
                for layer in data["layers"]
            ],
            support_threshold=float(data["support_threshold"]),
            refute_threshold=float(data["refute_threshold"]),
            meta=dict(data.get("meta", {})),
        )


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> ClaimModel:
    return ClaimModel.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
