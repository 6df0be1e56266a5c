"""Build the sick claim suite from SICK's TRIAL part (English sentence pairs with entailment labels).

    python eval/suites/sick/build.py /tmp/nli/SICK.txt
      (SICK.txt of kkalouli/SICK-processing)

sentence_A is the premise, sentence_B the claim (ENTAILMENT -> supported,
CONTRADICTION -> refuted, NEUTRAL -> not_enough_info). Only the TRIAL pairs are
used here, split into dev and heldout by sentence_A so no premise is in both;
premises go five to a corpus file. SICK's TRAIN part trains the claim model
(bot/dev/train_claims.py); its TEST part is never read.
"""

from __future__ import annotations

import csv
import random
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from _common import SPLITS, claim_item, group_premises, reset, write_claim_split  # noqa: E402

SUITE = "sick"
SEED = 20261206
PER_FILE = 5
LABELS = {"ENTAILMENT": "supported", "CONTRADICTION": "refuted", "NEUTRAL": "not_enough_info"}


def main(raw: Path) -> None:
    with raw.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["SemEval_set"] == "TRIAL"]
    reset(HERE)
    rng = random.Random(SEED)
    for split, parity in zip(SPLITS, (0, 1), strict=True):
        part = [r for r in rows if zlib.crc32(r["sentence_A"].encode()) % 2 == parity]
        rng.shuffle(part)
        premises = sorted({r["sentence_A"].strip() for r in part})
        rng.shuffle(premises)
        files, where = group_premises([(p, p.rstrip(".") + ".") for p in premises], PER_FILE)
        items = [
            claim_item(
                SUITE,
                split,
                n,
                "en",
                r["sentence_B"].strip(),
                LABELS[r["entailment_label"]],
                where[r["sentence_A"].strip()],
                r["sentence_A"].strip().rstrip("."),
                "trial",
            )
            for n, r in enumerate(part, 1)
        ]
        write_claim_split(HERE, split, files, items)
        print(f"{split}: {len(items)} claims, {len(files)} files, {len(premises)} premises")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
