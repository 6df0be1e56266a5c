"""Build the cross-lingual word-alignment pairs from TALPCo (English and Indonesian translations of the same
Japanese sentences).

    python eval/lexicon/build.py /tmp/talpco/data_eng.txt /tmp/talpco/data_ind.txt
      (eng/data_eng.txt and ind/data_ind.txt of matbahasa/TALPCo @ eb47462, CC BY 4.0)

Writes pairs.dev.jsonl and pairs.heldout.jsonl: {"id", "en", "id_text"}, split by
the sentence id's CRC32 parity. TALPCo has no train/test split of its own; dev
chooses the lexicon's settings (bot/dev/build_lexicon.py --senses), heldout only reports.
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, text = line.partition("\t")
        if key.strip() and text.strip():
            out[key.strip()] = " ".join(text.split())
    return out


def main(eng: Path, ind: Path) -> None:
    en, idn = read(eng), read(ind)
    keys = sorted(set(en) & set(idn), key=int)
    for split, parity in (("dev", 0), ("heldout", 1)):
        rows = [{"id": k, "en": en[k], "id_text": idn[k]} for k in keys if zlib.crc32(k.encode()) % 2 == parity]
        path = HERE / f"pairs.{split}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{split}: {len(rows)} pairs -> {path.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
