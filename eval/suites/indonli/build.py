"""Build the indonli claim suite from IndoNLI's validation split (premise / hypothesis / label).

    python eval/suites/indonli/build.py /tmp/nli/indonli_val.jsonl
      (data/indonli/val.jsonl of ir-nlp-csui/indonli)

Hypotheses become claims (entailment -> supported, contradiction -> refuted,
neutral -> not_enough_info) and premises become the corpus, five to a file
separated by blank lines, so retrieval has to find the right premise among
others. Premises are split into dev and heldout by premise_id (even / odd), so
no premise is in both; each split takes up to 100 claims per label. IndoNLI's
train split trains the claim model (bot/dev/train_claims.py); its test splits are
never read.
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from _common import SPLITS, claim_item, group_premises, reset, write_claim_split  # noqa: E402

SUITE = "indonli"
SEED = 20261206
PER_LABEL = 100
PER_FILE = 5
LABELS = {"e": "supported", "c": "refuted", "n": "not_enough_info"}


def main(raw: Path) -> None:
    rows = [json.loads(line) for line in raw.read_text(encoding="utf-8").splitlines() if line.strip()]
    reset(HERE)
    rng = random.Random(SEED)
    for split, parity in zip(SPLITS, (0, 1), strict=True):
        part = [r for r in rows if r["premise_id"] % 2 == parity]
        by_label: dict[str, list[dict]] = defaultdict(list)
        for r in part:
            by_label[LABELS[r["label"]]].append(r)
        chosen = []
        for label in LABELS.values():
            pool = by_label[label]
            rng.shuffle(pool)
            chosen += [(label, r) for r in pool[:PER_LABEL]]
        rng.shuffle(chosen)
        premises = sorted({r["premise_id"]: r["premise"] for _, r in chosen}.items())
        rng.shuffle(premises)
        files, where = group_premises([(pid, " ".join(p.split())) for pid, p in premises], PER_FILE)
        items = [
            claim_item(
                SUITE,
                split,
                n,
                "id",
                " ".join(r["hypothesis"].split()),
                label,
                where[r["premise_id"]],
                " ".join(r["premise"].split()),
                f"{r['annotator_type']}/{r['sentence_size']}",
            )
            for n, (label, r) in enumerate(chosen, 1)
        ]
        write_claim_split(HERE, split, files, items)
        print(f"{split}: {len(items)} claims, {len(files)} files, {len(premises)} premises")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
