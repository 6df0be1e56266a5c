"""Shared helpers for the external QA suite builders (eval/suites/*/build.py).

Every builder writes, under its own folder:
  corpus/dev/*.txt, corpus/heldout/*.txt, items.dev.jsonl, items.heldout.jsonl
and checks that each answerable item's answer_start points at answers[0] in the
text of the file it names. Standard library only, so a builder runs anywhere.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

SPLITS = ("dev", "heldout")


def slug(text: str, maxlen: int = 60) -> str:
    """ASCII file-name stem: 'Frédéric_Chopin' -> 'Frederic_Chopin'."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    t = re.sub(r"[^A-Za-z0-9]+", "_", t).strip("_")
    return (t[:maxlen].rstrip("_") or "doc")


def reset(folder: Path) -> None:
    """Remove what a previous build wrote (corpus/ and items.*.jsonl), nothing else."""
    shutil.rmtree(folder / "corpus", ignore_errors=True)
    for split in SPLITS:
        (folder / f"items.{split}.jsonl").unlink(missing_ok=True)
    for split in SPLITS:
        (folder / "corpus" / split).mkdir(parents=True, exist_ok=True)


def _write_corpus(corpus: Path, files: dict[str, str]) -> None:
    for name, text in files.items():  # dict keys: names are unique by construction
        (corpus / name).write_text(text, encoding="utf-8")


def write_split(folder: Path, split: str, files: dict[str, str], items: list[dict]) -> None:
    """Write the corpus files and the items of one split, after checking every offset."""
    corpus = folder / "corpus" / split
    _write_corpus(corpus, files)
    ids = set()
    with open(folder / f"items.{split}.jsonl", "w", encoding="utf-8") as out:
        for it in items:
            assert it["id"] not in ids, f"duplicate id {it['id']}"
            ids.add(it["id"])
            assert it["split"] == split
            rel = it["file"]
            assert rel.startswith(f"corpus/{split}/"), rel
            name = rel.split("/")[-1]
            assert name in files, f"{it['id']}: {rel} not written"
            if it["answerable"]:
                a0, st = it["answers"][0], it["answer_start"]
                assert isinstance(st, int), it["id"]
                got = files[name][st : st + len(a0)]
                assert got == a0, f"{it['id']}: offset {st} gives {got!r}, not {a0!r}"
            else:
                assert it["answers"] == [] and it["answer_start"] is None, it["id"]
            out.write(json.dumps(it, ensure_ascii=False) + "\n")
    # the written bytes read back the same (no newline translation)
    for name, text in files.items():
        assert (corpus / name).read_text(encoding="utf-8") == text


def item(suite: str, split: str, n: int, lang: str, question: str, answers: list[str], file: str,
         answer_start: int | None, category: str) -> dict:
    return {
        "id": f"{suite}-{split}-{n:04d}",
        "suite": suite,
        "split": split,
        "lang": lang,
        "question": question,
        "answerable": bool(answers),
        "answers": answers,
        "file": f"corpus/{split}/{file}",
        "answer_start": answer_start,
        "category": category,
    }


def dedupe(xs: list[str]) -> list[str]:
    seen, out = set(), []
    for x in xs:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def category_en(question: str) -> str:
    """Coarse question type from the first wh-phrase ('how many/much' wins wherever it is)."""
    q = " " + re.sub(r"[^\w\s]", " ", question.lower()) + " "
    if re.search(r" how (many|much) ", q):
        return "how_many"
    rules = [
        ("when", r" (when|what year|which year|what century|which century|what decade|what date|what day|what month|what time) "),
        ("where", r" (where|what city|which city|what country|which country|what state|which state|what place|what region|which region) "),
        ("who", r" (who|whom|whose) "),
        ("why", r" why "),
        ("how", r" how "),
        ("what", r" (what|which) "),
    ]
    best, pos = "other", len(q) + 1
    for cat, pat in rules:
        m = re.search(pat, q)
        if m and m.start() < pos:
            best, pos = cat, m.start()
    return best


def category_id(question: str) -> str:
    q = " " + re.sub(r"[^\w\s]", " ", question.lower()) + " "
    if re.search(r" (kapan|kapankah|bilamana) ", q) or re.search(r" (tahun|tanggal|bulan|hari|abad) (berapa|apa|apakah|berapakah) ", q):
        return "when"
    if re.search(r" (siapa|siapakah) ", q):
        return "who"
    if re.search(r" (dimana|dimanakah|di mana|di manakah|darimana|darimanakah|dari mana|kemana|kemanakah|ke mana) ", q) or re.search(r" (di|ke|dari) \w+( \w+)? (mana|manakah) ", q) \
            or re.search(r" (kota|negara|provinsi|pulau|daerah|wilayah|benua|kabupaten) (apa|apakah|manakah|mana) ", q):
        return "where"
    if re.search(r" (berapa|berapakah|seberapa|seberapakah) ", q):
        return "how_many"
    if re.search(r" (mengapa|kenapa) ", q):
        return "why"
    if re.search(r" (bagaimana|bagaimanakah) ", q):
        return "how"
    if re.search(r" (apa|apakah|manakah) ", q):
        return "what"
    return "other"


CLAIM_LABELS = ("supported", "refuted", "not_enough_info")


def claim_item(suite: str, split: str, n: int, lang: str, claim: str, label: str, file: str, evidence: str,
               category: str) -> dict:
    """One claim of a claim suite: `evidence` is the premise the label was given against (verbatim in `file`)."""
    assert label in CLAIM_LABELS, label
    return {
        "id": f"{suite}-{split}-{n:04d}",
        "suite": suite,
        "split": split,
        "lang": lang,
        "claim": claim,
        "label": label,
        "file": f"corpus/{split}/{file}",
        "evidence": evidence,
        "category": category,
    }


def write_claim_split(folder: Path, split: str, files: dict[str, str], items: list[dict]) -> None:
    """Write a claim suite's corpus files and items, after checking every premise is verbatim in its file."""
    _write_corpus(folder / "corpus" / split, files)
    ids = set()
    with open(folder / f"items.{split}.jsonl", "w", encoding="utf-8") as out:
        for it in items:
            assert it["id"] not in ids, f"duplicate id {it['id']}"
            ids.add(it["id"])
            name = it["file"].split("/")[-1]
            assert it["evidence"] in files[name], f"{it['id']}: premise not in {name}"
            out.write(json.dumps(it, ensure_ascii=False) + "\n")


def group_premises(premises: list[tuple[object, str]], per_file: int) -> tuple[dict[str, str], dict[object, str]]:
    """Premises (key, text), already in their shuffled order, `per_file` to a corpus file separated by blank
    lines: the files, and which file each key went to."""
    files: dict[str, str] = {}
    where: dict[object, str] = {}
    for i in range(0, len(premises), per_file):
        name = f"premises_{i // per_file:03d}.txt"
        group = premises[i : i + per_file]
        files[name] = "\n\n".join(text for _, text in group) + "\n"
        where.update({key: name for key, _ in group})
    return files, where
