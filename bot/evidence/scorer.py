"""The fitted evidence model: P(this sentence states the answer) and the abstention threshold.

Weights and the threshold are data (model.json beside this module), written by
bot/evidence/train.py from the external dev suites; nothing here is tuned by hand.
A missing or unreadable model file is an install error, not a silent fallback.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.errors import FactbotError
from bot.evidence.features import FEATURES

MODEL_PATH = Path(__file__).parent / "model.json"


@dataclass(frozen=True)
class EvidenceModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float  # below this best probability the answer is "not in the sources"
    meta: dict[str, object]

    def probability(self, feats: dict[str, float]) -> float:
        z = self.intercept
        for name, mu, sd, w in zip(self.features, self.mean, self.scale, self.coef, strict=True):
            z += w * (feats.get(name, 0.0) - mu) / (sd or 1.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(self.features),
                "mean": list(self.mean),
                "scale": list(self.scale),
                "coef": list(self.coef),
                "intercept": self.intercept,
                "threshold": self.threshold,
                "meta": self.meta,
            },
            indent=1,
        )


def parse(data: dict[str, object]) -> EvidenceModel:
    feats = tuple(str(f) for f in data["features"])  # type: ignore[attr-defined]
    unknown = set(feats) - set(FEATURES)
    if unknown:
        raise FactbotError(f"evidence model uses unknown features {sorted(unknown)}: retrain it")
    return EvidenceModel(
        features=feats,
        mean=tuple(float(x) for x in data["mean"]),  # type: ignore[attr-defined]
        scale=tuple(float(x) for x in data["scale"]),  # type: ignore[attr-defined]
        coef=tuple(float(x) for x in data["coef"]),  # type: ignore[attr-defined]
        intercept=float(data["intercept"]),  # type: ignore[arg-type]
        threshold=float(data["threshold"]),  # type: ignore[arg-type]
        meta=dict(data.get("meta") or {}),  # type: ignore[call-overload]
    )


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> EvidenceModel:
    try:
        return parse(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise FactbotError(f"cannot read the evidence model {path}: {exc}") from exc
