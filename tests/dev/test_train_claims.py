"""Cross-lingual training pairs of bot/dev/train_claims.py: labels and shapes, on a miniature translation set
(the real one is eval/lexicon/pairs.dev.jsonl) with a deterministic fake embedder."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from bot.dev.news_pairs import toggle_negation
from bot.dev.train_claims import rendered_pairs, translated_pairs

PAIRS = [
    {"id": "1", "en": "Mr Tanaka is not a student.", "id_text": "Pak Tanaka bukan murid."},
    {"id": "2", "en": "It was sunny in Tokyo.", "id_text": "Tokyo cerah."},
    {"id": "3", "en": "There is no school.", "id_text": "Sekolah sedang libur."},
]


class FakeEmbedder:
    """Vectors from the pair index, so "the most similar other sentence" is known in advance."""

    def __init__(self) -> None:
        self.index = {t: i for i, p in enumerate(PAIRS) for t in (p["en"], p["id_text"])}

    def get(self, texts: list[str], kind: str) -> np.ndarray:
        table = np.asarray([[1.0, 0.2, 0.0], [0.2, 1.0, 0.6], [0.0, 0.6, 1.0]], dtype=np.float32)
        return np.stack([table[self.index[t]] for t in texts])


def test_toggle_negation_both_ways_and_none_without_a_simple_flip() -> None:
    assert toggle_negation("Mr Tanaka is not a student.") == "Mr Tanaka is a student."
    assert toggle_negation("It was sunny in Tokyo.") == "It was not sunny in Tokyo."
    assert toggle_negation("I can't swim.") == "I can swim."
    assert toggle_negation("There is no school.") is None
    assert toggle_negation("She runs fast.") is None


def test_translated_pairs_labels(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in PAIRS), encoding="utf-8")
    rows = translated_pairs(path, FakeEmbedder())  # type: ignore[arg-type]
    # a sentence and its translation support each other, both ways
    assert ("Tokyo cerah.", "It was sunny in Tokyo.", 0) in rows
    assert ("It was sunny in Tokyo.", "Tokyo cerah.", 0) in rows
    # against the most similar *other* sentence: not enough info (pair 2's nearest other is pair 3)
    assert ("Sekolah sedang libur.", "It was sunny in Tokyo.", 1) in rows
    # the negation flipped: refuted by the translation
    assert ("Pak Tanaka bukan murid.", "Mr Tanaka is a student.", 2) in rows
    assert not any(h == "There is not no school." for _, h, _ in rows)
    assert {y for _, _, y in rows} == {0, 1, 2}


def test_rendered_pairs_keep_label_and_hypothesis() -> None:
    rows = [("A man is playing a guitar", "A man is not playing a guitar", 2)] * 20
    out = rendered_pairs(rows, 0.5)
    assert 0 < len(out) < 20
    premise, hyp, label = out[0]
    assert hyp == "A man is not playing a guitar" and label == 2
    assert "gitar" in premise  # rendered into Indonesian through the shared lexicon
