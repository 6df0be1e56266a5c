"""Build the squad2 suite from a SQuAD 2.0 TRAIN file (official JSON format).

    python eval/suites/squad2/build.py /tmp/factbot_raw/squad_train-v2.0_PhongNTDo.json

Articles are split between dev and heldout (never a question split across
articles); each article becomes one corpus file: its title, a blank line, then
the chosen paragraphs separated by blank lines. See README.md for the source.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from _common import SPLITS, category_en, dedupe, item, reset, slug, write_split  # noqa: E402

SUITE = "squad2"
SEED = 20250601
ARTICLES_PER_SPLIT = 25  # upper bound; fewer when the source file has fewer articles
PARAGRAPHS_PER_ARTICLE = 6
QUESTIONS_PER_SPLIT = 150
UNANSWERABLE_PER_SPLIT = 50  # about a third
UNANSWERABLE_POOL_MIN = 65  # add paragraphs (with unanswerable questions) until the pool reaches this


def has_impossible(article: dict) -> bool:
    return any(q.get("is_impossible") for p in article["paragraphs"] for q in p["qas"])


def assign_articles(articles: list[dict], rng: random.Random) -> dict[str, list[dict]]:
    """Deal articles alternately to dev and heldout, those with unanswerable questions first and separately,
    so that both splits get some."""
    imp = sorted((a for a in articles if has_impossible(a)), key=lambda a: a["title"])
    plain = sorted((a for a in articles if not has_impossible(a)), key=lambda a: a["title"])
    rng.shuffle(imp)
    rng.shuffle(plain)
    out: dict[str, list[dict]] = {s: [] for s in SPLITS}
    for group in (imp, plain):
        for i, a in enumerate(group):
            split = SPLITS[i % 2]
            if len(out[split]) < ARTICLES_PER_SPLIT:
                out[split].append(a)
    return out


def choose_paragraphs(articles: list[dict], rng: random.Random) -> dict[str, list[int]]:
    """PARAGRAPHS_PER_ARTICLE random paragraphs per article; then, while the split's pool of unanswerable
    questions is under UNANSWERABLE_POOL_MIN, one more paragraph that has some, round robin."""
    chosen: dict[str, list[int]] = {}
    for a in articles:
        idx = list(range(len(a["paragraphs"])))
        rng.shuffle(idx)
        chosen[a["title"]] = idx[:PARAGRAPHS_PER_ARTICLE]

    def pool() -> int:
        return sum(
            q.get("is_impossible", False)
            for a in articles
            for i in chosen[a["title"]]
            for q in a["paragraphs"][i]["qas"]
        )

    spare = {}
    for a in articles:
        rest = [i for i in range(len(a["paragraphs"])) if i not in chosen[a["title"]]
                and any(q.get("is_impossible") for q in a["paragraphs"][i]["qas"])]
        rng.shuffle(rest)
        spare[a["title"]] = rest
    while pool() < UNANSWERABLE_POOL_MIN and any(spare.values()):
        for a in articles:
            if spare[a["title"]] and pool() < UNANSWERABLE_POOL_MIN:
                chosen[a["title"]].append(spare[a["title"]].pop(0))
    return {t: sorted(ix) for t, ix in chosen.items()}


def build_split(split: str, articles: list[dict], rng: random.Random) -> tuple[dict[str, str], list[dict]]:
    chosen = choose_paragraphs(articles, rng)
    files: dict[str, str] = {}
    answerable, impossible = [], []
    for a in articles:
        title = a["title"].replace("_", " ")
        name = slug(a["title"]) + ".txt"
        text = title + "\n\n"
        for k, i in enumerate(chosen[a["title"]]):
            para = a["paragraphs"][i]
            if k:
                text += "\n\n"
            base = len(text)
            ctx = para["context"]
            text += ctx
            for q in para["qas"]:
                question = " ".join(q["question"].split())
                if not question:
                    continue
                if q.get("is_impossible"):
                    impossible.append((question, [], name, None, q["id"]))
                    continue
                good = [
                    x for x in q["answers"]
                    if ctx[x["answer_start"]: x["answer_start"] + len(x["text"])] == x["text"]
                ]
                if not good:
                    continue  # an answer whose offset does not hold in the source is left out
                answers = dedupe([x["text"] for x in good])
                start = base + next(x["answer_start"] for x in good if x["text"] == answers[0])
                answerable.append((question, answers, name, start, q["id"]))
        files[name] = text
    n_imp = min(UNANSWERABLE_PER_SPLIT, len(impossible))
    n_ans = min(QUESTIONS_PER_SPLIT - n_imp, len(answerable))
    picked = rng.sample(answerable, n_ans) + rng.sample(impossible, n_imp)
    rng.shuffle(picked)
    items = [
        item(SUITE, split, n, "en", qtext, answers, name, start, category_en(qtext))
        for n, (qtext, answers, name, start, _qid) in enumerate(picked, 1)
    ]
    return files, items


def main(raw: str) -> None:
    data = json.loads(Path(raw).read_text(encoding="utf-8"))
    assert str(data.get("version", "")).startswith("v2"), "expects a SQuAD 2.0 file"
    rng = random.Random(SEED)
    split_articles = assign_articles(data["data"], rng)
    assert not {a["title"] for a in split_articles["dev"]} & {a["title"] for a in split_articles["heldout"]}
    reset(HERE)
    for split in SPLITS:
        files, items = build_split(split, split_articles[split], rng)
        write_split(HERE, split, files, items)
        n_imp = sum(not it["answerable"] for it in items)
        size = sum(len(t.encode("utf-8")) for t in files.values())
        cats: dict[str, int] = {}
        for it in items:
            cats[it["category"]] = cats.get(it["category"], 0) + 1
        print(f"{SUITE}/{split}: {len(files)} articles, {size} bytes, {len(items)} items "
              f"({len(items) - n_imp} answerable, {n_imp} unanswerable); categories {dict(sorted(cats.items()))}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
