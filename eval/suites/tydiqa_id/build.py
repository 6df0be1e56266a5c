"""Build the tydiqa_id suite from the Indonesian part of TyDi QA GoldP v1.1 (dev split, SQuAD-style JSON).

    python eval/suites/tydiqa_id/build.py /tmp/factbot_raw/indonesian_tydiqa_dev.json

Wikipedia titles are split between dev and heldout (never a question split
across titles). Each title becomes one corpus file: the title, a blank line,
then its gold passages separated by blank lines. Every passage of a split's
titles is written, also those whose question was not sampled (distractors).
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from _common import SPLITS, category_id, dedupe, item, reset, slug, write_split  # noqa: E402

SUITE = "tydiqa_id"
SEED = 20250603
QUESTIONS_PER_SPLIT = 150


def main(raw: str) -> None:
    data = json.loads(Path(raw).read_text(encoding="utf-8"))["data"]
    by_title: dict[str, list[dict]] = defaultdict(list)
    seen_ids = set()
    for art in data:
        for para in art["paragraphs"]:
            qas = [q for q in para["qas"] if q["id"] not in seen_ids]
            assert all(q["id"].startswith("indonesian-") for q in qas), "expects the Indonesian part only"
            seen_ids.update(q["id"] for q in qas)
            if qas:
                by_title[art["title"]].append({"context": para["context"], "qas": qas})
    titles = sorted(by_title)
    rng = random.Random(SEED)
    rng.shuffle(titles)
    half = len(titles) // 2
    split_titles = {"dev": sorted(titles[:half]), "heldout": sorted(titles[half:])}
    reset(HERE)
    for split in SPLITS:
        files: dict[str, str] = {}
        pool = []
        used_names: set[str] = set()
        for title in split_titles[split]:
            name = slug(title) + ".txt"
            k = 2
            while name in used_names:  # two titles with the same ASCII slug
                name = f"{slug(title)}_{k}.txt"
                k += 1
            used_names.add(name)
            text = title + "\n\n"
            contexts_done: dict[str, int] = {}
            for para in by_title[title]:
                ctx = para["context"]
                if ctx not in contexts_done:  # the same passage can carry several questions
                    if not text.endswith("\n\n"):
                        text += "\n\n"
                    contexts_done[ctx] = len(text)
                    text += ctx
                base = contexts_done[ctx]
                for q in para["qas"]:
                    good = [
                        a for a in q["answers"]
                        if a["text"] and ctx[a["answer_start"]: a["answer_start"] + len(a["text"])] == a["text"]
                    ]
                    if not good:
                        continue
                    answers = dedupe([a["text"] for a in good])
                    start = base + next(a["answer_start"] for a in good if a["text"] == answers[0])
                    question = " ".join(q["question"].split())
                    pool.append((question, answers, name, start))
            files[name] = text + "\n"
        picked = rng.sample(pool, min(QUESTIONS_PER_SPLIT, len(pool)))
        items = [
            item(SUITE, split, n, "id", qtext, answers, name, start, category_id(qtext))
            for n, (qtext, answers, name, start) in enumerate(picked, 1)
        ]
        write_split(HERE, split, files, items)
        size = sum(len(t.encode("utf-8")) for t in files.values())
        cats: dict[str, int] = {}
        for it in items:
            cats[it["category"]] = cats.get(it["category"], 0) + 1
        print(f"{SUITE}/{split}: {len(split_titles[split])} titles, {size} bytes, {len(pool)} questions in pool, "
              f"{len(items)} items; categories {dict(sorted(cats.items()))}")
    assert not set(split_titles["dev"]) & set(split_titles["heldout"])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
