"""`factbot dev …` in-process (typer CliRunner): help for every tool, a real gold check, one-line errors.

No training runs here: the train and fit commands are exercised through their help and their option checks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import _register, app, main
from bot.errors import BadInput

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold.jsonl"
DEV_COMMANDS = ("train-claims", "fit-claims", "train-evidence", "build-lexicon", "gold")
runner = CliRunner()


@pytest.fixture(autouse=True)
def _commands() -> None:
    _register()


def _main(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    """The console script as users run it: exceptions become one line and an exit status."""
    monkeypatch.setattr(sys, "argv", ["factbot", *argv])
    with pytest.raises(SystemExit) as exc:
        main()
    return int(exc.value.code or 0)


def test_dev_help_lists_every_tool() -> None:
    res = runner.invoke(app, ["dev", "--help"])
    assert res.exit_code == 0, res.output
    for name in DEV_COMMANDS:
        assert name in res.output
    assert "dev" in runner.invoke(app, ["--help"]).output


@pytest.mark.parametrize(
    ("args", "options"),
    [
        (["train-claims"], ["--indonli", "--sick", "--cache", "--unrelated", "--mutate", "--mnli-id", "--out",
                            "--hidden", "--dense"]),
        (["fit-claims"], ["--suites", "--model"]),
        (["train-evidence"], ["--suites", "--out"]),
        (["gold"], ["check"]),
        (["gold", "check"], ["GOLD.jsonl"]),
    ],
)  # fmt: skip
def test_each_tool_has_help_with_its_options(args: list[str], options: list[str]) -> None:
    res = runner.invoke(app, ["dev", *args, "--help"], terminal_width=200)
    assert res.exit_code == 0, res.output
    for option in options:
        assert option in res.output


def test_gold_check_passes_on_the_shipped_gold_set() -> None:
    res = runner.invoke(app, ["dev", "gold", "check", str(GOLD)])
    assert res.exit_code == 0, res.output
    assert "items in" in res.output and res.output.strip().endswith("ok")


def test_gold_check_reports_problems_and_exits_1(tmp_path: Path) -> None:
    item = {"id": "a", "kind": "question", "lang": "en", "category": "c", "text": "Who?", "expected": "not_found"}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(item) + "\n" + json.dumps(item) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["dev", "gold", "check", str(gold)])
    assert res.exit_code == 1
    assert "duplicate id 'a'" in res.output and "problem(s)" in res.output


def test_unreadable_gold_file_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert _main(["dev", "gold", "check", str(bad)], monkeypatch) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("factbot: error:") and "malformed JSON" in err and len(err.splitlines()) == 1


def test_unknown_suite_is_refused_before_any_work(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _main(["dev", "fit-claims", "--suites", "nope"], monkeypatch) == 2
    assert "unknown dev claim suite(s) nope" in capsys.readouterr().err
    res = runner.invoke(app, ["dev", "train-evidence", "--suites", "nope"])
    assert isinstance(res.exception, BadInput)


@pytest.mark.parametrize(
    "args",
    [
        ["dev", "train-claims", "--bogus"],
        ["dev", "train-claims", "--indonli", "/no/such/file", "--sick", "/no/such/file"],
        ["dev", "fit-claims", "--model", "/no/such/model.json"],
        ["dev", "gold", "check"],
        ["--log-level", "loud", "dev", "--help"],
    ],
)
def test_bad_options_exit_2(args: list[str]) -> None:
    res = runner.invoke(app, args)
    assert res.exit_code == 2, res.output


def test_help_does_not_import_the_heavy_tools() -> None:
    code = (
        "import sys; from bot.cli import _register; _register(); "
        "print(sorted(m for m in ('sklearn', 'bot.dev.train_claims', 'bot.dev.fit_claims', 'bot.dev.train_evidence') "
        "if m in sys.modules))"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"
