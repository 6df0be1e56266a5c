"""Build the facqa suite from IndoNLU FacQA (token lists with BIO answer labels).

    python eval/suites/facqa/build.py /tmp/factbot_raw/facqa
      (a folder holding train_preprocess.csv and valid_preprocess.csv from
       IndoNLP/indonlu dataset/facqa_qa-factoid-itb/)

dev comes from train_preprocess.csv, heldout from valid_preprocess.csv. Many
valid passages also occur in train, so a train passage is only eligible for dev
when it shares no 8-token run with any valid passage: no passage text is in both
splits. Passages are detokenized (no space before , . ) etc.) and grouped five to
a corpus file, separated by blank lines; besides the passages the questions are
about, other passages of the same split are mixed in as distractors.
"""

from __future__ import annotations

import ast
import csv
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from _common import category_id, item, reset, write_split  # noqa: E402

SUITE = "facqa"
SEED = 20250602
QUESTIONS_PER_SPLIT = 150
PASSAGES_PER_FILE = 5
PASSAGES_PER_SPLIT = 270  # the questions' passages plus other passages of the same split as distractors
NGRAM = 8

NO_SPACE_BEFORE = {",", ".", ")", "]", "}", ";", ":", "?", "!", "%", "...", "'s"}
NO_SPACE_AFTER = {"(", "[", "{"}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into text and return each token's (start, end) in it."""
    n = len(tokens)
    glue = [False] * (n + 1)  # glue[i]: no space between token i-1 and token i
    open_quote = False
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < n else ""
        if tok in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER:
            glue[i] = True
        if tok in {",", ".", ":", "/"} and re.search(r"\d$", prev) and re.match(r"\d", nxt):
            glue[i] = glue[i + 1] = True  # 3 , 5 -> 3,5 ; 22.091 . 039 -> 22.091.039 ; 7 : 55 -> 7:55
        if tok == "-" and (re.match(r"[a-z0-9]", nxt) or re.search(r"\d$", prev)):
            glue[i] = glue[i + 1] = True  # kupu - kupu -> kupu-kupu ; 1980 - an -> 1980-an ; GA - 181 -> GA-181
        if tok == "/":
            glue[i] = glue[i + 1] = True
        if tok == '"':
            if open_quote:
                glue[i] = True  # closing quote sticks to the word before
            else:
                glue[i + 1] = True  # opening quote sticks to the word after
            open_quote = not open_quote
    text, spans = "", []
    for i, tok in enumerate(tokens):
        if i and not glue[i]:
            text += " "
        spans.append((len(text), len(text) + len(tok)))
        text += tok
    return text, spans


def read_rows(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            q = ast.literal_eval(r["question"])
            p = ast.literal_eval(r["passage"])
            lab = ast.literal_eval(r["seq_label"])
            assert len(p) == len(lab), "passage and labels differ in length"
            rows.append({"q": q, "p": tuple(p), "lab": lab})
    return rows


def first_span(labels: list[str]) -> tuple[int, int] | None:
    """Token range [i, j) of the first B(-I*) run."""
    for i, lab in enumerate(labels):
        if lab == "B":
            j = i + 1
            while j < len(labels) and labels[j] == "I":
                j += 1
            return i, j
    return None


def ngrams(tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    low = tuple(t.lower() for t in tokens)
    return {low[i: i + NGRAM] for i in range(max(1, len(low) - NGRAM + 1))}


def question_text(tokens: list[str]) -> str:
    text, _ = detokenize(tokens)
    text = text.strip()
    if not text.endswith("?"):
        text += "?"
    return text


def build_split(split: str, rows: list[dict], rng: random.Random) -> tuple[dict[str, str], list[dict]]:
    # candidate questions: one labelled answer span (rows with several spans are left out as ambiguous)
    cands = [r for r in rows if sum(1 for x in r["lab"] if x == "B") == 1]
    rng.shuffle(cands)
    picked = cands[:QUESTIONS_PER_SPLIT]
    needed = sorted({r["p"] for r in picked}, key=lambda p: " ".join(p))
    others = sorted({r["p"] for r in rows} - set(needed), key=lambda p: " ".join(p))
    rng.shuffle(others)
    passages = needed + others[: max(0, PASSAGES_PER_SPLIT - len(needed))]
    rng.shuffle(passages)
    files: dict[str, str] = {}
    where: dict[tuple[str, ...], tuple[str, int, list[tuple[int, int]]]] = {}
    for k in range(0, len(passages), PASSAGES_PER_FILE):
        name = f"facqa-{split}-{k // PASSAGES_PER_FILE + 1:03d}.txt"
        text = ""
        for p in passages[k: k + PASSAGES_PER_FILE]:
            if text:
                text += "\n\n"
            body, spans = detokenize(list(p))
            where[p] = (name, len(text), spans)
            text += body
        files[name] = text + "\n"
    items = []
    for n, r in enumerate(picked, 1):
        name, base, spans = where[r["p"]]
        i, j = first_span(r["lab"])
        start, end = base + spans[i][0], base + spans[j - 1][1]
        answer = files[name][start:end]
        q = question_text(r["q"])
        items.append(item(SUITE, split, n, "id", q, [answer], name, start, category_id(q)))
    return files, items


def main(raw: str) -> None:
    folder = Path(raw)
    train = read_rows(folder / "train_preprocess.csv")
    valid = read_rows(folder / "valid_preprocess.csv")
    valid_grams = set().union(*(ngrams(r["p"]) for r in valid))
    dev_rows = [r for r in train if not (ngrams(r["p"]) & valid_grams)]
    rng = random.Random(SEED)
    reset(HERE)
    texts = {}
    for split, rows in (("dev", dev_rows), ("heldout", valid)):
        files, items = build_split(split, rows, rng)
        write_split(HERE, split, files, items)
        texts[split] = set(files.values())
        size = sum(len(t.encode("utf-8")) for t in files.values())
        cats: dict[str, int] = {}
        for it in items:
            cats[it["category"]] = cats.get(it["category"], 0) + 1
        print(f"{SUITE}/{split}: {len(rows)} eligible rows, {len(files)} files, {size} bytes, "
              f"{len(items)} items; categories {dict(sorted(cats.items()))}")
    dev_paras = {p for t in texts["dev"] for p in t.strip().split("\n\n")}
    held_paras = {p for t in texts["heldout"] for p in t.strip().split("\n\n")}
    assert not dev_paras & held_paras, "a passage is in both splits"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
