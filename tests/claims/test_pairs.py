"""Typed differences between a claim and a passage: what the claim model is told, independent of any corpus."""

from __future__ import annotations

import numpy as np

from bot.claims.pairs import LEXICAL, lexical_features, pair_vector

EV = "Basis data dilisensikan kepada puluhan ribu distributor dan pengecer untuk sistem penjualan."


def f(claim: str, evidence: str = EV) -> dict[str, float]:
    return lexical_features(claim, evidence, cos=0.9)


def test_negation_parity_in_both_languages() -> None:
    assert f("Basis data tidak dilisensikan kepada distributor.")["neg_differs"] == 1.0
    assert f("Basis data dilisensikan kepada distributor.")["neg_differs"] == 0.0
    en = "The council approved the budget."
    assert f("The council did not approve the budget.", en)["neg_differs"] == 1.0
    assert f("The council didn't approve the budget.", en)["neg_differs"] == 1.0
    assert f("The council never approved the budget.", en)["neg_claim"] == 1.0


def test_word_forms_align_so_coverage_is_full() -> None:
    # "accelerating" / "accelerated": the same word in another form is not a missing word
    feats = f("sea-level rise is accelerating", "Scientists detected accelerated sea-level rise.")
    assert feats["cov"] == 1.0 and feats["missing"] == 0.0
    assert f("Basis data dilisensikan kepada puluhan ribu distributor.")["cov"] == 1.0


def test_numbers_with_units_agree_or_conflict() -> None:
    ev = "The talks lasted about two hours, twice as long as planned."
    assert f("The talks lasted 2 hours.", ev)["num_agree"] == 1.0
    assert f("The talks lasted three hours.", ev)["num_conflict"] == 1.0
    assert f("The vote was 9 to 2.", "The vote was 7 to 2.")["num_conflict"] == 1.0


def test_dates_names_and_stronger_wording() -> None:
    ev = "The two leaders met in Vladivostok on 25 April 2019."
    assert f("The two leaders met on 26 April 2019.", ev)["date_conflict"] == 1.0
    assert f("The two leaders met in Hanoi in 2019.", ev)["names_missing"] == 1.0
    assert f("The two leaders met in Vladivostok in 2019.", ev)["names_missing"] == 0.0
    assert f("Only the two leaders met in Vladivostok.", ev)["exclusive_added"] == 1.0
    assert f("The plant will close.", "The plant may close, officials said.")["hedge_dropped"] == 1.0


def test_pair_vector_layout() -> None:
    rng = np.random.default_rng(0)
    u, v = rng.normal(size=8).astype(np.float32), rng.normal(size=8).astype(np.float32)
    assert pair_vector("a", "a", u, v).shape == (len(LEXICAL),)  # the shipped model: no dense part
    x = pair_vector("The vote was 7 to 2.", "The vote was 7 to 2.", u, v, dense=True)
    assert x.shape == (len(LEXICAL) + 16,)
    assert x[0] == np.float32(np.dot(u, v))  # cos comes first
    assert np.allclose(x[len(LEXICAL) : len(LEXICAL) + 8], u * v) and np.allclose(x[-8:], np.abs(u - v))


def test_a_passage_lacking_a_name_refutes_only_when_it_says_the_same_event() -> None:
    """The judge's gates (bot/claims/learned.py `_gated`), on pair features as lexical_features gives them."""
    from bot.claims.learned import _gate_inputs, _gated

    def _refutable(lex: list[dict[str, float]], refute: np.ndarray, gates: dict[str, float]) -> np.ndarray:
        return _gated(_gate_inputs(lex), refute, gates)

    other_event = lexical_features(
        "Kim met Putin.", "Kim met Trump, the former president, in Singapore in June 2018.", 0.8
    )
    same_event = lexical_features(
        "At the cosmodrome, Trump greeted Kim with a firm handshake lasting about 40 seconds.",
        "At the cosmodrome, Putin greeted Kim with a firm handshake lasting about 40 seconds.",
        0.9,
    )
    figure = lexical_features("Kim met Putin for 30 minutes.", "Kim met Putin for 45 minutes.", 0.8)
    # a figure about another meeting (other people) refutes nothing: "for 45 minutes" was Kim and Trump's
    elsewhere = lexical_features("Kim met Putin for 30 minutes.", "Kim met Trump for 45 minutes.", 0.8)
    dated = lexical_features("Rapat itu digelar pada hari Selasa.", "Rapat itu digelar pada hari Rabu.", 0.8)
    assert other_event["names_missing"] > 0 and other_event["event_aligned"] < 2
    assert same_event["names_missing"] > 0 and same_event["event_aligned"] >= 4
    probs = np.asarray([0.9, 0.9, 0.9])
    gates = {"refute_min_coverage": 0.0, "refute_min_event_words": 2}
    assert _refutable([other_event, same_event, figure], probs, gates).tolist() == [0.0, 0.9, 0.9]
    assert _refutable([elsewhere, dated], probs[:2], gates).tolist() == [0.0, 0.9]  # a weekday names no one
    assert _refutable([other_event], probs[:1], {}).tolist() == [0.9]  # no gates: the model alone decides
    assert _refutable([other_event], probs[:1], {"refute_min_coverage": 1.01}).tolist() == [0.0]
