"""How well the EN->ID lexicon aligns an English sentence's words to its Indonesian translation, and how rarely
to an unrelated sentence (TALPCo pairs; build with eval/lexicon/build.py).

    python eval/lexicon/check.py --split dev [LEXICON.json ...]   (default: the shipped bot/text/lexicon.json)

For each English sentence: coverage = share of its content words that bot.evidence.align finds in the
Indonesian text. Reported: mean coverage on the translation, mean coverage on 5 other sentences of the split
(false alignments), and AUC = chance that the translation is covered more than another sentence (ties half).
"none" is the baseline with an empty lexicon (stems, shared prefixes and CLDR place names only).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.evidence import align as align_mod  # noqa: E402
from bot.text import tokens  # noqa: E402

OTHERS = 5
SEED = 20261206


def use(path: Path) -> None:
    tokens.LEXICON_PATH = path
    for fn in (tokens._tables, tokens.phrases_in, align_mod._variants, align_mod._compound_patterns):
        fn.cache_clear()


def measure(rows: list[dict[str, str]]) -> dict[str, float]:
    rng = random.Random(SEED)
    pos, neg, wins = [], [], 0.0
    n = 0
    for i, r in enumerate(rows):
        if not align_mod.content_words(r["en"]):
            continue
        p = align_mod.align(r["en"], r["id_text"]).coverage
        others = rng.sample([j for j in range(len(rows)) if j != i], OTHERS)
        for j in others:
            q = align_mod.align(r["en"], rows[j]["id_text"]).coverage
            neg.append(q)
            wins += 1.0 if p > q else 0.5 if p == q else 0.0
        pos.append(p)
        n += 1
    return {
        "pairs": n,
        "coverage_translation": round(sum(pos) / len(pos), 3),
        "coverage_other": round(sum(neg) / len(neg), 3),
        "auc": round(wins / len(neg), 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=("dev", "heldout"))
    ap.add_argument("lexicons", nargs="*", type=Path)
    args = ap.parse_args()
    rows = [json.loads(x) for x in (Path(__file__).parent / f"pairs.{args.split}.jsonl").read_text().splitlines()]
    empty = Path(tempfile.mkdtemp()) / "none.json"
    empty.write_text("{}", encoding="utf-8")
    for path in [empty, *(args.lexicons or [tokens.LEXICON_PATH])]:
        use(path)
        print(json.dumps({"lexicon": path.stem, "split": args.split, **measure(rows)}))


if __name__ == "__main__":
    main()
