"""`factbot docs list|show|rm` in-process (typer CliRunner) against a real Chroma store in tmp_path."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import _register, app, main
from bot.cli.common import service
from bot.settings import get_settings

DATA = Path(__file__).resolve().parents[2] / "data"
runner = CliRunner()


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("FACTBOT_PERSIST_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("FACTBOT_EMBEDDER", "fake")
    get_settings.cache_clear()
    service.cache_clear()
    _register()
    res = runner.invoke(app, ["ingest", str(DATA)])
    assert res.exit_code == 0, res.output
    yield tmp_path / "store"
    get_settings.cache_clear()
    service.cache_clear()


def test_list_shows_a_row_per_document(store: Path) -> None:
    res = runner.invoke(app, ["docs", "list"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].split()[:4] == ["ID", "DATE", "OUTLET", "CHUNKS"]
    assert len(lines) == 1 + 5 + 1 and lines[-1].startswith("5 document(s)")
    assert "Tempo" in res.output and "2023-09-13" in res.output
    rows = json.loads(runner.invoke(app, ["docs", "list", "--json"]).output)
    assert len(rows) == 5 and {"doc_id", "title", "outlet", "published", "chunks", "flags"} <= set(rows[0])
    assert len(json.loads(runner.invoke(app, ["docs", "list", "kompas", "--json"]).output)) == 1


def test_show_prints_the_clean_text(store: Path) -> None:
    res = runner.invoke(app, ["docs", "show", "000_a856f8a56b9e8d9f.txt"])
    assert res.exit_code == 0, res.output
    assert "outlet: Tempo" in res.output and "Vladimir Putin" in res.output
    data = json.loads(runner.invoke(app, ["docs", "show", "000_a856f8a56b9e8d9f.txt", "--json"]).output)
    assert data["text"] in res.output and data["source"].endswith("000_a856f8a56b9e8d9f.txt")


def test_rm_removes_and_list_no_longer_shows_it(store: Path) -> None:
    doc_id = json.loads(runner.invoke(app, ["docs", "show", "001_e55747e849a101e5.txt", "--json"]).output)["doc_id"]
    res = runner.invoke(app, ["docs", "rm", doc_id[:8], doc_id])  # named twice, removed once
    assert res.exit_code == 0, res.output
    assert res.output.count("removed ") == 1 and doc_id in res.output
    assert doc_id not in runner.invoke(app, ["docs", "list"]).output
    assert len(json.loads(runner.invoke(app, ["docs", "list", "--json"]).output)) == 4


@pytest.mark.parametrize(
    "args", [["docs", "show", "nope"], ["docs", "rm", "nope"], ["docs", "rm", "000_a856f8a56b9e8d9f.txt", "zzzz"]]
)
def test_bad_reference_is_one_line_exit_2(
    store: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["factbot", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("factbot: error: no stored document matches") and err.count("\n") == 1
    assert "Traceback" not in err
    assert len(json.loads(runner.invoke(app, ["docs", "list", "--json"]).output)) == 5  # nothing half-removed
