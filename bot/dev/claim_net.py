"""The claim model's network, chosen on dev pairs and optionally averaged over seeds (for train_claims).

One MLP's verdicts move with its random seed: on the three dev claim sets a retrain alone shifted end-to-end
balanced accuracy by up to 0.03 (eval/README.md). Averaging the logits of several networks trained with
different seeds steadies that. The average of N one-hidden-layer networks over the same standardised input is
itself one network (their hidden units side by side, output weights divided by N), so the shipped file and
bot/claims/model.py stay as they are.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np

from bot.claims.model import CLASSES, logits

Layers = list[tuple[np.ndarray, np.ndarray]]


def balanced_accuracy(y: np.ndarray, pred: np.ndarray) -> float:
    return float(np.mean([np.mean(pred[y == c] == c) for c in range(len(CLASSES)) if np.any(y == c)]))


def _candidate(size: tuple[int, ...], alpha: float, seed: int) -> Any:
    if not size:
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=1 / (alpha * 100), max_iter=2000, class_weight="balanced")
    from sklearn.neural_network import MLPClassifier

    return MLPClassifier(hidden_layer_sizes=size, alpha=alpha, max_iter=300, random_state=seed, early_stopping=True)


def _layers(clf: Any) -> Layers:
    if hasattr(clf, "coefs_"):
        return [(np.asarray(w), np.asarray(b)) for w, b in zip(clf.coefs_, clf.intercepts_, strict=True)]
    return [(np.asarray(clf.coef_).T, np.asarray(clf.intercept_))]


def averaged(nets: list[Layers]) -> Layers:
    """One network whose logits are the mean of `nets`' logits (each: one hidden layer, same input)."""
    if len(nets) == 1:
        return nets[0]
    w1 = np.concatenate([n[0][0] for n in nets], axis=1)
    b1 = np.concatenate([n[0][1] for n in nets])
    w2 = np.concatenate([n[1][0] for n in nets], axis=0) / len(nets)
    b2 = np.mean([n[1][1] for n in nets], axis=0)
    return [(w1, b1), (w2, b2)]


def fit_network(
    x: np.ndarray, y: np.ndarray, xd: np.ndarray, yd: np.ndarray, hidden: int | None, seed: int, ensemble: int = 1
) -> tuple[Layers, str, float]:
    """(layers, description, dev pair balanced accuracy) of the best size and regularisation on the dev pairs
    (`x`, `xd` standardised already); `hidden` fixes the size (0: logistic regression, None: choose); with
    `ensemble` > 1 the chosen setting is trained with that many seeds and averaged (one hidden layer only)."""
    best: tuple[float, Any, tuple[int, ...], float] | None = None
    sizes = [((hidden,) if hidden else ())] if hidden is not None else [(), (64,), (128,)]
    for size in sizes:
        for alpha in (1e-3, 1e-2, 1e-1):
            clf = _candidate(size, alpha, seed).fit(x, y)
            score = balanced_accuracy(yd, clf.predict(xd))
            print(f"hidden={size or 'none'} alpha={alpha}: dev pair balanced accuracy {score:.3f}", file=sys.stderr)
            if best is None or score > best[0]:
                best = (score, clf, size, alpha)
    assert best is not None
    score, clf, size, alpha = best
    tag = f"hidden={size or 'none'} alpha={alpha}"
    if ensemble <= 1 or len(size) != 1:
        return _layers(clf), tag, score
    nets = [_layers(clf)] + [_layers(_candidate(size, alpha, seed + k).fit(x, y)) for k in range(1, ensemble)]
    layers = averaged(nets)
    score = balanced_accuracy(yd, logits(layers, xd).argmax(axis=1))
    print(f"{tag}, {ensemble} seeds averaged: dev pair balanced accuracy {score:.3f}", file=sys.stderr)
    return layers, f"{tag} x{ensemble} seeds", score
