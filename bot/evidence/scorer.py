"""The fitted evidence model, in two stages, and the abstention threshold.

1. The ranker gives each candidate sentence P(it states the answer).
2. The confidence model looks at the ranking as a whole (the best probability, its margin over the
   runner-up, how well the best sentence carries the question's words and names) and gives P(the best
   sentence is right). Below the threshold the answer is "not in the sources".

Weights and the threshold are data (model.json beside this module), written by
bot/dev/train_evidence.py from the external dev suites; nothing here is tuned by hand.
A missing or unreadable model file is an install error, not a silent fallback.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.errors import FactbotError
from bot.evidence.features import FEATURES

MODEL_PATH = Path(__file__).parent / "model.json"
CONFIDENCE_FEATURES = (
    "p_top",  # the ranker's probability for the best sentence
    "p_margin",  # ... minus the runner-up's
    "dense",  # the best sentence's own features
    "align_idf",
    "align_ctx",
    "focus",
    "names",
    "slot_miss",
    "typed",
    "n_strong",  # how many candidates the ranker gives at least 0.5
)


@dataclass(frozen=True)
class Linear:
    """Standardised logistic regression: P = sigmoid(b + sum w * (x - mean) / scale)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def probability(self, feats: dict[str, float]) -> float:
        z = self.intercept
        for name, mu, sd, w in zip(self.features, self.mean, self.scale, self.coef, strict=True):
            z += w * (feats.get(name, 0.0) - mu) / (sd or 1.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
        }

    @staticmethod
    def from_dict(data: dict[str, Any], known: tuple[str, ...]) -> Linear:
        feats = tuple(str(f) for f in data["features"])
        unknown = set(feats) - set(known)
        if unknown:
            raise FactbotError(f"evidence model uses unknown features {sorted(unknown)}: retrain it")
        return Linear(
            feats,
            tuple(float(x) for x in data["mean"]),
            tuple(float(x) for x in data["scale"]),
            tuple(float(x) for x in data["coef"]),
            float(data["intercept"]),
        )


@dataclass(frozen=True)
class EvidenceModel:
    ranker: Linear
    confidence: Linear
    threshold: float  # below this confidence the answer is "not in the sources"
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, feats: dict[str, float]) -> float:
        return self.ranker.probability(feats)

    def confident(self, ranked: list[tuple[float, dict[str, float]]]) -> float:
        """P(the best of these (probability, features) pairs, best first, is right)."""
        if not ranked:
            return 0.0
        return self.confidence.probability(confidence_features(ranked))

    def to_json(self) -> str:
        return json.dumps(
            {
                "ranker": self.ranker.to_dict(),
                "confidence": self.confidence.to_dict(),
                "threshold": self.threshold,
                "meta": self.meta,
            },
            indent=1,
        )


def confidence_features(ranked: list[tuple[float, dict[str, float]]]) -> dict[str, float]:
    p, best = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    out = {k: best.get(k, 0.0) for k in CONFIDENCE_FEATURES if k in best}
    out.update(p_top=p, p_margin=p - runner_up, n_strong=float(sum(1 for q, _ in ranked if q >= 0.5)))
    return out


def parse(data: dict[str, Any]) -> EvidenceModel:
    return EvidenceModel(
        ranker=Linear.from_dict(data["ranker"], FEATURES),
        confidence=Linear.from_dict(data["confidence"], CONFIDENCE_FEATURES),
        threshold=float(data["threshold"]),
        meta=dict(data.get("meta") or {}),
    )


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> EvidenceModel:
    try:
        return parse(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise FactbotError(f"cannot read the evidence model {path}: {exc}") from exc
