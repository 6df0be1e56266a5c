"""The claim network's seed average (bot/dev/claim_net.py): one network whose logits are the members' mean."""

from __future__ import annotations

import numpy as np
import pytest

from bot.claims.model import ClaimModel, logits
from bot.dev.claim_net import averaged, fit_network


def _net(rng: np.random.Generator, n_in: int, hidden: int) -> list[tuple[np.ndarray, np.ndarray]]:
    return [
        (rng.normal(size=(n_in, hidden)), rng.normal(size=hidden)),
        (rng.normal(size=(hidden, 3)), rng.normal(size=3)),
    ]


def test_the_averaged_network_gives_the_mean_of_the_members_logits() -> None:
    rng = np.random.default_rng(0)
    nets = [_net(rng, 5, 8) for _ in range(3)]
    x = rng.normal(size=(20, 5))
    expected = np.mean([logits(n, x) for n in nets], axis=0)
    assert np.allclose(logits(averaged(nets), x), expected)
    assert averaged(nets[:1]) is nets[0]


def test_the_shipped_model_format_runs_an_averaged_network() -> None:
    rng = np.random.default_rng(1)
    layers = averaged([_net(rng, 4, 6) for _ in range(2)])
    model = ClaimModel(np.zeros(4, np.float32), np.ones(4, np.float32), layers, 0.5, 0.5, {})
    x = rng.normal(size=(7, 4)).astype(np.float32)
    back = ClaimModel.from_json(model.to_json())
    probs = back.probs(x)
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert (probs.argmax(axis=1) == logits(layers, x).argmax(axis=1)).all()


def test_fit_network_learns_a_separable_problem_and_averages_seeds() -> None:
    pytest.importorskip("sklearn")
    rng = np.random.default_rng(2)
    y = rng.integers(0, 3, size=3000)
    x = rng.normal(size=(3000, 3)) * 0.3 + np.eye(3)[y] * 2  # each class pushes its own feature up
    layers, tag, score = fit_network(x[:2000], y[:2000], x[2000:], y[2000:], hidden=8, seed=0, ensemble=3)
    assert score > 0.9
    assert "x3 seeds" in tag and layers[0][0].shape == (3, 24)
