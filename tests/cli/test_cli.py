"""The console script as users run it (subprocess): contract JSON, batch, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fuzz_support import odd_question

pytestmark = pytest.mark.integration
DATA = Path(__file__).resolve().parents[2] / "data"
ANSWER_KEYS = {"query", "kind", "status", "answer", "verdict", "citations", "warnings", "resolved_query"}
CITATION_KEYS = {
    "n",
    "doc_id",
    "title",
    "outlet",
    "url",
    "source",
    "published",
    "quote",
    "char_start",
    "char_end",
    "score",
    "page",
}


def run(args: list[str], store: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FACTBOT_PERSIST_DIR": str(store)}
    return subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-store")
    r = run(["ingest", str(DATA), "--json"], path)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["added"] == 5 and report["chunks"] > 0
    return path


def test_reingest_adds_nothing(store: Path) -> None:
    r = run(["ingest", str(DATA)], store)
    assert r.returncode == 0
    assert "0 added" in r.stdout and "0 chunks added" in r.stdout
    assert "masked" not in r.stdout  # nothing was stored, so nothing was masked this time


def test_ask_json_is_exactly_the_answer_model(store: Path) -> None:
    r = run(["ask", "who said Russia will help build satellites?", "--json"], store)
    assert r.returncode == 0, r.stderr
    ans = json.loads(r.stdout)
    assert set(ans) == ANSWER_KEYS
    assert ans["kind"] == "question" and ans["status"] == "answered" and ans["verdict"] is None
    assert set(ans["citations"][0]) == CITATION_KEYS
    assert "Putin mengatakan Rusia akan membantu Korea Utara membangun satelit" in ans["citations"][0]["quote"]


def test_ask_human_output_lists_sources(store: Path) -> None:
    r = run(["ask", "Siapa yang mengatakan Rusia akan membantu membangun satelit?"], store)
    assert r.returncode == 0
    assert "Putin" in r.stdout and "Sources:" in r.stdout and "[1] Tempo, 2023-09-13" in r.stdout


def test_not_found_is_a_success(store: Path) -> None:
    r = run(["ask", "Who won the 2024 Nobel Prize in Literature?", "--json"], store)
    assert r.returncode == 0
    assert json.loads(r.stdout)["status"] == "not_found"


@pytest.mark.parametrize(
    "args", [["ask", "   "], ["check", ""], ["batch", "/no/such/file.jsonl"], ["ingest", "/no/such/dir"]]
)
def test_bad_usage_exits_2_with_one_line(store: Path, args: list[str]) -> None:
    r = run(args, store)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert r.stderr.strip() and len(r.stderr.strip().splitlines()) <= 2


def test_batch_one_line_out_per_line_in(store: Path, tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "q1", "kind": "question", "text": "who said Russia will help build satellites?"}),
        "{not json",
        json.dumps({"id": "q2", "kind": "question", "text": ""}),
        json.dumps({"id": "q3", "kind": "banana", "text": "hello"}),
        json.dumps({"id": "q4", "text": "What did Joe Biden say about the summit?"}),
        json.dumps([1, 2]),
    ]
    infile = tmp_path / "in.jsonl"
    infile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run(["batch", str(infile), "-o", str(out)], store)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(lines)
    assert rows[0]["id"] == "q1" and rows[0]["status"] == "answered" and "Putin" in rows[0]["answer"]
    assert "error" in rows[1] and "error" in rows[2] and "error" in rows[3] and "error" in rows[5]
    assert rows[4]["id"] == "q4" and rows[4]["status"] == "not_found"


def help_text(args: list[str]) -> str:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    r = subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", *args, "--help"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ([], r"factbot \[OPTIONS\] COMMAND \[ARGS\]\.\.\."),
        (["ask"], r"factbot ask \[OPTIONS\] QUESTION"),
        (["check"], r"factbot check \[OPTIONS\] CLAIM"),
        (["batch"], r"factbot batch \[OPTIONS\] INFILE"),
        (["ingest"], r"factbot ingest \[OPTIONS\] PATHS?\.\.\."),
        (["serve"], r"factbot serve \[OPTIONS\]"),
        (["eval"], r"factbot eval \[OPTIONS\]"),
    ],
)
def test_help_reads_like_a_unix_tool(command: list[str], usage: str) -> None:
    out = help_text(command)
    assert re.search(rf"Usage: {usage}\s*$", out, re.M), out
    assert not re.search(r"<(bool|str|int|path|list\[[^]]*\]|float)>", out), out  # no Python types as metavars
    assert all("{" not in line for line in out.splitlines() if "Usage:" in line)
    for flag in ("--help", "--json", "--slack", "--gate"):  # flags are flags: no value metavar after them
        for line in out.splitlines():
            assert not re.search(rf"{flag}\s+[A-Z][A-Z0-9_.]*\s{{2,}}", line), line


def test_value_options_show_caps_metavars() -> None:
    assert re.search(r"-k\s+N\s", help_text(["ask"]))
    assert re.search(r"--out\s+-o\s+FILE\s", help_text(["batch"]))
    assert re.search(r"--port\s+PORT\s", help_text(["serve"]))


def test_batch_lines_may_carry_a_history(store: Path, tmp_path: Path) -> None:
    turns = [{"text": "who said Russia will help build satellites?", "kind": "question"}]
    lines = [
        json.dumps({"id": "f1", "text": "when was that said?", "history": turns}),
        json.dumps({"id": "f2", "text": "when was that said?", "history": "not a list"}),
    ]
    infile = tmp_path / "in.jsonl"
    infile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run(["batch", str(infile)], store)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert rows[0]["id"] == "f1" and "satellites" in rows[0]["resolved_query"]
    assert rows[0]["query"] == "when was that said?"
    assert rows[1]["id"] == "f2" and "history" in rows[1]["error"]


# ---- fuzz: odd questions and claims in one `factbot batch`, odd arguments to `ask` / `check` ----------------
# Fixed seed, small sizes. Allowed: exit 0 with one JSON line out per line in (a bad line gets an "error" field),
# or exit 2 with a one-line error; never a traceback; the store answers the headline question afterwards.

FUZZ_SEED = 20261206
N_BATCH = 300


def test_batch_of_odd_lines_answers_every_line(store: Path, tmp_path: Path) -> None:
    rng = random.Random(FUZZ_SEED)
    lines = []
    for i in range(N_BATCH):
        text = odd_question(rng, i)
        if i % 25 == 3:
            lines.append("{not json at all")
        elif i % 25 == 7:
            lines.append(json.dumps({"id": i, "kind": rng.choice(["claim", "poem", 7]), "text": text}))
        else:
            lines.append(json.dumps({"id": i, "kind": "claim" if i % 20 == 9 else "question", "text": text}))
    infile = tmp_path / "odd.jsonl"
    infile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run(["batch", str(infile)], store)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "Traceback" not in r.stderr
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(out) == N_BATCH
    errors = [o for o in out if "error" in o]
    assert errors and all("\n" not in o["error"] for o in errors)  # malformed lines get a one-line reason
    answered = [o for o in out if "error" not in o]
    assert len(answered) > N_BATCH // 2
    for o in answered:  # every answer is the contract's shape, and its quotes are what the store holds
        assert o["status"] in ("answered", "not_found") and isinstance(o["citations"], list)


def test_odd_arguments_to_ask_exit_0_or_2_with_one_line(store: Path) -> None:
    rng = random.Random(FUZZ_SEED + 1)
    for i in range(6):  # each run starts a process (embedder + store): a few odd arguments, not hundreds
        text = odd_question(rng, i).replace("\x00", "")  # a NUL cannot be an argv string at all
        r = run(["ask", "--json", text] if i % 2 else ["check", text], store)
        assert r.returncode in (0, 2), (text, r.stderr[-500:])
        assert "Traceback" not in r.stderr
        if r.returncode == 2:
            assert len(r.stderr.strip().splitlines()) == 1
    r = run(["ask", "--json", "Siapa yang mengatakan Rusia akan membantu Korea Utara membangun satelit?"], store)
    assert r.returncode == 0 and "Putin" in json.loads(r.stdout)["answer"]
